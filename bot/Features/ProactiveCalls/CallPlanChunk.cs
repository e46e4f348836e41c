using AccountCoachBot.Data;
using AccountCoachBot.Features.People;
using AccountCoachBot.Scheduling;
using Microsoft.EntityFrameworkCore;

namespace AccountCoachBot.Features.ProactiveCalls;

/// <summary>
/// One planning transaction: a chunk of owners at work, not paused or muted. What each owner's plan looks at (due
/// cadences, own chat, today's nudges and bundle, vacations, channels) is read for the whole chunk in a few queries;
/// the nudges go to the outbox with one dedupe look-up (<see cref="OutboxInserts"/>), and the cadences' changes with
/// one prepared statement on SQLite or a few set-based ones on PostgreSQL (<see cref="CadenceWrites"/>).
/// </summary>
internal sealed class CallPlanChunk
{
    private readonly CoachDbContext _db;
    private readonly DateTime _now;
    private readonly List<(AccountCadence Cadence, CadenceSnapshot Read)> _read = [];
    private readonly List<NudgeRequest> _requests = [];
    private ILookup<int, AccountCadence> _cadences = null!;
    private ILookup<int, Vacation> _vacations = null!;
    private Dictionary<int, ConversationAddress> _own = null!;
    private ILookup<int, DateTime> _nudgedAt = null!;
    private Dictionary<string, OutboxStatus> _bundles = null!;
    private Dictionary<int, ConversationAddress> _channels = null!;

    private CallPlanChunk(CoachDbContext db, DateTime now) => (_db, _now) = (db, now);

    public static async Task<CallPlanChunk> LoadAsync(CoachDbContext db, IReadOnlyCollection<Person> owners, DateTime now, CancellationToken ct)
    {
        var chunk = new CallPlanChunk(db, now);
        var ids = owners.Select(p => p.Id).ToList();
        var horizon = now + CallPlanner.Slack;
        // Untracked: the pass compares them with what it read and writes the difference itself.
        var cadences = await db.Cadences().AsNoTracking().Include(c => c.Account)
            .Where(c => ids.Contains(c.Account!.OwnerId) && c.NextCheckUtc <= horizon).ToListAsync(ct);
        chunk._read.AddRange(cadences.Select(c => (c, CadenceSnapshot.Of(c))));
        chunk._cadences = cadences.ToLookup(c => c.Account!.OwnerId);

        var earliest = DateOnly.FromDateTime(now).AddDays(-2); // below every owner's local today
        chunk._vacations = (await db.Set<Vacation>().Where(v => ids.Contains(v.PersonId) && (!v.CatchUpDone || v.LastDay >= earliest)).ToListAsync(ct))
            .ToLookup(v => v.PersonId);
        chunk._own = (await db.Addresses.AsNoTracking().Where(a => ids.Contains(a.PersonId) && !a.IsStale && !a.IsShared).ToListAsync(ct))
            .GroupBy(a => a.PersonId).ToDictionary(g => g.Key, g => g.MaxBy(a => a.UpdatedUtc)!);
        var since = now.AddDays(-2); // before every owner's local midnight
        chunk._nudgedAt = (await db.Outbox.Where(o => ids.Contains(o.PersonId) && o.Kind == CallNudgeKinds.Nudge && o.CreatedUtc >= since)
            .Select(o => new { o.PersonId, o.CreatedUtc }).ToListAsync(ct)).ToLookup(o => o.PersonId, o => o.CreatedUtc);
        var bundleKeys = owners.Select(p => BundleKey(p, Today(p, now))).ToList();
        chunk._bundles = await db.Outbox.Where(o => bundleKeys.Contains(o.DedupeKey)).ToDictionaryAsync(o => o.DedupeKey, o => o.Status, ct);
        var channelIds = cadences.Where(c => c.ChannelAddressId is not null).Select(c => c.ChannelAddressId!.Value).Distinct().ToList();
        chunk._channels = channelIds.Count == 0 ? [] : await db.Addresses.Where(a => channelIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, ct);
        return chunk;
    }

