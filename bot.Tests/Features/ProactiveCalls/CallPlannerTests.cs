using AccountCoachBot.Conversation;
using AccountCoachBot.Features.ProactiveCalls;
using AccountCoachBot.Scheduling;
using AccountCoachBot.Tests.Infrastructure;
using AccountCoachBot.Features.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AccountCoachBot.Tests.Features.ProactiveCalls;

/// <summary>The planner and dispatcher on a real database with a fake clock: when call nudges go out, and when they wait.</summary>
public class CallPlannerTests : IAsyncLifetime
{
    /// <summary>The database of the PostgreSQL variant (Data/Postgres); null: a SQLite file of each test's own.</summary>
    protected virtual PostgresDatabase? Postgres => null;

    private CoachTestHost _host = null!;

    // Wed 2026-03-04 10:00 Berlin.
    public async Task InitializeAsync() => _host = await CoachTestHost.StartAsync(new DateTimeOffset(2026, 3, 4, 9, 0, 0, TimeSpan.Zero), postgres: Postgres);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private void At(int month, int day, int hour, int minute = 0) => _host.Time.SetUtcNow(new DateTimeOffset(2026, month, day, hour, minute, 0, TimeSpan.Zero));

    private IReadOnlyList<Reply> Sent => _host.Sender.Sent.Select(s => s.Reply).ToList();

    [DbFact]
    public async Task Planner_NudgesOnceAtTheStartOfTheDueDay_WhenAKeyAccountGoesQuietForFourteenDays()
    {
        await _host.SayAsync("account add Acme key");
        await _host.SayAsync("called Acme: kickoff");

        At(3, 18, 7, 59); // Wed 18 Mar 08:59 Berlin
        Assert.Equal(0, await _host.Dispatcher.RunAsync());
        At(3, 18, 8, 0);
        Assert.Equal(1, await _host.Dispatcher.RunAsync());
        At(3, 18, 8, 1);
        Assert.Equal(0, await _host.Dispatcher.RunAsync());
        At(3, 19, 8, 0);
        Assert.Equal(0, await _host.Dispatcher.RunAsync());

        var nudge = Assert.Single(Sent);
        Assert.Equal("Acme hasn't heard from you for 14 days (key account, every 14).", nudge.Card!.Title);
        Assert.Equal(1, await _host.WithDbAsync(db => db.Outbox.CountAsync(o => o.Kind == CallNudgeKinds.Nudge)));
    }

    [DbFact]
    public async Task Planner_WaitsForTheOwnersMorning_WhenTheyWorkInAnotherZone()
    {
        await _host.SayAsync("account add Acme every 7 days", user: "sam", timeZone: "America/New_York");
        await _host.SayAsync("called Acme", user: "sam", timeZone: "America/New_York"); // Wed 04:00 in New York

        At(3, 11, 9);  // Wed 11 Mar: 10:00 in Berlin, 05:00 in New York (EDT since 8 Mar)
        Assert.Equal(0, await _host.Dispatcher.RunAsync());
        At(3, 11, 12, 59);
        Assert.Equal(0, await _host.Dispatcher.RunAsync());
        At(3, 11, 13);  // 09:00 in New York
        Assert.Equal(1, await _host.Dispatcher.RunAsync());
    }

