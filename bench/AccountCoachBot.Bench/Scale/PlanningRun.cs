using AccountCoachBot.Data;
using AccountCoachBot.Features.ProactiveCalls;
using AccountCoachBot.Features.Promises;
using AccountCoachBot.Scheduling;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AccountCoachBot.Bench.Scale;

/// <summary>
/// Every <see cref="INudgePlanner"/> over 100,000 accounts and 1,000,000 promises at 10:00 UTC on a Tuesday, on a fresh
/// copy of the data each round: the morning's first pass (writes the day's overdue lists and call nudges) and the next
/// minute's pass (nothing new). Baseline in the same round: counting the rows the planners look for.
/// </summary>
public static class PlanningRun
{
    public static async Task RunAsync(int rounds)
    {
        var database = new ScaleDatabase();
        await database.EnsureSeededAsync();
        var results = new List<(Cost Baseline, Cost First, Cost Next, int Written, Dictionary<string, Cost> PerPlanner)>();
        for (var round = 1; round <= rounds; round++)
        {
            var settings = await database.FreshCopyAsync("scale_work");
            var time = new FakeTimeProvider(ScaleData.Now);
            using var host = ScaleDatabase.Build(settings, time);
            var planners = host.Services.GetServices<INudgePlanner>().ToList();

            await Baseline(host); // opens the connection pool and the file/buffers for both sides alike
            var (baseline, _) = await Cost.OfAsync(() => Baseline(host));
            var perPlanner = new Dictionary<string, Cost>();
            var first = await Cost.OfAsync(async () =>
            {
                foreach (var planner in planners)
                    perPlanner[planner.GetType().Name] = await Cost.OfAsync(() => planner.PlanAsync(CancellationToken.None));
            });
            time.Advance(TimeSpan.FromMinutes(1));
            var next = await Cost.OfAsync(async () =>
            {
                foreach (var planner in planners) await planner.PlanAsync(CancellationToken.None);
            });
            int written;
            using (var scope = host.Services.CreateScope())
                written = await scope.ServiceProvider.GetRequiredService<CoachDbContext>().Outbox.CountAsync();
            results.Add((baseline, first, next, written, perPlanner));
            Console.WriteLine($"round {round}: baseline {baseline} | first pass {first} ({string.Join(", ", perPlanner.Select(p => $"{p.Key} {p.Value.Wall.TotalMilliseconds:0}"))}) | next minute {next} | {written} nudges written");
        }

        Console.WriteLine();
        Console.WriteLine($"planning benchmark ({database.Provider}, {ScaleData.People * ScaleData.AccountsEach:N0} accounts, {ScaleData.People * ScaleData.PromisesEach:N0} promises): {Machine.Line()}");
        var measured = results.Count > 1 ? results.Skip(1).ToList() : results; // the first round also compiles every query
        var b = Machine.Median(measured.Select(r => r.Baseline.Wall.TotalMilliseconds));
        var f = Machine.Median(measured.Select(r => r.First.Wall.TotalMilliseconds));
        var n = Machine.Median(measured.Select(r => r.Next.Wall.TotalMilliseconds));
        Console.WriteLine($"{"",-38} {"wall ms",8} {"CPU ms",8} {"ratio",7}");
        Console.WriteLine($"{"count due rows (baseline)",-38} {b,8:0} {Machine.Median(measured.Select(r => r.Baseline.Cpu.TotalMilliseconds)),8:0} {1,7:0.0}");
        Console.WriteLine($"{"first pass of the morning",-38} {f,8:0} {Machine.Median(measured.Select(r => r.First.Cpu.TotalMilliseconds)),8:0} {f / b,7:0.0}");
        foreach (var name in measured[0].PerPlanner.Keys)
            Console.WriteLine($"{"  " + name,-38} {Machine.Median(measured.Select(r => r.PerPlanner[name].Wall.TotalMilliseconds)),8:0} {Machine.Median(measured.Select(r => r.PerPlanner[name].Cpu.TotalMilliseconds)),8:0}");
        Console.WriteLine($"{"a minute later (nothing new)",-38} {n,8:0} {Machine.Median(measured.Select(r => r.Next.Cpu.TotalMilliseconds)),8:0} {n / b,7:0.0}");
        Console.WriteLine($"nudges written by the first pass: {measured[0].Written}; target: each pass under 1,000 ms wall");
        Verdict.Print($"planning, 100,000 accounts and 1,000,000 promises, {database.Provider}: a pass under 1 s",
            $"first pass {f:0} ms, a minute later {n:0} ms ({f / b:0.0}x counting the due rows)", Math.Max(f, n) < 1000);
    }

    /// <summary>The least planning must do: count the open overdue promises and the accounts due for a look.</summary>
    private static async Task<int> Baseline(Microsoft.Extensions.Hosting.IHost host)
    {
        using var scope = host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CoachDbContext>();
        var threshold = ScaleData.Now.AddHours(-1);
        var horizon = ScaleData.Now.AddDays(1);
        return await db.Promises.CountAsync(p => p.Status == PromiseStatus.Open && p.DueUtc < threshold)
            + await db.Set<AccountCadence>().CountAsync(c => c.NextCheckUtc <= horizon);
    }
}
