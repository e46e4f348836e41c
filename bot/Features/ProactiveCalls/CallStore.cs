using AccountCoachBot.Data;
using AccountCoachBot.Features.People;
using Microsoft.EntityFrameworkCore;

namespace AccountCoachBot.Features.ProactiveCalls;

/// <summary>Queries and small writes the commands, the planner, the renderer and the import share.</summary>
internal static class CallStore
{
    public static DbSet<AccountCadence> Cadences(this CoachDbContext db) => db.Set<AccountCadence>();

    /// <summary>The account's cadence, created (standard, counted from the account's creation) when it has none yet.</summary>
    public static async Task<AccountCadence> EnsureCadenceAsync(CoachDbContext db, Account account, CancellationToken ct)
    {
        AccountCadence? cadence = null;
        if (account.Id != 0)
            cadence = db.Cadences().Local.FirstOrDefault(c => c.AccountId == account.Id)
                ?? await db.Cadences().FirstOrDefaultAsync(c => c.AccountId == account.Id, ct);
        if (cadence is null)
        {
            cadence = new AccountCadence { Account = account, AccountId = account.Id, StartedUtc = account.CreatedUtc, NextCheckUtc = account.CreatedUtc };
            db.Cadences().Add(cadence);
        }
        return cadence;
    }

    /// <summary>After a change (a contact, a snooze, a new cadence): when the planner should look at the account next.</summary>
    public static CallStatus Refresh(AccountCadence cadence, Person owner, DateTime nowUtc)
    {
        var status = CallCadence.Evaluate(cadence, owner, nowUtc);
        cadence.NextCheckUtc = status.DueUtc;
        return status;
    }

    public static Task<NudgePreferences?> PreferencesAsync(CoachDbContext db, int personId, CancellationToken ct) =>
        db.Set<NudgePreferences>().FirstOrDefaultAsync(p => p.PersonId == personId, ct);

    public static async Task<NudgePreferences> EnsurePreferencesAsync(CoachDbContext db, int personId, CancellationToken ct)
    {
        var prefs = await PreferencesAsync(db, personId, ct);
        if (prefs is null)
        {
            prefs = new NudgePreferences { PersonId = personId };
            db.Set<NudgePreferences>().Add(prefs);
        }
        return prefs;
    }

    /// <summary>The person's own chat for private nudges: the one they used last, never a shared channel.</summary>
    public static Task<ConversationAddress?> PrivateAddressAsync(CoachDbContext db, int personId, CancellationToken ct) =>
        db.Addresses.Where(a => a.PersonId == personId && !a.IsStale && !a.IsShared)
            .OrderByDescending(a => a.UpdatedUtc).FirstOrDefaultAsync(ct);

    /// <summary>One of the person's accounts by name: exact or a case form of it («Ромашке»), else the only one it starts.</summary>
    public static async Task<(Account? Match, IReadOnlyList<Account> Candidates)> FindAccountAsync(CoachDbContext db, int ownerId, string name, CancellationToken ct)
    {
        var normalized = Account.Normalize(name.Trim().Trim('"', '«', '»', '`'));
        if (normalized.Length == 0) return (null, []);
        var exact = await ClientAccounts.FindAsync(db, ownerId, name.Trim().Trim('"', '«', '»', '`'), ct);
        if (exact is not null) return (exact, [exact]);
        var all = await db.Accounts.Where(a => a.OwnerId == ownerId).ToListAsync(ct);
        var starts = all.Where(a => a.NormalizedName.StartsWith(normalized, StringComparison.Ordinal)).ToList();
        return starts.Count == 1 ? (starts[0], starts) : (null, starts);
    }
}
