using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection.PortableExecutable;

namespace AccountCoachBot.Bench.Scale;

/// <summary>
/// From <c>dotnet AccountCoachBot.dll</c> being started to its first answers: <c>GET /healthz</c>, then a Direct Line
/// <c>help</c> through the playground (a whole turn: the database, the text catalog, the reply). The bot is its own
/// Release build, started as an operator starts it, on an already migrated SQLite file (a restart; the first start
/// of all also creates the schema). Baseline: the bare Kestrel app of the ack benchmark (<c>ack-floor</c>), started
/// the same way, to its first answer. Each round starts both anew, one after the other.
/// </summary>
public static class ColdStartRun
{
    public static async Task RunAsync(int rounds)
    {
        var bench = typeof(ColdStartRun).Assembly.Location;
        // COLDSTART_BOT names another build of the bot, e.g. the ReadyToRun publish operators deploy (bench/JOURNAL.md);
        // COLDSTART_BEFORE a second build started in the same rounds (an older commit), for a before/after at one load.
        var bot = Environment.GetEnvironmentVariable("COLDSTART_BOT") is { Length: > 0 } other ? Path.GetFullPath(other)
            : Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../bot/bin/Release/net10.0/AccountCoachBot.dll"));
        var builds = new List<(string Name, string Dll)>();
        if (Environment.GetEnvironmentVariable("COLDSTART_BEFORE") is { Length: > 0 } before) builds.Add(("before", Path.GetFullPath(before)));
        builds.Add(("bot", bot));
        foreach (var (_, dll) in builds)
            if (!File.Exists(dll)) throw new FileNotFoundException("Build the bot first: dotnet build -c Release bench/AccountCoachBot.Bench", dll);
        foreach (var (name, dll) in builds) Console.WriteLine($"{name}: {dll} ({Kind(dll)})");
        var database = new ScaleDatabase();
        var settings = await database.EmptyAsync("coldstart"); // migrated once: each start below is a restart
        var floors = new List<double>();
        var results = builds.ToDictionary(b => b.Name, _ => new List<Start>());
        for (var round = 0; round <= rounds; round++)
        {
            var floorPort = FreePort();
            var floor = await TimeAsync(["dotnet", bench, "ack-floor", floorPort.ToString(), "bench-secret"], floorPort, help: false);
            var line = $"{(round == 0 ? "warm-up" : $"round {round}")}: floor {floor.First:0} ms";
            foreach (var (name, dll) in builds)
            {
                var botPort = FreePort();
                var args = new List<string> { "dotnet", dll, $"--urls=http://127.0.0.1:{botPort}" };
                args.AddRange(settings.Select(s => $"--{s.Key}={s.Value}"));
                var start = await TimeAsync(args, botPort);
                line += $"; {name} /healthz {start.First:0} ms, Direct Line help {start.Help:0} ms ({start.Cpu:0} ms CPU)";
                if (round > 0) results[name].Add(start);
            }
            Console.WriteLine(line);
            if (round > 0) floors.Add(floor.First); // the first round also fills the OS file cache
        }
        Console.WriteLine();
        Console.WriteLine($"cold start benchmark (median of {rounds}, from process start): {Machine.Line()}");
        var f = Machine.Median(floors);
        Console.WriteLine($"{"",-46} {"ms",7} {"ratio",7} {"CPU ms",7}");
        Console.WriteLine($"{"bare Kestrel (ack-floor), first answer",-46} {f,7:0} {1,7:0.0}");
        foreach (var (name, _) in builds)
        {
            var h = Machine.Median(results[name].Select(r => r.First));
            var d = Machine.Median(results[name].Select(r => r.Help));
            var cpu = Machine.Median(results[name].Select(r => r.Cpu));
            Console.WriteLine($"{name + ", GET /healthz",-46} {h,7:0} {h / f,7:0.0}");
            Console.WriteLine($"{name + ", Direct Line help answered",-46} {d,7:0} {d / f,7:0.0} {cpu,7:0}");
        }
        Console.WriteLine("target: the first answered request under 2,000 ms");
        var help = Machine.Median(results["bot"].Select(r => r.Help));
        Verdict.Print("cold start to the first answered request under 2 s",
            $"Direct Line help answered {help:0} ms after process start, {Kind(bot)} ({help / f:0.0}x bare Kestrel's first answer)", help < 2000);
    }

    /// <summary>A ReadyToRun image carries its precompiled code behind the CLR header's managed native header.</summary>
    private static string Kind(string dll)
    {
        using var image = new PEReader(File.OpenRead(dll));
        return image.PEHeaders.CorHeader?.ManagedNativeHeaderDirectory.Size > 0 ? "the ReadyToRun publish" : "a plain build, without ReadyToRun";
    }

    /// <summary>One start: ms from process start to the first answer and to the help answered, and the process's CPU ms by then.</summary>
    private readonly record struct Start(double First, double Help, double Cpu);

    /// <summary>Starts the process and polls until it answers; then (the bot) a Direct Line help. Times from the start, in ms.</summary>
    private static async Task<Start> TimeAsync(IReadOnlyList<string> command, int port, bool help = true)
    {
        var start = new ProcessStartInfo(command[0]) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in command.Skip(1)) start.ArgumentList.Add(arg);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        _ = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        try
        {
            while (true)
            {
                if (process.HasExited) throw new InvalidOperationException($"{command[1]} exited: {await errors}");
                if (watch.Elapsed > TimeSpan.FromMinutes(1)) throw new TimeoutException($"{command[1]} never answered");
                try
                {
                    using var response = await http.GetAsync(help ? "/healthz" : "/");
                    break; // any answer: the floor has no GET route, its 404 is an answer
                }
                catch (HttpRequestException)
                {
                    await Task.Delay(5);
                }
            }
            var first = watch.Elapsed.TotalMilliseconds;
            if (!help) return new Start(first, 0, 0);
            var chat = await DirectLineClient.StartAsync(http, "cold-start-user");
            if (await chat.SayAsync("help", "cold-start-user") == 0) throw new InvalidOperationException("no answer to help");
            var answered = watch.Elapsed.TotalMilliseconds;
            process.Refresh();
            return new Start(first, answered, process.TotalProcessorTime.TotalMilliseconds);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
