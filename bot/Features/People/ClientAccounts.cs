using AccountCoachBot.Data;
using AccountCoachBot.Features.People.Declension;
using Microsoft.EntityFrameworkCore;

namespace AccountCoachBot.Features.People;

/// <summary>
/// The one place a person's client account is found by name or created: "acme", "Acme" and " ACME " are one
/// account, and so are «Ромашка», «Ромашке» and «для «Ромашки»» (<see cref="RussianNames"/>). Promises, meetings,
/// calls, account settings and the CSV import all come through here.
/// </summary>
public static class ClientAccounts
{
    /// <summary>
    /// The owner's account of that name (case, spacing and quotes aside), including one added in this turn; else the
    /// one account the name is a case form of («Ромашке» → «Ромашка»).
    /// </summary>
    public static async Task<Account?> FindAsync(CoachDbContext db, int ownerId, string name, CancellationToken ct)
    {
        var normalized = Account.Normalize(name);
        var exact = db.Accounts.Local.FirstOrDefault(a => a.OwnerId == ownerId && a.NormalizedName == normalized)
            ?? await db.Accounts.FirstOrDefaultAsync(a => a.OwnerId == ownerId && a.NormalizedName == normalized, ct);
        if (exact is not null || normalized.Length == 0) return exact;

        var saved = await db.Accounts.Where(a => a.OwnerId == ownerId).ToListAsync(ct);
        var forms = saved.Concat(db.Accounts.Local.Where(a => a.OwnerId == ownerId)).Distinct()
            .Where(a => RussianNames.IsFormOf(name, a.Name)).ToList();
        // Two accounts that are forms of each other («Ромашка», «Ромашке») are the split `account … merge` fixes:
        // the nominative-looking one is meant.
        return forms.Count <= 1 ? forms.FirstOrDefault() : forms.OrderBy(a => RussianNames.LooksOblique(a.Name)).ThenBy(a => a.Id).First();
    }

    /// <summary>
    /// The owner's account of that name, added (not yet saved) when there is none; Created says which. With
    /// <paramref name="asNominative"/> a new name typed in an oblique case is added in its likeliest nominative
    /// («с Ромашкой» → «Ромашка»), for commands that do not stop to ask; the reply then says so (<see cref="NamedFromCase"/>).
    /// </summary>
    /// <param name="nameCase">The case the sentence put the name in, when it said («у Яндекса»): read back from that case.</param>
    public static async Task<(Account Account, bool Created)> FindOrAddAsync(CoachDbContext db, int ownerId, string name, DateTime nowUtc, CancellationToken ct, bool asNominative = false,
        RussianCase? nameCase = null)
    {
        if (await FindAsync(db, ownerId, name, ct) is { } existing) return (existing, false);
        if (asNominative && (nameCase is not null || RussianNames.LooksOblique(name)))
        {
            name = nameCase is { } c ? RussianNames.NominativeIn(name, c) : RussianNames.Nominatives(name)[0];
            if (await FindAsync(db, ownerId, name, ct) is { } known) return (known, false);
        }
        var tidy = string.Join(' ', name.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        var account = new Account { OwnerId = ownerId, Name = tidy, NormalizedName = Account.Normalize(tidy), CreatedUtc = nowUtc };
        db.Accounts.Add(account);
        return (account, true);
    }

    /// <summary>True when a just-created account's name is not what was typed: it was read back to the nominative.</summary>
    public static bool NamedFromCase(Account account, bool created, string typed) =>
        created && !string.Equals(account.Name, string.Join(' ', typed.Split(' ', StringSplitOptions.RemoveEmptyEntries)), StringComparison.OrdinalIgnoreCase);
}