    /// <summary>The nudges in one dedupe look-up, then one transaction: the outbox rows, vacations and channels, and the cadences.</summary>
    public async Task SaveAsync(CancellationToken ct)
    {
        var (fresh, _) = _requests.Count > 0 ? await Outbox.SortAsync(_db, _requests, _now, ct) : ([], 0);
        var changed = _read.Where(r => CadenceSnapshot.Of(r.Cadence) != r.Read).ToList();
        if (fresh.Count == 0 && changed.Count == 0 && !_db.ChangeTracker.HasChanges()) return;
        await using var transaction = await _db.Database.BeginTransactionAsync(ct);
        await _db.SaveChangesAsync(ct); // revived nudges, vacations, channels
        await OutboxInserts.InsertAsync(_db, fresh, ct);
        await CadenceWrites.WriteAsync(_db, changed, ct);
        await transaction.CommitAsync(ct);
    }

    private static DateOnly Today(Person person, DateTime now) => DateOnly.FromDateTime(TimeZones.ToLocal(now, person.Zone));

    private static string BundleKey(Person person, DateOnly today) => $"{CallNudgeKinds.Bundle}:{person.Id}:{today:yyyy-MM-dd}";

    private void Enqueue(string kind, Person person, string subject, ConversationAddress address, string key) =>
        _requests.Add(new NudgeRequest(kind, person.Id, subject, _now, address, key));

