namespace AccountCoachBot.Scheduling;

/// <summary>
/// Outbox kinds are their own vocabulary, apart from button ids: every kind starts with <see cref="Prefix"/>
/// and then names its feature (`nudge.promise.due`, `nudge.meeting.debrief`), which picks the renderer.
/// </summary>
public static class NudgeKinds
{
    public const string Prefix = "nudge.";
}
