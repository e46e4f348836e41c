using AccountCoachBot.Data;
using Microsoft.EntityFrameworkCore;

namespace AccountCoachBot.Features.People;

/// <summary>
/// Joins two people into one when their chats are linked: the person who types the code (from) moves into the
/// one who issued it (into). Accounts with the same name become one first; then each feature moves its share
/// (<see cref="IPersonalData"/>); then identities, addresses, nudges and settings; then the empty person goes.
/// </summary>
public sealed class PersonMerge(IEnumerable<IPersonalData> features)
{
    /// <summary>Runs inside the caller's transaction. Clears the change tracker: re-read anything you hold.</summary>
    public async Task MergeAsync(CoachDbContext db, int fromId, int intoId, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfEqual(fromId, intoId);
        // Bulk updates below bypass the tracker; nothing stale may be saved over them.
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();

        await MergeAccountsAsync(db, fromId, intoId, ct);
        foreach (var feature in features)
            await feature.MergePersonAsync(db, fromId, intoId, ct);

        await db.ChannelIdentities.Where(i => i.PersonId == fromId).ExecuteUpdateAsync(s => s.SetProperty(i => i.PersonId, intoId), ct);
        await db.Addresses.Where(a => a.PersonId == fromId).ExecuteUpdateAsync(s => s.SetProperty(a => a.PersonId, intoId), ct);
        // Nudges are the one table without a key to the person.
        await db.Outbox.Where(o => o.PersonId == fromId).ExecuteUpdateAsync(s => s.SetProperty(o => o.PersonId, intoId), ct);

        var from = await db.People.AsNoTracking().SingleAsync(p => p.Id == fromId, ct);
        var into = await db.People.SingleAsync(p => p.Id == intoId, ct);
        KeepSettings(from, into);
        await db.SaveChangesAsync(ct);
        await db.People.Where(p => p.Id == fromId).ExecuteDeleteAsync(ct);
        db.ChangeTracker.Clear();
    }

    /// <summary>
    /// A setting someone chose beats one the bot assumed; when both chose, the person who issued the code keeps
    /// theirs. A pause on either side stays: the bot does not start talking to someone who asked for quiet.
    /// </summary>
    internal static void KeepSettings(Person from, Person into)
    {
        if (into.TimeZoneSource < from.TimeZoneSource)
        {
            into.TimeZoneId = from.TimeZoneId;
            into.TimeZoneSource = from.TimeZoneSource;
        }
        if (!into.LanguageChosen && from.LanguageChosen)
        {
            into.Language = from.Language;
            into.LanguageChosen = true;
        }
        var defaults = WorkingHours.Default;
        var intoDefault = into.WorkStart == defaults.Start && into.WorkEnd == defaults.End && into.WorkDaysMask == defaults.DaysMask;
        if (intoDefault)
        {
            into.WorkStart = from.WorkStart;
            into.WorkEnd = from.WorkEnd;
            into.WorkDaysMask = from.WorkDaysMask;
        }
        into.Paused |= from.Paused;
        if (into.Gender == GrammaticalGender.Unknown) into.Gender = from.Gender;
        into.GenderAsked |= from.GenderAsked;
        into.Email ??= from.Email;
        if (string.IsNullOrWhiteSpace(into.DisplayName)) into.DisplayName = from.DisplayName;
        into.Welcomed |= from.Welcomed;
        if (from.CreatedUtc < into.CreatedUtc) into.CreatedUtc = from.CreatedUtc;
    }

    private async Task MergeAccountsAsync(CoachDbContext db, int fromId, int intoId, CancellationToken ct)
    {
        var intoAccounts = await db.Accounts.AsNoTracking().Where(a => a.OwnerId == intoId).ToDictionaryAsync(a => a.NormalizedName, ct);
        var moving = new List<int>();
        foreach (var account in await db.Accounts.AsNoTracking().Where(a => a.OwnerId == fromId).OrderBy(a => a.Number).ToListAsync(ct))
        {
            if (!intoAccounts.TryGetValue(account.NormalizedName, out var same))
            {
                moving.Add(account.Id);
                continue;
            }
            await MergeAccountAsync(db, account, same, ct);
        }
        // The rest become theirs, numbered after their own.
        await OwnNumbers.MoveAsync(db, db.Accounts.Where(a => moving.Contains(a.Id)), intoId, ct);
    }

    /// <summary>
    /// One account into another of the same owner («Ромашке» into «Ромашка», or same-named across two people): each
    /// feature moves what hangs off it, the older creation date and the later lost/won-back mark stay, and
    /// <paramref name="from"/> is deleted. Bulk updates: the caller saves first and re-reads afterwards.
    /// </summary>
    public async Task MergeAccountAsync(CoachDbContext db, Account from, Account into, CancellationToken ct)
    {
        foreach (var feature in features)
            await feature.MergeAccountAsync(db, from.Id, into.Id, ct);
        if (from.CreatedUtc < into.CreatedUtc)
            await db.Accounts.Where(a => a.Id == into.Id).ExecuteUpdateAsync(s => s.SetProperty(a => a.CreatedUtc, from.CreatedUtc), ct);
        // Lost and won back: the later mark on either side is the news.
        if (from.LostUtc > (into.LostUtc ?? DateTime.MinValue))
            await db.Accounts.Where(a => a.Id == into.Id).ExecuteUpdateAsync(s => s
                .SetProperty(a => a.LostUtc, from.LostUtc).SetProperty(a => a.LostReason, from.LostReason), ct);
        if (from.WonBackUtc > (into.WonBackUtc ?? DateTime.MinValue))
            await db.Accounts.Where(a => a.Id == into.Id).ExecuteUpdateAsync(s => s.SetProperty(a => a.WonBackUtc, from.WonBackUtc), ct);
        await db.Accounts.Where(a => a.Id == from.Id).ExecuteDeleteAsync(ct);
    }
}
