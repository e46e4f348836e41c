using AccountCoachBot.Conversation;
using AccountCoachBot.Data;
using AccountCoachBot.Features.People;
using AccountCoachBot.Features.Promises;
using AccountCoachBot.Scheduling;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AccountCoachBot.Bench.Scale;

/// <summary>
/// 10,000 promise reminders due at once in 500 conversations (20 each), sent by the real <see cref="NudgeDispatcher"/>
/// (claims, working hours, vacations, pacing at 1 message a second per conversation, rendering) to a sender that costs
/// nothing. The clock is a <see cref="FakeTimeProvider"/> moved a second after each pass, so pacing runs for real
/// without the 20 s of waiting. Reported: process CPU per nudge, against the baseline of only claiming each row and
/// marking it sent, in the same run on a fresh copy of the same data.
/// </summary>
public static class DispatchRun
{
    public const int Conversations = 500;
    public const int PerConversation = 20;
    private const int Total = Conversations * PerConversation;

    public static async Task RunAsync(int rounds)
    {
        var database = new ScaleDatabase("dispatch-v1", SeedAsync);
        await database.EnsureSeededAsync();
        var rows = new List<(string Name, Cost Cost, int Sent, int Passes)>();
        for (var round = 1; round <= rounds; round++)
        {
            rows.Add(await Baseline(database));
            Report(round, rows[^1]);
            rows.Add(await Dispatch(database, "dispatcher, pacing off", paced: false));
            Report(round, rows[^1]);
            rows.Add(await Dispatch(database, "dispatcher, paced 1/s per conversation", paced: true));
            Report(round, rows[^1]);
        }

        Console.WriteLine();
        Console.WriteLine($"dispatch benchmark ({database.Provider}, {Total:N0} nudges, {Conversations} conversations): {Machine.Line()}");
        var measured = rounds > 1 ? rows.Skip(3).ToList() : rows; // the first round also compiles every query
        var baseline = Machine.Median(measured.Where(r => r.Name.StartsWith("claim")).Select(r => r.Cost.Cpu.TotalMilliseconds / r.Sent));
        Console.WriteLine($"{"",-44} {"CPU ms/nudge",12} {"wall ms/nudge",13} {"ratio",7}");
        foreach (var name in measured.Select(r => r.Name).Distinct().ToList())
        {
            var these = measured.Where(r => r.Name == name).ToList();
            var cpu = Machine.Median(these.Select(r => r.Cost.Cpu.TotalMilliseconds / r.Sent));
            Console.WriteLine($"{name,-44} {cpu,12:0.00} {Machine.Median(these.Select(r => r.Cost.Wall.TotalMilliseconds / r.Sent)),13:0.00} {cpu / baseline,7:0.0}");
        }
        Console.WriteLine("target: under 1 ms of CPU per nudge");
    }

    private static void Report(int round, (string Name, Cost Cost, int Sent, int Passes) row) =>
        Console.WriteLine($"round {round}: {row.Name}: {row.Cost} for {row.Sent} nudges in {row.Passes} passes");

    /// <summary>SCALE_DISPATCH_MINUTES (default 10): a paced run still going after this long stops and reports what it sent.</summary>
    private static readonly TimeSpan Budget = TimeSpan.FromMinutes(double.TryParse(Environment.GetEnvironmentVariable("SCALE_DISPATCH_MINUTES"), out var m) ? m : 10);

    private static async Task<(string, Cost, int, int)> Dispatch(ScaleDatabase database, string name, bool paced)
    {
        var settings = await database.FreshCopyAsync("dispatch_work");
        if (!paced) settings["Scheduling:MinIntervalPerConversation"] = "00:00:00";
        var time = new FakeTimeProvider(ScaleData.Now);
        var sender = new FreeSender();
        using var host = ScaleDatabase.Build(settings, time, s => s.AddSingleton<INudgeSender>(sender));
        var dispatcher = host.Services.GetRequiredService<NudgeDispatcher>();
        var passes = 0;
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var cost = await Cost.OfAsync(async () =>
        {
            while (sender.Sent < Total && passes < PerConversation * 3 && watch.Elapsed < Budget)
            {
                await dispatcher.DispatchDueAsync();
                passes++;
                Console.Error.WriteLine($"  pass {passes}: {sender.Sent} sent, {watch.Elapsed.TotalSeconds:0} s");
                time.Advance(TimeSpan.FromSeconds(1));
            }
        });
        return (sender.Sent < Total ? name + " (stopped early)" : name, cost, sender.Sent, passes);
    }

