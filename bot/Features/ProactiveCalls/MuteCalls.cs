using AccountCoachBot.Data;

namespace AccountCoachBot.Features.ProactiveCalls;

/// <summary>Call nudges off (or back on) for the person.</summary>
public sealed record MuteCalls(bool Mute);

public static class MuteCallsHandler
{
    public static async Task HandleAsync(CoachDbContext db, int personId, MuteCalls command, CancellationToken ct)
    {
        var prefs = await CallStore.EnsurePreferencesAsync(db, personId, ct);
        prefs.CallsMuted = command.Mute;
    }
}
