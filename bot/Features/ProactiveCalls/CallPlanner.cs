using AccountCoachBot.Data;
using AccountCoachBot.Features.People;
using AccountCoachBot.Scheduling;
using Microsoft.EntityFrameworkCore;

namespace AccountCoachBot.Features.ProactiveCalls;

/// <summary>
/// Finds accounts whose cadence has run out and writes their nudges to the outbox. Runs with the dispatcher
/// every minute (Hangfire's recurring job), so a due account is nudged within two minutes of its owner's
/// working hours starting; one indexed query on <see cref="AccountCadence.NextCheckUtc"/> keeps that cheap,
/// which is why there is no separate daily job per time zone.
/// </summary>
/// <remarks>
/// Per owner, only during their working hours, never while paused, muted or on vacation. Each cycle of an
/// account is one outbox row with the dedupe key <c>call:{account}:{last contact ticks}:{cycle}</c>, so
/// restarts, retries and a second dispatcher never double it. At most <see cref="NudgePreferences.DailyCallBudget"/>
/// single nudges a day; the rest come in one bundle; after a vacation, one catch-up summary. A channel that
/// refuses the nudge sends it to the owner's own chat, with how to fix the channel the first time.
/// </remarks>
public sealed class CallPlanner(IServiceScopeFactory scopes, TimeProvider time, WriteGate writes, ILogger<CallPlanner> logger) : INudgePlanner
{
    /// <summary>Stored check times were computed with the owner's zone and hours of the time; look a day ahead so a change of either is caught.</summary>
    internal static readonly TimeSpan Slack = TimeSpan.FromDays(1);

    /// <summary>Owners planned in one transaction: a morning's thousands of rows in a few statements, the write lock held briefly.</summary>
    internal const int OwnersPerTransaction = 100;

    /// <summary>Planning transactions run side by side, each on its own connection.</summary>
    internal const int TransactionsAtOnce = 2;

    public async Task PlanAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await TrackNewAccountsAsync(now, ct);

        List<int> owners;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CoachDbContext>();
            var horizon = now + Slack;
            owners = await db.Cadences().Where(c => c.NextCheckUtc <= horizon).Select(c => c.Account!.OwnerId).Distinct().ToListAsync(ct);
            // People back from a vacation: their return is handled (a catch-up, or nothing) even with nothing due soon.
            var tomorrow = DateOnly.FromDateTime(now).AddDays(1);
            owners = owners.Union(await db.Set<Vacation>().Where(v => !v.CatchUpDone && v.LastDay < tomorrow).Select(v => v.PersonId).ToListAsync(ct)).ToList();
        }

        // People and preferences are read for many owners at once: with thousands of owners this runs every minute,
        // and most of them are off work, paused or have nothing due.
        foreach (var chunk in owners.Chunk(500))
        {
            Dictionary<int, Person> people;
            Dictionary<int, NudgePreferences> preferences;
            await using (var scope = scopes.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<CoachDbContext>();
                people = await db.People.AsNoTracking().Where(p => chunk.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
                preferences = await db.Set<NudgePreferences>().AsNoTracking().Where(p => chunk.Contains(p.PersonId)).ToDictionaryAsync(p => p.PersonId, ct);
            }
            var atWork = new List<(Person Person, NudgePreferences Prefs)>();
            foreach (var ownerId in chunk)
            {
                if (!people.TryGetValue(ownerId, out var person)) continue;
                var prefs = preferences.GetValueOrDefault(ownerId) ?? new NudgePreferences { PersonId = ownerId };
                if (person.Paused || prefs.CallsMuted || !WorkingTime.IsWorkingTime(now, person.Zone, person.Hours)) continue;
                atWork.Add((person, prefs));
            }
            // Two transactions at a time: one reads and plans while the other writes (SQLite takes one writer, but its
            // readers run beside it). Their owners differ, so they never write the same nudge or cadence.
            var parallel = new ParallelOptions { MaxDegreeOfParallelism = TransactionsAtOnce, CancellationToken = ct };
            await Parallel.ForEachAsync(atWork.Chunk(OwnersPerTransaction), parallel, async (batch, token) =>
            {
                if (await TryPlanAsync(batch, now, token) is not { } race) return;
                // Another instance planned some of these owners at the same moment: its rows stand. Again one by one, so
                // the others' nudges are not lost with them (each owner now reads what the other instance wrote).
                if (batch.Length == 1) LostRace(batch[0].Person, race);
                else
                    foreach (var owner in batch)
                        if (await TryPlanAsync([owner], now, token) is { } lost) LostRace(owner.Person, lost);
            });
        }
    }

    private void LostRace(Person person, DbUpdateException e) =>
        logger.LogInformation("Call planning for person {PersonId} lost a race: {Reason}", person.Id, e.InnerException?.Message ?? e.Message);

    /// <summary>Plans the owners in one transaction; the exception when it lost a race (nothing of it written).</summary>
    private async Task<DbUpdateException?> TryPlanAsync(IReadOnlyCollection<(Person Person, NudgePreferences Prefs)> owners, DateTime now, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoachDbContext>();
        var chunk = await CallPlanChunk.LoadAsync(db, owners.Select(o => o.Person).ToList(), now, ct);
        foreach (var (person, prefs) in owners) await chunk.PlanOwnerAsync(person, prefs, ct);
        try
        {
            // SQLite takes one writer at a time: queue with the turns rather than in its busy handler.
            await using var gate = await writes.EnterAsync(db, ct);
            await chunk.SaveAsync(ct);
            return null;
        }
        catch (DbUpdateException e)
        {
            return e;
        }
    }

    /// <summary>Every account has a cadence: standard, counted from when the account was added, until told otherwise.</summary>
    private async Task TrackNewAccountsAsync(DateTime now, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoachDbContext>();
        var untracked = await db.Accounts.Where(a => !db.Cadences().Any(c => c.AccountId == a.Id)).Take(500).ToListAsync(ct);
        if (untracked.Count == 0) return;
        var owners = await db.People.Where(p => untracked.Select(a => a.OwnerId).Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        foreach (var account in untracked)
        {
            var cadence = new AccountCadence { AccountId = account.Id, StartedUtc = account.CreatedUtc };
            CallStore.Refresh(cadence, owners[account.OwnerId], now);
            db.Cadences().Add(cadence);
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Tracked concurrently by another instance.
        }
    }
}