    /// <summary>The least a dispatcher must do per nudge: claim the row as the dispatcher does, then mark it sent.</summary>
    private static async Task<(string, Cost, int, int)> Baseline(ScaleDatabase database)
    {
        var settings = await database.FreshCopyAsync("dispatch_work");
        using var host = ScaleDatabase.Build(settings, new FakeTimeProvider(ScaleData.Now));
        var scopes = host.Services.GetRequiredService<IServiceScopeFactory>();
        var sent = 0;
        var passes = 0;
        var cost = await Cost.OfAsync(async () =>
        {
            while (true)
            {
                passes++;
                var claim = new OutboxClaim([ScaleData.Transport], ScaleData.Now, ScaleData.Now.AddMinutes(2), "baseline", 50);
                List<long> ids;
                await using (var scope = scopes.CreateAsyncScope())
                    ids = await OutboxClaims.ClaimBatchAsync(scope.ServiceProvider.GetRequiredService<CoachDbContext>(), claim, default);
                if (ids.Count == 0) break;
                foreach (var id in ids)
                {
                    await using var scope = scopes.CreateAsyncScope();
                    var db = scope.ServiceProvider.GetRequiredService<CoachDbContext>();
                    var row = await db.Outbox.SingleAsync(o => o.Id == id);
                    (row.Status, row.SentUtc, row.ClaimedUntilUtc) = (OutboxStatus.Sent, ScaleData.Now, null);
                    await db.SaveChangesAsync();
                    sent++;
                }
            }
        });
        return ("claim + mark sent (baseline)", cost, sent, passes);
    }

    /// <summary>500 people in UTC (at work at 10:00 on a Tuesday), one chat each, 20 open promises each with its due reminder queued for now.</summary>
    private static async Task SeedAsync(CoachDbContext db)
    {
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        for (var p = 0; p < Conversations; p++)
        {
            var person = new Person { DisplayName = $"Manager {p:000}", TimeZoneId = "UTC", CreatedUtc = ScaleData.Now.AddDays(-30), Welcomed = true, LanguageChosen = true,
                Language = p % 2 == 0 ? Language.Ru : Language.En, LastPromiseNumber = PerConversation, LastAccountNumber = 1 };
            db.People.Add(person);
            await db.SaveChangesAsync();
            var address = new ConversationAddress { PersonId = person.Id, Transport = ScaleData.Transport, Key = $"bench:{person.Id}", UpdatedUtc = person.CreatedUtc };
            var account = new Account { OwnerId = person.Id, Number = 1, Name = "Romashka", NormalizedName = "ROMASHKA", CreatedUtc = person.CreatedUtc };
            db.Addresses.Add(address);
            db.Accounts.Add(account);
            await db.SaveChangesAsync();
            var promises = Enumerable.Range(1, PerConversation).Select(n => new Promise
            {
                OwnerId = person.Id, Number = n, AccountId = account.Id, What = $"send the quote {n}", DueUtc = ScaleData.Now, TimeZoneId = "UTC",
                CreatedUtc = ScaleData.Now.AddDays(-1),
            }).ToList();
            db.Promises.AddRange(promises);
            await db.SaveChangesAsync();
            foreach (var promise in promises)
                db.Outbox.Add(new OutboxMessage
                {
                    Kind = ReminderPolicy.DueKind, PersonId = person.Id, SubjectId = PromiseScheduler.SubjectId(promise), DueUtc = ScaleData.Now,
                    AddressId = address.Id, Transport = ScaleData.Transport, DedupeKey = ReminderPolicy.DedupeKey(ReminderPolicy.DueKind, promise.Id, promise.DueUtc),
                    Status = OutboxStatus.Pending, CreatedUtc = ScaleData.Now.AddDays(-1),
                });
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>Delivers instantly and counts: the platform's cost is not the dispatcher's.</summary>
    private sealed class FreeSender : INudgeSender
    {
        private int _sent;
        public int Sent => _sent;
        public string Transport => ScaleData.Transport;

        public Task<SendResult> SendAsync(ConversationAddress address, Reply reply, CancellationToken ct)
        {
            Interlocked.Increment(ref _sent);
            return Task.FromResult(SendResult.Ok);
        }
    }
}