    [DbFact]
    public async Task Planner_HoldsNudgesDuringVacation_AndSendsOneCatchUpOnReturn()
    {
        await _host.SayAsync("account add Acme key");
        await _host.SayAsync("account add Globex key");
        await _host.SayAsync("account add Initech every 20 days");
        foreach (var name in new[] { "Acme", "Globex", "Initech" }) await _host.SayAsync($"called {name}");
        var reply = (await _host.SayAsync("vacation 2026-03-16 2026-03-20"))[^1];
        Assert.StartsWith("Vacation Mon 16 Mar – Fri 20 Mar.", reply.Text);

        foreach (var day in new[] { 16, 18, 19, 20 })
        {
            At(3, day, 8);
            Assert.Equal(0, await _host.Dispatcher.RunAsync());
        }
        At(3, 23, 8); // Mon, back
        Assert.Equal(1, await _host.Dispatcher.RunAsync());
        At(3, 23, 9);
        Assert.Equal(0, await _host.Dispatcher.RunAsync());
        At(3, 24, 8); // Initech is due today (+20 days): that one comes on its own
        Assert.Equal(1, await _host.Dispatcher.RunAsync());

        var catchUp = Sent[0];
        Assert.Equal("Welcome back. While you were away, 2 accounts came due a call:", catchUp.Card!.Title);
        Assert.Contains(catchUp.Card.Lines, l => l.StartsWith("Acme — 19 days since the last contact (every 14)"));
        Assert.Contains(catchUp.Card.Lines, l => l.StartsWith("Globex — 19 days"));
        Assert.Equal("Initech hasn't heard from you for 20 days (standard account, every 20).", Sent[1].Card!.Title);
        Assert.Equal(2, Sent.Count);
    }

    [DbFact]
    public async Task VacationOff_EndsTheVacationAtOnce_WithTheCatchUpNextWorkingMinute()
    {
        await _host.SayAsync("account add Acme key");
        await _host.SayAsync("called Acme");
        await _host.SayAsync("vacation 2026-03-16 2026-03-27");
        At(3, 18, 8);
        Assert.Equal(0, await _host.Dispatcher.RunAsync());

        var back = (await _host.SayAsync("vacation off"))[^1];
        Assert.StartsWith("Welcome back", back.Text);
        Assert.Equal(1, await _host.Dispatcher.RunAsync());
        Assert.StartsWith("Welcome back. While you were away, 1 account came due", Assert.Single(Sent).Card!.Title);
    }

    [DbFact]
    public async Task Planner_StaysQuiet_WhenCallsAreMuted_AndNudgesAfterUnmute()
    {
        await _host.SayAsync("account add Acme key");
        await _host.SayAsync("called Acme");
        Assert.Equal("Call nudges off. `unmute calls` turns them back on.", (await _host.SayAsync("mute calls"))[^1].Text);

        At(3, 18, 8);
        Assert.Equal(0, await _host.Dispatcher.RunAsync());
        At(3, 19, 8);
        Assert.Equal(0, await _host.Dispatcher.RunAsync());
        await _host.SayAsync("unmute calls");
        Assert.Equal(1, await _host.Dispatcher.RunAsync());
        Assert.StartsWith("Acme hasn't heard from you for 15 days", Assert.Single(Sent).Card!.Title);
    }

    [DbFact]
    public async Task Planner_NudgesAgainAfterAWholeCadence_WhenTheNudgeIsIgnored()
    {
        await _host.SayAsync("account add Acme every 7 days");
        await _host.SayAsync("called Acme");

        At(3, 11, 8);
        Assert.Equal(1, await _host.Dispatcher.RunAsync());
        At(3, 17, 8);
        Assert.Equal(0, await _host.Dispatcher.RunAsync());
        At(3, 18, 8);
        Assert.Equal(1, await _host.Dispatcher.RunAsync());

        Assert.StartsWith("Acme hasn't heard from you for 14 days", Sent[^1].Card!.Title);
    }

    [DbFact]
    public async Task Planner_TracksAccountsMadeByPromises_AsStandardFromTheirCreation()
    {
        await _host.SayAsync("promise Acme: send the revised quote tomorrow");

        At(4, 3, 8); // Fri 3 Apr 10:00 CEST: 30 days after 4 Mar
        await _host.Dispatcher.RunAsync();

        var nudge = Sent.Single(r => r.Card!.Title.Contains("Acme"));
        Assert.Equal("No contact with Acme logged for 30 days (standard account, every 30).", nudge.Card!.Title);
        Assert.Contains("Open with Acme: 1 promise, overdue since Thu 5 Mar.", nudge.Card.Lines);
    }

