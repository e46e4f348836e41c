using AccountCoachBot.Data;
using Microsoft.EntityFrameworkCore;

namespace AccountCoachBot.Features.People;

/// <summary>
/// The one place a person's client account is found by name or created: "acme", "Acme" and " ACME " are one
/// account. Promises, meetings, calls and the CSV import all come through here.
/// </summary>
public static class ClientAccounts
{
    /// <summary>The owner's account of exactly that name (case and spacing aside), including one added in this turn.</summary>
    public static async Task<Account?> FindAsync(CoachDbContext db, int ownerId, string name, CancellationToken ct)
    {
        var normalized = Account.Normalize(name);
        return db.Accounts.Local.FirstOrDefault(a => a.OwnerId == ownerId && a.NormalizedName == normalized)
            ?? await db.Accounts.FirstOrDefaultAsync(a => a.OwnerId == ownerId && a.NormalizedName == normalized, ct);
    }

    /// <summary>The owner's account of that name, added (not yet saved) when there is none; Created says which.</summary>
    public static async Task<(Account Account, bool Created)> FindOrAddAsync(CoachDbContext db, int ownerId, string name, DateTime nowUtc, CancellationToken ct)
    {
        if (await FindAsync(db, ownerId, name, ct) is { } existing) return (existing, false);
        var tidy = string.Join(' ', name.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        var account = new Account { OwnerId = ownerId, Name = tidy, NormalizedName = Account.Normalize(tidy), CreatedUtc = nowUtc };
        db.Accounts.Add(account);
        return (account, true);
    }
}
