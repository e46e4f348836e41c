using System.Diagnostics;
using AccountCoachBot.Operations;
using AccountCoachBot.Scheduling;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AccountCoachBot.Bench.Scale;

/// <summary>
/// The real app (<see cref="CoachWebApp"/>, as Program.cs builds it, workstation GC as the bot's own build has it) in a child
/// process of its own: once over an empty database (the baseline), once over a copy of the 100,000-account data. Each
/// runs planning, then rounds of Direct Line turns through the playground, and reports the managed heap and the
/// working set after a full blocking GC: after planning and the first round, and after the last round (does it grow?).
/// The clock is fixed at <see cref="ScaleData.Now"/> (10:00 UTC on a Tuesday), so planning finds the morning's work.
/// </summary>
public static class MemoryRun
{
    private static readonly string[] Script =
    [
        "help", "promise Acme: send the quote by Friday", "promises", "accounts", "calls", "meetings", "meeting Acme tomorrow 15:00", "help promises",
    ];

    public static async Task RunAsync(int rounds)
    {
        var database = new ScaleDatabase();
        await database.EnsureSeededAsync();
        var results = new List<(string Name, Dictionary<string, string> Values)>
        {
            ("empty database (baseline)", await ChildAsync(await database.EmptyAsync("memory_empty"), rounds)),
            ("100,000 accounts, 1,000,000 promises", await ChildAsync(await database.FreshCopyAsync("memory_work"), rounds)),
        };
        Console.WriteLine();
        Console.WriteLine($"memory benchmark ({database.Provider}, the app in its own process, workstation GC, {rounds} rounds of {Script.Length} turns): {Machine.Line()}");
        Console.WriteLine($"{"",-38} {"heap MB",8} {"working set MB",15} {"heap, last round",17} {"working set, last",18} {"planning s",11}");
        foreach (var (name, values) in results)
            Console.WriteLine($"{name,-38} {values["heap_mb"],8} {values["ws_mb"],15} {values["last_heap_mb"],17} {values["last_ws_mb"],18} {values["plan_s"],11}");
        var (empty, full) = (results[0].Values, results[1].Values);
        Console.WriteLine($"ratio to the empty database: heap {double.Parse(full["heap_mb"]) / double.Parse(empty["heap_mb"]):0.0}x, working set {double.Parse(full["ws_mb"]) / double.Parse(empty["ws_mb"]):0.0}x; target: under 250 MB with 100,000 accounts");
        Console.WriteLine($"heap per round (100,000 accounts): {full["rounds_mb"]}");
        var workingSet = Math.Max(double.Parse(full["ws_mb"]), double.Parse(full["last_ws_mb"]));
        Verdict.Print($"memory with 100,000 accounts under 250 MB, {database.Provider}",
            $"working set {workingSet:0} MB at most, heap {full["last_heap_mb"]} MB after the last round " +
            $"({workingSet / double.Parse(empty["ws_mb"]):0.0}x the empty database's working set)", workingSet < 250);
    }

    private static async Task<Dictionary<string, string>> ChildAsync(Dictionary<string, string?> settings, int rounds)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true };
        start.ArgumentList.Add(typeof(MemoryRun).Assembly.Location);
        foreach (var arg in new[] { "scale", "memory-app", rounds.ToString() }) start.ArgumentList.Add(arg);
        foreach (var (key, value) in settings) start.ArgumentList.Add($"--{key}={value}");
        start.Environment["DOTNET_gcServer"] = "0"; // as bot/AccountCoachBot.csproj ships it
        using var child = Process.Start(start)!;
        var output = await child.StandardOutput.ReadToEndAsync();
        await child.WaitForExitAsync();
        var result = output.Split('\n').LastOrDefault(l => l.StartsWith("RESULT ")) ?? throw new InvalidOperationException("memory-app failed:\n" + output);
        Console.WriteLine(result);
        return result[7..].Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
    }

    /// <summary>The child: the app on a loopback port, planning, turns, measurements; prints one RESULT line.</summary>
    public static async Task AppAsync(int rounds, string[] settings)
    {
        var time = new FakeTimeProvider(ScaleData.Now);
        await using var app = CoachWebApp.Create([.. settings, "--urls=http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning"],
            builder => builder.Services.AddSingleton<TimeProvider>(time));
        await StartupChecks.RunAsync(app.Services);
        await app.StartAsync();
        var url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        var planning = Stopwatch.StartNew();
        await app.Services.GetRequiredService<NudgeDispatcher>().RunAsync();
        planning.Stop();

        using var http = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromMinutes(2) };
        var perRound = new List<double>();
        double heapAfterFirst = 0, wsAfterFirst = 0;
        for (var round = 0; round < rounds; round++)
        {
            var user = $"bench-user-{round % 4}";
            var chat = await DirectLineClient.StartAsync(http, user);
            foreach (var text in Script)
                if (await chat.SayAsync(text, user) == 0)
                    throw new InvalidOperationException($"No answer to '{text}'");
            var (heap, ws) = Settle();
            perRound.Add(heap);
            if (round == 0) (heapAfterFirst, wsAfterFirst) = (heap, ws);
        }
        var (lastHeap, lastWs) = Settle();
        Console.WriteLine($"RESULT heap_mb={heapAfterFirst:0} ws_mb={wsAfterFirst:0} last_heap_mb={lastHeap:0} last_ws_mb={lastWs:0} plan_s={planning.Elapsed.TotalSeconds:0.0} " +
            $"rounds_mb={string.Join(",", perRound.Select(h => h.ToString("0.0")))}");
        await app.StopAsync();
    }

    /// <summary>Managed heap and working set (MB) after a full, blocking, compacting collection.</summary>
    private static (double Heap, double WorkingSet) Settle()
    {
        for (var i = 0; i < 2; i++)
        {
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }
        var heap = GC.GetTotalMemory(forceFullCollection: false);
        var process = Process.GetCurrentProcess();
        return (heap / 1048576.0, process.WorkingSet64 / 1048576.0);
    }
}