    [DbFact]
    public async Task PromiseDone_MovesTheLastContact_AndClosesAPendingNudge()
    {
        await _host.SayAsync("account add Acme every 7 days");
        await _host.SayAsync("called Acme");
        await _host.SayAsync("promise Acme: send the revised quote tomorrow");
        var promiseId = await _host.WithDbAsync(db => db.Promises.Select(p => p.Id).SingleAsync());

        At(3, 10, 9);
        await _host.SayAsync($"done {promiseId}");
        At(3, 11, 8); // 7 days after the call, but only one after the promise was kept
        Assert.Equal(0, await _host.Dispatcher.RunAsync());

        var cadence = await _host.WithDbAsync(db => db.Set<AccountCadence>().SingleAsync());
        Assert.Equal(new DateTime(2026, 3, 10, 9, 0, 0, DateTimeKind.Utc), cadence.LastContactUtc);
        var touches = await _host.WithDbAsync(db => db.Set<Touch>().OrderBy(t => t.Id).ToListAsync());
        Assert.Equal([TouchKind.Call, TouchKind.PromiseDone], touches.Select(t => t.Kind));
        Assert.Equal($"promise:{promiseId}", touches[1].Source);
    }

    [DbFact]
    public async Task Planner_WritesEachNudgeOnce_WhenSeveralInstancesPlanAtTheSameMoment()
    {
        await _host.SayAsync("account add Acme key");
        await _host.SayAsync("called Acme");
        await _host.SayAsync("account add Globex key", user: "sam");
        await _host.SayAsync("called Globex", user: "sam");
        At(3, 18, 8);
        var planners = Enumerable.Range(0, 4).Select(_ => ActivatorUtilities.CreateInstance<CallPlanner>(_host.Services)).ToList();

        await Task.WhenAll(planners.Select(p => Task.Run(() => p.PlanAsync(CancellationToken.None))));

        Assert.Equal(2, await _host.Dispatcher.RunAsync());
        Assert.Equal(2, await _host.WithDbAsync(db => db.Outbox.CountAsync(o => o.Kind == CallNudgeKinds.Nudge)));
        Assert.Equal(2, await _host.WithDbAsync(db => db.Set<AccountCadence>().CountAsync(c => c.AnnouncedByKey != null)));
    }

    [DbFact]
    public async Task Planner_NudgesEveryOwnerOnce_WhenOwnersSpanMoreTransactionsThanRunAtOnce()
    {
        await _host.SayAsync("account add Acme key"); // the first owner and their chat, copied for the others
        var owners = CallPlanner.OwnersPerTransaction * CallPlanner.TransactionsAtOnce + 7;
        var added = new DateTime(2026, 1, 5, 9, 0, 0, DateTimeKind.Utc);
        await _host.WithDbAsync(async db =>
        {
            var first = await db.People.SingleAsync();
            var chat = await db.Addresses.SingleAsync();
            var people = Enumerable.Range(0, owners)
                .Select(i => new Person { DisplayName = $"Owner {i:000}", TimeZoneId = first.TimeZoneId, CreatedUtc = added }).ToList();
            db.People.AddRange(people);
            await db.SaveChangesAsync();
            foreach (var (person, i) in people.Select((p, i) => (p, i)))
            {
                db.Addresses.Add(new ConversationAddress
                {
                    PersonId = person.Id, Transport = chat.Transport, Key = $"{chat.Key}-{i}", ReferenceJson = chat.ReferenceJson, UpdatedUtc = added,
                });
                var account = new Account { OwnerId = person.Id, Number = 1, Name = $"Client {i:000}", NormalizedName = Account.Normalize($"Client {i:000}"), CreatedUtc = added };
                db.Cadences().Add(new AccountCadence { Account = account, StartedUtc = added, NextCheckUtc = added });
            }
            return await db.SaveChangesAsync();
        });
        var planner = _host.Services.GetServices<INudgePlanner>().OfType<CallPlanner>().Single();

        await planner.PlanAsync(CancellationToken.None); // Wed 4 Mar 10:00 Berlin: 58 days after they were added

        var nudged = await _host.WithDbAsync(db => db.Outbox.Where(o => o.Kind == CallNudgeKinds.Nudge).Select(o => o.PersonId).ToListAsync());
        Assert.Equal(owners, nudged.Count);
        Assert.Equal(owners, nudged.Distinct().Count());
        Assert.Equal(owners, await _host.WithDbAsync(db => db.Set<AccountCadence>().CountAsync(c => c.AnnouncedByKey != null)));
    }

