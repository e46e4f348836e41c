using AccountCoachBot.Channels.BotFramework;
using AccountCoachBot.Channels.Slack;
using AccountCoachBot.Conversation;
using AccountCoachBot.Data;
using AccountCoachBot.Features.People;
using AccountCoachBot.Features.Promises;
using AccountCoachBot.Scheduling;
using AccountCoachBot.Tests.Infrastructure;
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
        var rows = new List<Measured>();
        for (var round = 1; round <= rounds; round++)
        {
            rows.Add(await Baseline(database));
            Report(round, rows[^1]);
            rows.Add(await Dispatch(database, "dispatcher, pacing off", paced: false));
            Report(round, rows[^1]);
            rows.Add(await Dispatch(database, "dispatcher, paced 1/s per conversation", paced: true));
            Report(round, rows[^1]);
            // The platforms' shared budgets too, with the loop as often as Teams' burst needs (5 ÷ 25 a second) and as
            // often as README's example: a pass at one instant spends a budget's burst at most.
            // A run a minute (Hangfire's, the default) that only put refused nudges off would claim the whole backlog
            // again every minute to send a budget's burst: left out, it would not end.
            // Batches of 10 (as the kill trial has them) and Teams chats in five tenants (five budgets of 25 a second): what
            // a batch waiting for a budget would cost the others if they waited behind it. Batches otherwise of the build's
            // default size (0 below), so that builds with different defaults compare as they ship.
            foreach (var (every, wait, batch, tenants) in new[]
                     { (0.2, 0, 0, 1), (1.0, 0, 0, 1), (0.2, 1, 0, 1), (1.0, 1, 0, 1), (60, 1, 0, 1), (0.2, 30, 0, 1), (0.2, 1, 10, 1), (0.2, 1, 0, 5), (1.0, 1, 0, 5) })
            {
                var name = $"paced, platforms' limits, a run every {every:0.#} s, waits {wait} s" +
                           (batch != 0 ? $", batches of {batch}" : "") + (tenants > 1 ? $", {tenants} tenants" : "");
                if (Only is { } only && !name.Contains(only, StringComparison.Ordinal)) continue;
                rows.Add(await Dispatch(database, name, paced: true, TimeSpan.FromSeconds(every), TimeSpan.FromSeconds(wait), batch, tenants));
                Report(round, rows[^1]);
            }
        }

        Console.WriteLine();
        Console.WriteLine($"dispatch benchmark ({database.Provider}, {Total:N0} nudges, {Conversations} conversations): {Machine.Line()}");
        var measured = rounds > 1 ? rows.Skip(rows.Count / rounds).ToList() : rows; // the first round also compiles every query
        var baseline = Machine.Median(measured.Where(r => r.Name.StartsWith("claim")).Select(r => r.Cost.Cpu.TotalMilliseconds / r.Sent));
        Console.WriteLine($"{"",-75} {"CPU ms/nudge",12} {"wall ms/nudge",13} {"ratio",7} {"KB/nudge",9}  delivered a second (fake clock)");
        foreach (var name in measured.Select(r => r.Name).Distinct().ToList())
        {
            var these = measured.Where(r => r.Name == name).ToList();
            var cpu = Machine.Median(these.Select(r => r.Cost.Cpu.TotalMilliseconds / r.Sent));
            var kb = Machine.Median(these.Select(r => r.Cost.Allocated / 1024.0 / r.Sent));
            Console.WriteLine($"{name,-75} {cpu,12:0.00} {Machine.Median(these.Select(r => r.Cost.Wall.TotalMilliseconds / r.Sent)),13:0.00} {cpu / baseline,7:0.0} {kb,9:0.0}  {these[^1].Rates}");
        }
        Console.WriteLine($"target: under 1 ms of CPU per nudge; the limits: Teams {TeamsAppLimit.DefaultPerSecond:0} a second per app, " +
                          $"Slack {SlackRateLimits.DefaultWorkspacePerMinute / 60.0:0} a second per workspace and 1 per channel");
        PrintVerdict(measured.Where(r => r.Name == DefaultVariant).ToList(), database.Provider);
    }

    /// <summary>The variant that runs as the bot ships: a run every second, a batch waiting up to a second for a budget.</summary>
    private const string DefaultVariant = "paced, platforms' limits, a run every 1 s, waits 1 s";

    /// <summary>
    /// At the platforms' limits: every nudge sent, each platform within 5 % below its budget's rate (never above: the
    /// budgets are the bot's own). Skipped when SCALE_DISPATCH_ONLY left the default variant out.
    /// </summary>
    private static void PrintVerdict(List<Measured> runs, string provider)
    {
        if (runs.Count == 0) return;
        var cpu = Machine.Median(runs.Select(r => r.Cost.Cpu.TotalMilliseconds / r.Sent));
        var rates = runs[^1].Rates!;
        var (teams, slack) = (TeamsAppLimit.DefaultPerSecond, SlackRateLimits.DefaultWorkspacePerMinute / 60.0);
        var met = cpu < 1 && runs.All(r => r.Sent == Total) && rates.Teams >= 0.95 * teams && rates.Slack >= 0.95 * slack;
        Verdict.Print($"dispatch, {Total:N0} nudges in {Conversations} conversations at the platforms' limits, under 1 ms of CPU each, {provider}",
            $"{cpu:0.00} ms a nudge; Teams {rates.Teams:0.0} a second (budget {teams:0}), Slack {rates.Slack:0.0} (budget {slack:0})", met);
    }

    private sealed record Measured(string Name, Cost Cost, int Sent, int Passes, Rates? Rates = null);

    /// <summary>Each platform's messages a second of the fake clock, from its first message to its last.</summary>
    private sealed record Rates(double Teams, double Slack)
    {
        public override string ToString() => $"Slack {Slack:0.0}, Teams {Teams:0.0}";
    }

    private static void Report(int round, Measured row) =>
        Console.WriteLine($"round {round}: {row.Name}: {row.Cost} for {row.Sent} nudges in {row.Passes} passes {row.Rates}");

    /// <summary>SCALE_DISPATCH_ONLY: runs only the limited variants whose names hold it (with the baselines), e.g. "0.2 s, waits 1 s".</summary>
    private static readonly string? Only = Environment.GetEnvironmentVariable("SCALE_DISPATCH_ONLY");

    /// <summary>SCALE_DISPATCH_MINUTES (default 10): a paced run still going after this long stops and reports what it sent.</summary>
    private static readonly TimeSpan Budget = TimeSpan.FromMinutes(double.TryParse(Environment.GetEnvironmentVariable("SCALE_DISPATCH_MINUTES"), out var m) ? m : 10);

    /// <param name="limitedEvery">
    /// Null: a sender with no limits of its own, a pass every second. Else half the conversations are Teams chats in one
    /// tenant and half Slack channels in one workspace, under the bot's default budgets, and a pass runs this often.
    /// </param>
    /// <param name="batch">Rows a batch claims at most; 0: the build's default.</param>
    /// <param name="tenants">How many Teams tenants (each a budget of its own) the Teams chats are spread over.</param>
    private static async Task<Measured> Dispatch(ScaleDatabase database, string name, bool paced, TimeSpan? limitedEvery = null, TimeSpan wait = default,
        int batch = 0, int tenants = 1)
    {
        var settings = await database.FreshCopyAsync("dispatch_work");
        if (!paced) settings["Scheduling:MinIntervalPerConversation"] = "00:00:00";
        var time = new FakeTimeProvider(ScaleData.Now);
        var clock = new WaitSkippingClock(time);
        var sender = new FreeSender(time, limitedEvery is not null, tenants);
        settings["Scheduling:WaitForBudget"] = wait.ToString();
        if (batch > 0) settings["Scheduling:BatchSize"] = batch.ToString();
        using var host = ScaleDatabase.Build(settings, time, s =>
        {
            s.AddSingleton<INudgeSender>(sender);
            s.AddSingleton<TimeProvider>(clock);
        });
        var dispatcher = host.Services.GetRequiredService<NudgeDispatcher>();
        var step = limitedEvery ?? TimeSpan.FromSeconds(1);
        // Slack's 5,000 at 5 a second take 1,000 s of the fake clock; room for four times that.
        var maxPasses = limitedEvery is { } every ? (int)(4 * Total / 2 / 5 / every.TotalSeconds) : PerConversation * 3;
        var passes = 0;
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var cost = await Cost.OfAsync(async () =>
        {
            while (sender.Sent < Total && passes < maxPasses && watch.Elapsed < Budget)
            {
                await clock.RunAsync(() => dispatcher.DispatchDueAsync());
                passes++;
                if (passes % 100 == 0 || limitedEvery is null)
                    Console.Error.WriteLine($"  pass {passes}: {sender.Sent} sent, {watch.Elapsed.TotalSeconds:0} s");
                time.Advance(step);
            }
        });
        return new Measured(sender.Sent < Total ? name + " (stopped early)" : name, cost, sender.Sent, passes, sender.Rates());
    }

    /// <summary>The least a dispatcher must do per nudge: claim the row as the dispatcher does, then mark it sent.</summary>
    private static async Task<Measured> Baseline(ScaleDatabase database)
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
        return new Measured("claim + mark sent (baseline)", cost, sent, passes);
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

    /// <summary>
    /// Delivers instantly and counts: the platform's cost is not the dispatcher's. With limits, it names the budgets the
    /// bot's own senders name: even people's chats are Teams chats (of one tenant, or spread over several), odd ones Slack
    /// channels of one workspace.
    /// </summary>
    private sealed class FreeSender(TimeProvider time, bool limited, int tenants) : INudgeSender
    {
        private readonly SharedRateLimit[] _teams = Enumerable.Range(0, tenants)
            .Select(t => new SharedRateLimit($"teams:bench-tenant-{t}", TeamsAppLimit.DefaultPerSecond, TeamsAppLimit.DefaultBurst)).ToArray();
        private static readonly SlackRateLimits Slack = new(TimeProvider.System);
        private readonly List<(bool Teams, DateTimeOffset At)> _sent = [];

        public int Sent
        {
            get { lock (_sent) return _sent.Count; }
        }

        public string Transport => ScaleData.Transport;

        public IReadOnlyList<SharedRateLimit> SharedLimitsOf(ConversationAddress address) =>
            !limited ? [] : address.PersonId % 2 == 0 ? [_teams[address.PersonId / 2 % _teams.Length]] : [Slack.WorkspaceLimit, Slack.ChannelLimit(address.Key)];

        public Task<SendResult> SendAsync(ConversationAddress address, Reply reply, CancellationToken ct)
        {
            lock (_sent) _sent.Add((address.PersonId % 2 == 0, time.GetUtcNow()));
            return Task.FromResult(SendResult.Ok);
        }

        /// <summary>With limits: each platform's messages a second of the fake clock, from its first to its last.</summary>
        public Rates? Rates()
        {
            if (!limited) return null;
            lock (_sent)
                return new Rates(Of(_sent.Where(s => s.Teams).ToList()), Of(_sent.Where(s => !s.Teams).ToList()));

            static double Of(List<(bool Teams, DateTimeOffset At)> sent) =>
                sent.Count == 0 ? 0 : sent.Count / Math.Max((sent.Max(s => s.At) - sent.Min(s => s.At)).TotalSeconds, 1);
        }
    }
}
