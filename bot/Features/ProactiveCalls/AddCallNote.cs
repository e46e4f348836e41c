using AccountCoachBot.Data;
using Microsoft.EntityFrameworkCore;

namespace AccountCoachBot.Features.ProactiveCalls;

/// <summary>A note on a logged call (cut to 1000 characters).</summary>
public sealed record AddCallNote(int AccountId, long TouchId, string Note);

public static class AddCallNoteHandler
{
    /// <summary>The call the note belongs to; null (nothing changed) when it is not that account's.</summary>
    public static async Task<Touch?> FindAsync(CoachDbContext db, int accountId, long touchId, CancellationToken ct) =>
        await db.Set<Touch>().FirstOrDefaultAsync(t => t.Id == touchId && t.AccountId == accountId, ct);

    public static async Task<bool> HandleAsync(CoachDbContext db, AddCallNote command, CancellationToken ct)
    {
        var touch = await FindAsync(db, command.AccountId, command.TouchId, ct);
        if (touch is null) return false;
        touch.Note = command.Note.Length <= 1000 ? command.Note : command.Note[..999] + "…";
        return true;
    }
}
