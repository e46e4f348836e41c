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
public sealed class CallPlanner(IServiceScopeFactory scopes, TimeProvider time, ILogger<CallPlanner> logger) : INudgePlanner
{
    /// <summary>Stored check times were computed with the owner's zone and hours of the time; look a day ahead so a change of either is caught.</summary>
    private static readonly TimeSpan Slack = TimeSpan.FromDays(1);

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

        // People, preferences and vacations are read for many owners at once: with thousands of owners this runs every
        // minute, and most of them are off work, paused or have nothing due.
        foreach (var chunk in owners.Chunk(500))
        {
            Dictionary<int, Person> people;
            Dictionary<int, NudgePreferences> preferences;
            ILookup<int, Vacation> vacations;
            await using (var scope = scopes.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<CoachDbContext>();
                people = await db.People.AsNoTracking().Where(p => chunk.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
                preferences = await db.Set<NudgePreferences>().AsNoTracking().Where(p => chunk.Contains(p.PersonId)).ToDictionaryAsync(p => p.PersonId, ct);
                var earliest = DateOnly.FromDateTime(now).AddDays(-2); // below every owner's local today
                vacations = (await db.Set<Vacation>().AsNoTracking().Where(v => chunk.Contains(v.PersonId) && (!v.CatchUpDone || v.LastDay >= earliest)).ToListAsync(ct))
                    .ToLookup(v => v.PersonId);
            }
            foreach (var ownerId in chunk)
            {
                if (!people.TryGetValue(ownerId, out var person)) continue;
                var prefs = preferences.GetValueOrDefault(ownerId) ?? new NudgePreferences { PersonId = ownerId };
                if (person.Paused || prefs.CallsMuted || !WorkingTime.IsWorkingTime(now, person.Zone, person.Hours)) continue;
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<CoachDbContext>();
                try
                {
                    await PlanOwnerAsync(db, person, prefs, vacations[ownerId], now, ct);
                }
                catch (DbUpdateException e)
                {
                    // Another instance planned the same owner at the same moment; its rows stand, ours are dropped.
                    logger.LogInformation("Call planning for person {PersonId} lost a race: {Reason}", ownerId, e.InnerException?.Message ?? e.Message);
                }
            }
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

    /// <summary>One owner at work, not paused or muted (read by the caller, untracked): their due accounts, in <paramref name="db"/>.</summary>
    private static async Task PlanOwnerAsync(CoachDbContext db, Person person, NudgePreferences prefs, IEnumerable<Vacation> ownVacations, DateTime now, CancellationToken ct)
    {
        var ownerId = person.Id;
        var zone = person.Zone;
        var hours = person.Hours;
        var today = DateOnly.FromDateTime(TimeZones.ToLocal(now, zone));
        var vacations = ownVacations.Where(v => !v.CatchUpDone || v.LastDay >= today).ToList();
        db.Set<Vacation>().AttachRange(vacations); // a catch-up marks them done
        if (vacations.Any(v => v.Covers(today))) return;
        var returning = vacations.Where(v => v.LastDay < today && !v.CatchUpDone).ToList();

        var horizon = now + Slack;
        var cadences = await db.Cadences().Include(c => c.Account)
            .Where(c => c.Account!.OwnerId == ownerId && c.NextCheckUtc <= horizon).ToListAsync(ct);

        var fresh = new List<DueAccount>();
        foreach (var cadence in cadences)
        {
            if (cadence.Account!.IsLost)
            {
                // A client marked lost gets no call nudges until won back (which sets the next check again).
                cadence.NextCheckUtc = DateTime.MaxValue.AddDays(-1);
                continue;
            }
            var status = CallCadence.Evaluate(cadence, zone, hours, now);
            if (cadence.AnnouncedCycleKey == status.CycleKey)
            {
                // Told already. Ignored for a whole cadence: the next cycle starts, and comes round again.
                var rollAt = CallCadence.DueUtc(cadence.AnnouncedUtc ?? now, cadence.EffectiveDays, zone, hours);
                if (now < rollAt)
                {
                    await FollowUpAsync(db, cadence, person, now, rollAt, ct);
                    continue;
                }
                cadence.Cycle++;
                cadence.DeferredUntilUtc = rollAt;
                cadence.AnnouncedCycleKey = cadence.AnnouncedByKey = null;
                cadence.AnnouncedUtc = null;
                status = CallCadence.Evaluate(cadence, zone, hours, now);
            }
            if (!status.IsDue)
            {
                cadence.NextCheckUtc = status.DueUtc;
                continue;
            }
            fresh.Add(new DueAccount(cadence.Account!, cadence, status));
        }

        if (fresh.Count > 0)
        {
            var own = await CallStore.PrivateAddressAsync(db, ownerId, ct);
            if (returning.Count > 0)
                await CatchUpAsync(db, person, fresh, own, returning, now, ct);
            else
                await NudgeAsync(db, person, prefs, fresh, own, today, now, ct);
        }
        // Back from a vacation with nothing due: nothing to catch up on.
        if (fresh.Count == 0) returning.ForEach(v => v.CatchUpDone = true);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Back from vacation: everything that came due meanwhile in one message.</summary>
    private static async Task CatchUpAsync(CoachDbContext db, Person person, List<DueAccount> fresh, ConversationAddress? own,
        List<Vacation> returning, DateTime now, CancellationToken ct)
    {
        if (own is null) return; // nowhere to say it yet; the vacation stays pending until there is
        var key = $"{CallNudgeKinds.CatchUp}:{person.Id}:{returning.Max(v => v.Id)}";
        await Outbox.EnqueueAsync(db, new NudgeRequest(CallNudgeKinds.CatchUp, person.Id, CallActions.PersonSubject(person.Id), now, own, key), now, ct);
        foreach (var due in fresh) Announce(due, key, person, now);
        returning.ForEach(v => v.CatchUpDone = true);
    }

    /// <summary>Key accounts first, then the longest overdue; the daily budget as single nudges, the rest in one bundle.</summary>
    private static async Task NudgeAsync(CoachDbContext db, Person person, NudgePreferences prefs, List<DueAccount> fresh,
        ConversationAddress? own, DateOnly today, DateTime now, CancellationToken ct)
    {
        var ordered = fresh.OrderByDescending(d => d.Cadence.Tier)
            .ThenByDescending(d => d.Status.DaysSince - d.Status.CadenceDays)
            .ThenBy(d => d.Account.Name, StringComparer.OrdinalIgnoreCase).ToList();
        var dayStart = TimeZones.ToUtc(today.ToDateTime(TimeOnly.MinValue), person.Zone);
        var sentToday = await db.Outbox.CountAsync(o => o.PersonId == person.Id && o.Kind == CallNudgeKinds.Nudge && o.CreatedUtc >= dayStart, ct);
        var room = Math.Max(0, prefs.DailyCallBudget - sentToday);

        var rest = new List<DueAccount>();
        foreach (var due in ordered)
        {
            if (room == 0)
            {
                rest.Add(due);
                continue;
            }
            var address = await DestinationAsync(db, due.Cadence, own, ct);
            if (address is null) continue; // no chat to reach the owner in yet
            await Outbox.EnqueueAsync(db, new NudgeRequest(CallNudgeKinds.Nudge, person.Id, CallActions.Subject(due.Account.Id), now, address,
                due.Status.CycleKey), now, ct);
            Announce(due, due.Status.CycleKey, person, now);
            // A channel may refuse it: look again next minute to send it to the owner instead.
            if (address.IsShared) due.Cadence.NextCheckUtc = now;
            room--;
        }
        if (rest.Count == 0 || own is null) return;

        var key = $"{CallNudgeKinds.Bundle}:{person.Id}:{today:yyyy-MM-dd}";
        var bundle = db.Outbox.Local.FirstOrDefault(o => o.DedupeKey == key) ?? await db.Outbox.FirstOrDefaultAsync(o => o.DedupeKey == key, ct);
        if (bundle is not null && bundle.Status != OutboxStatus.Pending)
        {
            // Today's bundle is out: the rest wait for tomorrow's budget.
            var tomorrow = WorkingTime.NextWorkingMorning(now, person.Zone, person.Hours);
            foreach (var due in rest) due.Cadence.NextCheckUtc = tomorrow;
            return;
        }
        if (bundle is null)
            await Outbox.EnqueueAsync(db, new NudgeRequest(CallNudgeKinds.Bundle, person.Id, CallActions.PersonSubject(person.Id), now, own, key), now, ct);
        foreach (var due in rest) Announce(due, key, person, now);
    }

    /// <summary>The account's channel when it has one (tried again on each new cycle, even after a refusal), else the owner's own chat.</summary>
    private static async Task<ConversationAddress?> DestinationAsync(CoachDbContext db, AccountCadence cadence, ConversationAddress? own, CancellationToken ct)
    {
        if (cadence.ChannelAddressId is not { } id) return own;
        var channel = await db.Addresses.FirstOrDefaultAsync(a => a.Id == id, ct);
        if (channel is null) return own;
        if (channel.IsStale)
        {
            channel.IsStale = false;
            channel.StaleReason = null;
        }
        return channel;
    }

    private static void Announce(DueAccount due, string carrierKey, Person person, DateTime now)
    {
        var cadence = due.Cadence;
        cadence.AnnouncedCycleKey = due.Status.CycleKey;
        cadence.AnnouncedByKey = carrierKey;
        cadence.AnnouncedUtc = now;
        cadence.NextCheckUtc = CallCadence.DueUtc(now, cadence.EffectiveDays, person.Zone, person.Hours);
    }

    /// <summary>
    /// After a nudge was written: when the channel refused it, the owner gets it in their own chat (with how to
    /// fix the channel, the first time); when the channel took it, a later refusal will be told again.
    /// </summary>
    private static async Task FollowUpAsync(CoachDbContext db, AccountCadence cadence, Person person, DateTime now, DateTime rollAt, CancellationToken ct)
    {
        cadence.NextCheckUtc = rollAt;
        if (cadence.AnnouncedByKey is not { } key) return;
        var row = await db.Outbox.FirstOrDefaultAsync(o => o.DedupeKey == key, ct);
        if (row is null || row.Kind != CallNudgeKinds.Nudge) return;
        var address = await db.Addresses.FirstOrDefaultAsync(a => a.Id == row.AddressId, ct);
        if (address is not { IsShared: true }) return;

        switch (row.Status)
        {
            case OutboxStatus.Pending or OutboxStatus.Sending:
                cadence.NextCheckUtc = now;
                return;
            case OutboxStatus.Sent:
                cadence.ChannelWarnedUtc = null;
                return;
            case OutboxStatus.Stale:
                var own = await CallStore.PrivateAddressAsync(db, person.Id, ct);
                if (own is null) return;
                var warn = cadence.ChannelWarnedUtc is null;
                var kind = warn ? CallNudgeKinds.Fallback : CallNudgeKinds.Redirect;
                var fallbackKey = $"{key}:own";
                await Outbox.EnqueueAsync(db, new NudgeRequest(kind, person.Id, CallActions.Subject(cadence.AccountId), now, own, fallbackKey), now, ct);
                if (warn) cadence.ChannelWarnedUtc = now;
                cadence.AnnouncedByKey = fallbackKey;
                return;
        }
    }
}
