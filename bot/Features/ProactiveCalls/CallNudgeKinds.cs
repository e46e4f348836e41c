using AccountCoachBot.Scheduling;

namespace AccountCoachBot.Features.ProactiveCalls;

/// <summary>Outbox kinds of call nudges (not button ids: those are <see cref="CallActions"/>).</summary>
public static class CallNudgeKinds
{
    public const string Prefix = NudgeKinds.Prefix + "call.";

    /// <summary>One account's nudge, in its channel or the owner's chat (counts toward the daily budget).</summary>
    public const string Nudge = Prefix + "nudge";

    /// <summary>The same nudge in the owner's chat after the channel refused it, with how to fix the channel.</summary>
    public const string Fallback = Prefix + "fallback";

    /// <summary>The same nudge in the owner's chat after the channel refused it again (the fix was already told).</summary>
    public const string Redirect = Prefix + "redirect";

    /// <summary>The day's due accounts beyond the daily budget, in one message.</summary>
    public const string Bundle = Prefix + "bundle";

    /// <summary>Back from vacation: what came due meanwhile, in one message.</summary>
    public const string CatchUp = Prefix + "catchup";

    public static readonly string[] AccountKinds = [Nudge, Fallback, Redirect];
}
