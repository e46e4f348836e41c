using System.Diagnostics;

namespace AccountCoachBot.Bench.Scale;

/// <summary>
/// Wall and process CPU time of one step (CPU counts every thread of this process, so run one thing at a time), and the
/// bytes it allocated: unlike time, allocations do not change with how busy the machine is, so a small change shows.
/// </summary>
public readonly record struct Cost(TimeSpan Wall, TimeSpan Cpu, long Allocated = 0)
{
    public static async Task<(Cost Cost, T Result)> OfAsync<T>(Func<Task<T>> run)
    {
        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var watch = Stopwatch.StartNew();
        var result = await run();
        watch.Stop();
        process.Refresh();
        return (new Cost(watch.Elapsed, process.TotalProcessorTime - cpu, GC.GetTotalAllocatedBytes(precise: true) - allocated), result);
    }

    public static async Task<Cost> OfAsync(Func<Task> run) => (await OfAsync(async () => { await run(); return 0; })).Cost;

    public override string ToString() => $"{Wall.TotalMilliseconds,7:0} ms wall {Cpu.TotalMilliseconds,7:0} ms CPU";
}

public static class Machine
{
    /// <summary>The line every result table starts with: when, where, and how busy the machine was.</summary>
    public static string Line() =>
        $"{DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, load average {LoadAverage()}";

    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0) return double.NaN;
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
