using AccountCoachBot.Features.Coaching;

namespace AccountCoachBot.Features.MeetingPrep;

/// <summary>Action ids of meeting buttons and prompts, and the payload keys they carry.</summary>
public static class MeetingActions
{
    public const string Create = "meeting.create";
    public const string Start = "meeting.start";
    public const string Answer = "meeting.answer";
    public const string Save = "meeting.save";
    public const string Brief = "meeting.brief";
    public const string Cancel = "meeting.cancel";
    public const string Debrief = "meeting.debrief";
    public const string DebriefAnswer = "meeting.debrief.answer";
    public const string DebriefSave = "meeting.debrief.save";
    public const string Why = CoachingCommands.WhyAction;

    /// <summary>The ids this slice owns (Why is coaching's).</summary>
    public static readonly IReadOnlyList<string> Owned = [Create, Start, Answer, Save, Brief, Cancel, Debrief, DebriefAnswer, DebriefSave];

    public const string IdKey = "meetingId";
    public const string ItemKey = "item";
    public const string AnswerKey = "answer";
    public const string AccountKey = "account";
    public const string NameCaseKey = "nameCase";
    public const string WhenKey = "when";
    public const string ImportantKey = "important";
    public const string MinutesKey = "minutes";
    public const string RestartKey = "restart";
    public const string PrincipleKey = CoachingCommands.PrincipleKey;
}

/// <summary>Principles the feature's own messages cite (the checklist items cite theirs in the data file).</summary>
public static class MeetingPrincipleIds
{
    public const string NeverAlone = PrincipleIds.NeverAloneToImportantMeeting;
    public const string Prepare = PrincipleIds.PrepareForEveryMeeting;

    /// <summary>"Anyone who says a meeting was perfect is lying to themselves" comes from this tenet's part of seed 004.</summary>
    public const string ItStartsAndEndsWithYou = "it-starts-and-ends-with-you";
}
