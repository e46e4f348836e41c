namespace AccountCoachBot.Features.ProactiveCalls;

/// <summary>Action ids of call-nudge buttons, the payload keys they carry, and the subjects of call nudges (their kinds: <see cref="CallNudgeKinds"/>).</summary>
public static class CallActions
{
    public const string Called = "call.called";
    public const string Snooze = "call.snooze";
    public const string SkipCall = "call.skip";
    public const string Note = "call.note";
    public const string Why = Coaching.CoachingCommands.WhyAction;

    /// <summary>The ids this slice owns (Why is coaching's).</summary>
    public static readonly IReadOnlyList<string> Owned = [Called, Snooze, SkipCall, Note];

    public const string AccountKey = "account";
    public const string CycleKey = "cycle";
    public const string DaysKey = "days";
    public const string ReasonKey = "reason";
    public const string NoteKey = "note";
    public const string TouchKey = "touch";
    public const string PrincipleKey = Coaching.CoachingCommands.PrincipleKey;

    /// <summary>The principle behind every call nudge.</summary>
    public const string CallFirst = Coaching.PrincipleIds.ProactiveCall;

    public static readonly int[] SnoozeDays = [1, 3, 7];

    public static string Subject(int accountId) => $"account:{accountId}";

    public static string PersonSubject(int personId) => $"person:{personId}";
}
