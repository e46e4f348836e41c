using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

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
        // COLDSTART_BOT names another build of the bot, e.g. the ReadyToRun publish operators deploy (bench/README.md).
        var bot = Environment.GetEnvironmentVariable("COLDSTART_BOT") is { Length: > 0 } other ? Path.GetFullPath(other)
            : Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../bot/bin/Release/net10.0/AccountCoachBot.dll"));
        if (!File.Exists(bot)) throw new FileNotFoundException("Build the bot first: dotnet build -c Release bench/AccountCoachBot.Bench", bot);
        Console.WriteLine($"bot: {bot}");
        var database = new ScaleDatabase();
        var settings = await database.EmptyAsync("coldstart"); // migrated once: each start below is a restart
        var results = new List<(double Floor, double Health, double Help)>();
        for (var round = 0; round <= rounds; round++)
        {
            var floorPort = FreePort();
            var floor = await TimeAsync(["dotnet", bench, "ack-floor", floorPort.ToString(), "bench-secret"], floorPort, help: false);
            var botPort = FreePort();
            var args = new List<string> { "dotnet", bot, $"--urls=http://127.0.0.1:{botPort}" };
            args.AddRange(settings.Select(s => $"--{s.Key}={s.Value}"));
            var (health, help) = await TimeBothAsync(args, botPort);
            Console.WriteLine($"{(round == 0 ? "warm-up" : $"round {round}")}: floor {floor:0} ms; bot /healthz {health:0} ms, Direct Line help {help:0} ms");
            if (round > 0) results.Add((floor, health, help)); // the first round also fills the OS file cache
        }
        Console.WriteLine();
        Console.WriteLine($"cold start benchmark (median of {rounds}, from process start): {Machine.Line()}");
        var f = Machine.Median(results.Select(r => r.Floor));
        var h = Machine.Median(results.Select(r => r.Health));
        var d = Machine.Median(results.Select(r => r.Help));
        Console.WriteLine($"{"",-46} {"ms",7} {"ratio",7}");
        Console.WriteLine($"{"bare Kestrel (ack-floor), first answer",-46} {f,7:0} {1,7:0.0}");
        Console.WriteLine($"{"bot, GET /healthz",-46} {h,7:0} {h / f,7:0.0}");
        Console.WriteLine($"{"bot, Direct Line help answered",-46} {d,7:0} {d / f,7:0.0}");
        Console.WriteLine("target: the first answered request under 2,000 ms");
    }

    private static async Task<double> TimeAsync(IReadOnlyList<string> command, int port, bool help)
    {
        var (first, _) = await TimeBothAsync(command, port, help);
        return first;
    }

    /// <summary>Starts the process and polls until it answers; then (the bot) a Direct Line help. Times from the start, in ms.</summary>
    private static async Task<(double First, double Help)> TimeBothAsync(IReadOnlyList<string> command, int port, bool help = true)
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
            if (!help) return (first, 0);
            var chat = await DirectLineClient.StartAsync(http, "cold-start-user");
            if (await chat.SayAsync("help", "cold-start-user") == 0) throw new InvalidOperationException("no answer to help");
            return (first, watch.Elapsed.TotalMilliseconds);
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