    /// <summary>One owner's due accounts: nudged, bundled, caught up after a vacation, or looked at again later.</summary>
    public async Task PlanOwnerAsync(Person person, NudgePreferences prefs, CancellationToken ct)
    {
        var (zone, hours, now) = (person.Zone, person.Hours, _now);
        var today = Today(person, now);
        var vacations = _vacations[person.Id].Where(v => !v.CatchUpDone || v.LastDay >= today).ToList();
        if (vacations.Any(v => v.Covers(today))) return;
        var returning = vacations.Where(v => v.LastDay < today && !v.CatchUpDone).ToList();

        var fresh = new List<DueAccount>();
        foreach (var cadence in _cadences[person.Id])
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
                    await FollowUpAsync(cadence, person, rollAt, ct);
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
            var own = _own.GetValueOrDefault(person.Id);
            if (returning.Count > 0)
                CatchUp(person, fresh, own, returning);
            else
                Nudge(person, prefs, fresh, own, today);
        }
        // Back from a vacation with nothing due: nothing to catch up on.
        if (fresh.Count == 0) returning.ForEach(v => v.CatchUpDone = true);
    }

    /// <summary>Back from vacation: everything that came due meanwhile in one message.</summary>
    private void CatchUp(Person person, List<DueAccount> fresh, ConversationAddress? own, List<Vacation> returning)
    {
        if (own is null) return; // nowhere to say it yet; the vacation stays pending until there is
        var key = $"{CallNudgeKinds.CatchUp}:{person.Id}:{returning.Max(v => v.Id)}";
        Enqueue(CallNudgeKinds.CatchUp, person, CallActions.PersonSubject(person.Id), own, key);
        foreach (var due in fresh) Announce(due, key, person);
        returning.ForEach(v => v.CatchUpDone = true);
    }

    /// <summary>Key accounts first, then the longest overdue; the daily budget as single nudges, the rest in one bundle.</summary>
    private void Nudge(Person person, NudgePreferences prefs, List<DueAccount> fresh, ConversationAddress? own, DateOnly today)
    {
        var ordered = fresh.OrderByDescending(d => d.Cadence.Tier)
            .ThenByDescending(d => d.Status.DaysSince - d.Status.CadenceDays)
            .ThenBy(d => d.Account.Name, StringComparer.OrdinalIgnoreCase).ToList();
        var dayStart = TimeZones.ToUtc(today.ToDateTime(TimeOnly.MinValue), person.Zone);
        var sentToday = _nudgedAt[person.Id].Count(created => created >= dayStart);
        var room = Math.Max(0, prefs.DailyCallBudget - sentToday);

        var rest = new List<DueAccount>();
        foreach (var due in ordered)
        {
            if (room == 0)
            {
                rest.Add(due);
                continue;
            }
            var address = Destination(due.Cadence, own);
            if (address is null) continue; // no chat to reach the owner in yet
            Enqueue(CallNudgeKinds.Nudge, person, CallActions.Subject(due.Account.Id), address, due.Status.CycleKey);
            Announce(due, due.Status.CycleKey, person);
            // A channel may refuse it: look again next minute to send it to the owner instead.
            if (address.IsShared) due.Cadence.NextCheckUtc = _now;
            room--;
        }
        if (rest.Count == 0 || own is null) return;

        var key = BundleKey(person, today);
        if (_bundles.TryGetValue(key, out var bundle) && bundle != OutboxStatus.Pending)
        {
            // Today's bundle is out: the rest wait for tomorrow's budget.
            var tomorrow = WorkingTime.NextWorkingMorning(_now, person.Zone, person.Hours);
            foreach (var due in rest) due.Cadence.NextCheckUtc = tomorrow;
            return;
        }
        Enqueue(CallNudgeKinds.Bundle, person, CallActions.PersonSubject(person.Id), own, key); // a pending one stays as it is
        foreach (var due in rest) Announce(due, key, person);
    }

    /// <summary>The account's channel when it has one (tried again on each new cycle, even after a refusal), else the owner's own chat.</summary>
    private ConversationAddress? Destination(AccountCadence cadence, ConversationAddress? own)
    {
        if (cadence.ChannelAddressId is not { } id || !_channels.TryGetValue(id, out var channel)) return own;
        if (channel.IsStale)
        {
            channel.IsStale = false;
            channel.StaleReason = null;
        }
        return channel;
    }

    private void Announce(DueAccount due, string carrierKey, Person person)
    {
        var cadence = due.Cadence;
        cadence.AnnouncedCycleKey = due.Status.CycleKey;
        cadence.AnnouncedByKey = carrierKey;
        cadence.AnnouncedUtc = _now;
        cadence.NextCheckUtc = CallCadence.DueUtc(_now, cadence.EffectiveDays, person.Zone, person.Hours);
    }

    /// <summary>
    /// After a nudge was written: when the channel refused it, the owner gets it in their own chat (with how to
    /// fix the channel, the first time); when the channel took it, a later refusal will be told again. Rare (only
    /// nudges sent to a channel come back here before their cycle ends), so it asks the database itself.
    /// </summary>
    private async Task FollowUpAsync(AccountCadence cadence, Person person, DateTime rollAt, CancellationToken ct)
    {
        cadence.NextCheckUtc = rollAt;
        if (cadence.AnnouncedByKey is not { } key) return;
        var row = await _db.Outbox.AsNoTracking().FirstOrDefaultAsync(o => o.DedupeKey == key, ct);
        if (row is null || row.Kind != CallNudgeKinds.Nudge) return;
        var address = await _db.Addresses.AsNoTracking().FirstOrDefaultAsync(a => a.Id == row.AddressId, ct);
        if (address is not { IsShared: true }) return;

        switch (row.Status)
        {
            case OutboxStatus.Pending or OutboxStatus.Sending:
                cadence.NextCheckUtc = _now;
                return;
            case OutboxStatus.Sent:
                cadence.ChannelWarnedUtc = null;
                return;
            case OutboxStatus.Stale:
                if (_own.GetValueOrDefault(person.Id) is not { } own) return;
                var warn = cadence.ChannelWarnedUtc is null;
                var kind = warn ? CallNudgeKinds.Fallback : CallNudgeKinds.Redirect;
                var fallbackKey = $"{key}:own";
                Enqueue(kind, person, CallActions.Subject(cadence.AccountId), own, fallbackKey);
                if (warn) cadence.ChannelWarnedUtc = _now;
                cadence.AnnouncedByKey = fallbackKey;
                return;
        }
    }
}
