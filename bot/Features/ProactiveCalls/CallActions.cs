namespace AccountCoachBot.Features.ProactiveCalls;

/// <summary>Action ids of call-nudge buttons, the payload keys they carry, and the outbox kinds of call nudges.</summary>
public static class CallActions
{
    public const string Called = "call.called";
    public const string Snooze = "call.snooze";
    public const string SkipCall = "call.skip";
    public const string Note = "call.note";
    public const string Why = Coaching.CoachingCommands.WhyAction;

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

    // Outbox kinds.
    /// <summary>One account's nudge, in its channel or the owner's chat (counts toward the daily budget).</summary>
    public const string NudgeKind = "call.nudge";

    /// <summary>The same nudge in the owner's chat after the channel refused it, with how to fix the channel.</summary>
    public const string FallbackKind = "call.fallback";

    /// <summary>The same nudge in the owner's chat after the channel refused it again (the fix was already told).</summary>
    public const string RedirectKind = "call.redirect";

    /// <summary>The day's due accounts beyond the daily budget, in one message.</summary>
    public const string BundleKind = "call.bundle";

    /// <summary>Back from vacation: what came due meanwhile, in one message.</summary>
    public const string CatchUpKind = "call.catchup";

    public static readonly string[] AccountKinds = [NudgeKind, FallbackKind, RedirectKind];

    public static string Subject(int accountId) => $"account:{accountId}";

    public static string PersonSubject(int personId) => $"person:{personId}";
}