    [DbFact]
    public async Task Planner_AnnouncesEveryAccount_WhenAnOwnersDueAccountsSpanSeveralStatements()
    {
        await _host.SayAsync("account add Acme key"); // not due: added today
        var count = CadenceWrites.RowsPerStatement + 10;
        var added = new DateTime(2026, 1, 5, 9, 0, 0, DateTimeKind.Utc);
        await _host.WithDbAsync(async db =>
        {
            var owner = await db.People.SingleAsync();
            for (var i = 0; i < count; i++)
            {
                var account = new Account { OwnerId = owner.Id, Name = $"Client {i:000}", NormalizedName = Account.Normalize($"Client {i:000}"), CreatedUtc = added };
                db.Cadences().Add(new AccountCadence { Account = account, StartedUtc = added, NextCheckUtc = added });
            }
            return await db.SaveChangesAsync();
        });
        var planner = _host.Services.GetServices<INudgePlanner>().OfType<CallPlanner>().Single();

        await planner.PlanAsync(CancellationToken.None); // Wed 4 Mar 10:00 Berlin: 58 days after they were added
        At(3, 4, 9, 1);
        await planner.PlanAsync(CancellationToken.None);

        var kinds = await _host.WithDbAsync(db => db.Outbox.Select(o => o.Kind).ToListAsync());
        Assert.Equal(3, kinds.Count(k => k == CallNudgeKinds.Nudge));
        Assert.Equal(1, kinds.Count(k => k == CallNudgeKinds.Bundle));
        Assert.Equal(4, kinds.Count);
        var announced = await _host.WithDbAsync(db => db.Set<AccountCadence>().Where(c => c.AnnouncedByKey != null).Select(c => c.NextCheckUtc).ToListAsync());
        Assert.Equal(count, announced.Count);
        Assert.All(announced, next => Assert.Equal(new DateTime(2026, 4, 3), next.Date)); // a whole cadence (30 days) on
    }

    [DbFact]
    public async Task CadenceWrites_KeepsTheOwnersChange_WhenTheAccountChangedAfterThePlannerReadIt()
    {
        await _host.SayAsync("account add Acme every 7 days");
        await _host.SayAsync("account add Globex every 7 days");
        var now = _host.Time.GetUtcNow().UtcDateTime;
        var read = await _host.WithDbAsync(db => db.Cadences().AsNoTracking().Include(c => c.Account).OrderBy(c => c.Account!.Name).ToListAsync());
        var changes = read.Select(c => (Cadence: c, Read: CadenceSnapshot.Of(c))).ToList();
        foreach (var cadence in read)
            (cadence.AnnouncedCycleKey, cadence.AnnouncedByKey, cadence.AnnouncedUtc, cadence.NextCheckUtc) = ("cycle", "carrier", now, now.AddDays(7));

        await _host.SayAsync("called Acme"); // between the planner's read and its write
        var written = await _host.WithDbAsync(db => CadenceWrites.WriteAsync(db, changes, CancellationToken.None, rowsPerStatement: 1));

        Assert.Equal(1, written);
        var after = await _host.WithDbAsync(db => db.Cadences().Include(c => c.Account).ToDictionaryAsync(c => c.Account!.Name));
        Assert.Equal(now, after["Acme"].LastContactUtc);
        Assert.Null(after["Acme"].AnnouncedByKey);
        Assert.Equal(("cycle", "carrier", now, now.AddDays(7)),
            (after["Globex"].AnnouncedCycleKey, after["Globex"].AnnouncedByKey, after["Globex"].AnnouncedUtc, after["Globex"].NextCheckUtc));
    }
}
