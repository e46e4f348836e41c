using AccountCoachBot.Features.Coaching;

namespace AccountCoachBot.Features.Digests;

/// <summary>
/// One coaching focus per member, from their own figures, first rule that applies:
/// promises moved after their date (the client learned late) → always-do-what-you-say;
/// promises still open past their date → always-do-what-you-say;
/// fewer than half the due calls made in time → proactive-call;
/// a meeting held without the checklist done before it → prepare-for-every-meeting;
/// promises kept late → renegotiate-before-the-deadline (move the date before it passes);
/// nothing recorded at all → record-every-event;
/// everything due kept on time → recognize-success-right-away (say so);
/// otherwise → make-control-a-habit.
/// </summary>
public static class CoachingFocusRule
{
    public static CoachingFocus For(DigestFigures f)
    {
        var p = f.Promises;
        var a = f.Accounts;
        if (p.MovedAfterDue > 0) return new(FocusKind.MovedAfterDue, PrincipleIds.AlwaysDoWhatYouSay, p.MovedAfterDue, p.Moved);
        if (p.StillOpen > 0) return new(FocusKind.Overdue, PrincipleIds.AlwaysDoWhatYouSay, p.StillOpen, p.Due);
        if (a.CallsDue > 0 && a.CallsInTime * 2 < a.CallsDue) return new(FocusKind.CallsLate, PrincipleIds.ProactiveCall, a.CallsDue - a.CallsInTime, a.CallsDue);
        if (a.MeetingsHeld > a.MeetingsPrepared) return new(FocusKind.MeetingsUnprepared, PrincipleIds.PrepareForEveryMeeting, a.MeetingsHeld - a.MeetingsPrepared, a.MeetingsHeld);
        if (p.KeptLate > 0) return new(FocusKind.KeptLate, PrincipleIds.RenegotiateBeforeTheDeadline, p.KeptLate, p.Due);
        if (f.IsEmpty) return new(FocusKind.NothingRecorded, PrincipleIds.RecordEveryEvent, 0, 0);
        if (p.Due > 0 && p.KeptOnTime + p.MovedBeforeDue + p.Cancelled + p.NotYetDue == p.Due)
            return new(FocusKind.AllOnTime, PrincipleIds.RecognizeSuccessRightAway, p.KeptOnTime, p.Due);
        return new(FocusKind.KeepGoing, PrincipleIds.MakeControlAHabit, 0, 0);
    }
}
