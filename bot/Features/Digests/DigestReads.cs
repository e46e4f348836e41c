using AccountCoachBot.Data;
using AccountCoachBot.Features.People;
using AccountCoachBot.Features.ProactiveCalls;
using AccountCoachBot.Features.Promises;
using Microsoft.EntityFrameworkCore;

namespace AccountCoachBot.Features.Digests;

/// <summary>
/// The digest's reads, each one query for the whole team, each driven by an index: rows where the figures need the
/// dates themselves (accounts, recent contacts), counts where a count will do (overdue promises per account; the
/// promise figures are <see cref="PromiseCounting"/>'s). The caller opens the connection (<see cref="DigestReaders"/>).
/// <see cref="PromisesAsync"/> and <see cref="ChangesAsync"/> read the trend's promises row by row: the definition's
/// own path (<see cref="PromiseOutcomes.CountEach"/>), which the tests hold <see cref="PromiseCounting"/> to.
/// </summary>
internal static class DigestReads
{
    private static readonly PromiseStatus[] AnyStatus = Enum.GetValues<PromiseStatus>();

    /// <summary>
    /// Promises due since <paramref name="sinceUtc"/>, and those made since then. A promise whose date was moved,
    /// before the trend began, from a day inside it to one before it is not read: rare, and finding it would mean
    /// reading every move ever made (it was read before only while still open).
    /// </summary>
    public static Task<List<PromiseRow>> PromisesAsync(CoachDbContext db, List<int> ids, DateTime sinceUtc, CancellationToken ct) =>
        DigestRows.ReadAsync(db, DueSince(db, ids, sinceUtc).Concat(MadeOnlySince(db, ids, sinceUtc))
                .Select(p => new { p.Id, p.OwnerId, p.AccountId, p.CreatedUtc, p.DueUtc, p.Status, p.ClosedUtc }), 7,
            r => new PromiseRow(r.Int(0), r.Int(1), r.Int(2), r.Utc(3), r.Utc(4), (PromiseStatus)r.Int(5), r.UtcOrNull(6)), ct);

    /// <summary>The due-time changes of the promises <see cref="PromisesAsync"/> reads, through the history's index on PromiseId.</summary>
    public static async Task<List<DueChange>> ChangesAsync(CoachDbContext db, List<int> ids, DateTime sinceUtc, CancellationToken ct)
    {
        var changes = await ChangesOfAsync(db, DueSince(db, ids, sinceUtc), ct);
        changes.AddRange(await ChangesOfAsync(db, MadeOnlySince(db, ids, sinceUtc), ct));
        return changes;
    }

    /// <summary>Open promises past their due time, counted per account (the risks are about now, whatever the period).</summary>
    public static async Task<Dictionary<int, int>> OverdueByAccountAsync(CoachDbContext db, List<int> ids, DateTime nowUtc, CancellationToken ct) =>
        (await db.Promises.AsNoTracking()
            .Where(p => ids.Contains(p.OwnerId) && p.Status == PromiseStatus.Open && p.DueUtc < nowUtc)
            .GroupBy(p => p.AccountId).Select(g => new { g.Key, Count = g.Count() })
            .ToListAsync(ct)).ToDictionary(g => g.Key, g => g.Count);

    public static Task<List<AccountRow>> AccountsAsync(CoachDbContext db, List<int> ids, CancellationToken ct) =>
        DigestRows.ReadAsync(db, db.Accounts.AsNoTracking().Where(a => ids.Contains(a.OwnerId))
                .GroupJoin(db.Set<AccountCadence>(), a => a.Id, c => c.AccountId, (a, cs) => new { a, cs })
                .SelectMany(x => x.cs.DefaultIfEmpty(), (x, c) => new
                {
                    x.a.Id, x.a.OwnerId, x.a.Name, x.a.CreatedUtc, x.a.LostUtc, x.a.WonBackUtc,
                    Tier = c == null ? AccountTier.Standard : c.Tier, CadenceDays = c == null ? null : c.CadenceDays,
                    StartedUtc = c == null ? (DateTime?)null : c.StartedUtc, LastContactUtc = c == null ? null : c.LastContactUtc,
                }), 10,
            r => new AccountRow(r.Int(0), r.Int(1), r.String(2), r.Utc(3), r.UtcOrNull(4), r.UtcOrNull(5),
                (AccountTier)r.Int(6), r.IntOrNull(7), r.UtcOrNull(8), r.UtcOrNull(9)), ct);

    /// <summary>Contacts (not skips) with the team's accounts from <paramref name="fromUtc"/> to now, through the (AccountId, AtUtc) index.</summary>
    public static Task<List<(int AccountId, DateTime AtUtc)>> ContactsAsync(CoachDbContext db, List<int> ids, DateTime fromUtc, DateTime nowUtc, CancellationToken ct) =>
        DigestRows.ReadAsync(db, db.Accounts.Where(a => ids.Contains(a.OwnerId))
                .Join(db.Set<Touch>().Where(t => t.Kind != TouchKind.Skipped && t.AtUtc >= fromUtc && t.AtUtc <= nowUtc), a => a.Id, t => t.AccountId,
                    (a, t) => new { t.AccountId, t.AtUtc }), 2,
            r => (r.Int(0), r.Utc(1)), ct);

    // Every status, so that the (OwnerId, Status, DueUtc) index reads a range of due times per owner and status.
    private static IQueryable<Promise> DueSince(CoachDbContext db, List<int> ids, DateTime sinceUtc) =>
        db.Promises.AsNoTracking().Where(p => ids.Contains(p.OwnerId) && AnyStatus.Contains(p.Status) && p.DueUtc >= sinceUtc);

    // Made since then but due before: none when every due time comes after the making, read all the same (the
    // (OwnerId, CreatedUtc) index keeps it cheap).
    private static IQueryable<Promise> MadeOnlySince(CoachDbContext db, List<int> ids, DateTime sinceUtc) =>
        db.Promises.AsNoTracking().Where(p => ids.Contains(p.OwnerId) && p.CreatedUtc >= sinceUtc && p.DueUtc < sinceUtc);

    private static Task<List<DueChange>> ChangesOfAsync(CoachDbContext db, IQueryable<Promise> promises, CancellationToken ct) =>
        DigestRows.ReadAsync(db, promises
                // The range as well as the two kinds: SQLite then looks each promise up once in the (PromiseId, Kind)
                // index rather than once per kind, which for every promise of the trend is most of this read.
                .SelectMany(p => p.History.Where(e => e.Kind >= PromiseEventKind.Moved && e.Kind <= PromiseEventKind.Edited
                    && (e.Kind == PromiseEventKind.Moved || e.Kind == PromiseEventKind.Edited) && e.NewDueUtc != null))
                .Select(e => new { e.PromiseId, e.Kind, e.AtUtc, e.OldDueUtc, e.NewDueUtc, e.Id }), 6,
            r => new DueChange(r.Int(0), (PromiseEventKind)r.Int(1), r.Utc(2), r.UtcOrNull(3), r.UtcOrNull(4), r.Int(5)), ct);
}
