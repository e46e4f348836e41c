using AccountCoachBot.Data;
using AccountCoachBot.Features.People;
using AccountCoachBot.Features.ProactiveCalls;
using AccountCoachBot.Features.Promises;

namespace AccountCoachBot.Cli.Demo;

/// <summary>
/// Three months of promises, each with the history real use writes: Created with its due time, Moved with the old and
/// new due and the reason told to the client, Done (and the contact it is) or Cancelled with a reason. A step that
/// would fall after now has not happened yet, so the promise is still open: overdue or not yet due.
/// </summary>
public static class DemoPromises
{
    private enum Plan { OnTime, Late, MoveBefore, MoveAfter, Cancel, LeaveOpen }

    /// <summary>Adds and saves the promises; returns them with the time each was kept, for the contacts it makes.</summary>
    public static async Task<List<(Promise Promise, DateTime DoneUtc)>> CreateAsync(
        CoachDbContext db, DemoClock clock, Random random, IReadOnlyList<DemoMember> members, IReadOnlyDictionary<int, DateTime> lostAt, CancellationToken ct)
    {
        var kept = new List<(Promise, DateTime)>();
        foreach (var member in members)
        {
            var day = clock.Start.AddDays(random.Next(0, 3));
            while (day < clock.Now)
            {
                var created = DemoClock.WorkdayAt(member.Person, day, 9 + random.Next(0, 8), random.Next(0, 60));
                day = day.AddDays(1 + random.Next(0, 3));
                if (created >= clock.Now) break;
                var open = member.Accounts.Where(a => !lostAt.TryGetValue(a.Account.Id, out var lost) || lost > created).ToList();
                var account = random.Pick(open).Account;
                var promise = Promise(member.Person, account, created, random);
                var doneAt = Play(promise, PlanFor(member.Discipline, promise.DueUtc, clock, random), clock.Now, random, member.Person);
                db.Promises.Add(promise);
                if (doneAt is { } done) kept.Add((promise, done));
            }
        }
        await db.SaveChangesAsync(ct);
        return kept;
    }

    private static Promise Promise(Person owner, Account account, DateTime created, Random random)
    {
        var due = DemoClock.WorkdayAt(owner, created.AddDays(2 + random.Next(0, 8)), 17);
        return new Promise
        {
            OwnerId = owner.Id,
            AccountId = account.Id,
            What = random.Pick(DemoNames.PromiseTexts),
            Contact = random.Next(3) == 0 ? random.Pick(DemoNames.ContactNames) : null,
            DueUtc = due,
            TimeZoneId = owner.TimeZoneId,
            CreatedUtc = created,
            History = [new PromiseEvent { Kind = PromiseEventKind.Created, AtUtc = created, NewDueUtc = due }],
        };
    }

    // The more disciplined the owner, the more promises kept on time; the rest spread over the other outcomes.
    private static Plan PlanFor(double discipline, DateTime dueUtc, DemoClock clock, Random random)
    {
        // A few are forgotten: only recent ones, as a real team would have chased the old ones by now.
        if (dueUtc > clock.Now.AddDays(-14) && random.NextDouble() < 0.2 * (1.5 - discipline)) return Plan.LeaveOpen;
        if (random.NextDouble() < discipline * 0.75) return Plan.OnTime;
        return random.NextDouble() switch
        {
            < 0.40 => Plan.Late,
            < 0.65 => Plan.MoveBefore,
            < 0.82 => Plan.MoveAfter,
            _ => Plan.Cancel,
        };
    }

    /// <summary>Writes the plan's steps up to now, as the use cases write them; the time it was kept, if it was.</summary>
    private static DateTime? Play(Promise promise, Plan plan, DateTime now, Random random, Person owner)
    {
        var due = promise.DueUtc;
        switch (plan)
        {
            case Plan.MoveBefore:
            {
                var at = Later(promise.CreatedUtc, due.AddHours(-2 - random.Next(0, 30)));
                if (!Move(promise, at, DemoClock.WorkdayAt(owner, due.AddDays(2 + random.Next(0, 6)), 17), now, random)) return null;
                return Close(promise, random.Next(5) == 0 ? Plan.Late : Plan.OnTime, now, random);
            }
            case Plan.MoveAfter:
            {
                var at = due.AddHours(2 + random.Next(0, 46));
                if (!Move(promise, at, DemoClock.WorkdayAt(owner, at.AddDays(2 + random.Next(0, 5)), 17), now, random)) return null;
                return Close(promise, Plan.OnTime, now, random);
            }
            default:
                return Close(promise, plan, now, random);
        }
    }

    private static bool Move(Promise promise, DateTime at, DateTime newDue, DateTime now, Random random)
    {
        if (at > now) return false;
        promise.History.Add(new PromiseEvent
        {
            Kind = PromiseEventKind.Moved, AtUtc = at, OldDueUtc = promise.DueUtc, NewDueUtc = newDue, Reason = random.Pick(DemoNames.MoveReasons),
        });
        promise.DueUtc = newDue;
        return true;
    }

    private static DateTime? Close(Promise promise, Plan plan, DateTime now, Random random)
    {
        var due = promise.DueUtc;
        var since = promise.History[^1].AtUtc;
        var at = plan switch
        {
            Plan.OnTime => Later(since, due.AddHours(-random.Next(0, 48))),
            Plan.Late => due.AddHours(3 + random.Next(0, 70)),
            Plan.Cancel => since.AddTicks((long)((due - since).Ticks * random.NextDouble())).AddMinutes(1),
            _ => DateTime.MaxValue,
        };
        if (at > now) return null;
        promise.ClosedUtc = at;
        if (plan == Plan.Cancel)
        {
            promise.Status = PromiseStatus.Cancelled;
            promise.History.Add(new PromiseEvent { Kind = PromiseEventKind.Cancelled, AtUtc = at, Reason = random.Pick(DemoNames.CancelReasons) });
            return null;
        }
        promise.Status = PromiseStatus.Done;
        promise.History.Add(new PromiseEvent { Kind = PromiseEventKind.Done, AtUtc = at });
        return at;
    }

    // An instant after a step already taken (an hour later at the least), so the history stays in order.
    private static DateTime Later(DateTime after, DateTime wanted) => wanted > after.AddHours(1) ? wanted : after.AddHours(1);

    /// <summary>A kept promise is a contact with the client, as <see cref="MarkPromiseDoneHandler"/> records it.</summary>
    public static Touch ContactOf(Promise promise, DateTime doneUtc) => new()
    {
        AccountId = promise.AccountId, PersonId = promise.OwnerId, Kind = TouchKind.PromiseDone, AtUtc = doneUtc, Source = PromiseScheduler.SubjectId(promise),
    };
}
