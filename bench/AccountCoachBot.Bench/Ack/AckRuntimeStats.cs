using System.Diagnostics;
using System.Runtime;

namespace AccountCoachBot.Bench.Ack;

/// <summary>
/// The runtime's side of a p99 tail, since the last reset: garbage collections and their pauses (every request in
/// flight waits out a pause), the thread pool (starved by blocking calls, it queues work), the JIT (a run still
/// compiling is not yet the bot's steady state), and the process's CPU time.
/// </summary>
internal sealed record AckRuntimeStats(int Gen0, int Gen1, int Gen2, TimeSpan Paused, TimeSpan Cpu, long Completed, long Wall, long Allocated,
    long Compiled, TimeSpan Compiling)
{
    public static AckRuntimeStats Now() => new(GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2),
        GC.GetTotalPauseDuration(), Process.GetCurrentProcess().TotalProcessorTime, ThreadPool.CompletedWorkItemCount, Stopwatch.GetTimestamp(), GC.GetTotalAllocatedBytes(),
        System.Runtime.JitInfo.GetCompiledMethodCount(), System.Runtime.JitInfo.GetCompilationTime());

    public string Report()
    {
        var now = Now();
        var last = GC.GetGCMemoryInfo(GCKind.Any);
        var ephemeral = GC.GetGCMemoryInfo(GCKind.Ephemeral);
        return $"""
            runtime: {(GCSettings.IsServerGC ? "server" : "workstation")} GC, {GCSettings.LatencyMode}, {Environment.ProcessorCount} cores, {Stopwatch.GetElapsedTime(Wall, now.Wall).TotalSeconds:0.0} s
            GCs: gen0 {now.Gen0 - Gen0}, gen1 {now.Gen1 - Gen1}, gen2 {now.Gen2 - Gen2}; paused {(now.Paused - Paused).TotalMilliseconds:0} ms in all; last ephemeral pause {ephemeral.PauseDurations[0].TotalMilliseconds:0.00} ms, last any {last.PauseDurations[0].TotalMilliseconds:0.00} ms (it kept {ephemeral.PromotedBytes / 1000} kB of {ephemeral.GenerationInfo[0].SizeBeforeBytes / 1000} kB in gen0); heap {last.HeapSizeBytes / 1_000_000} MB; {(now.Allocated - Allocated) / 1_000_000} MB allocated
            process CPU {(now.Cpu - Cpu).TotalMilliseconds:0} ms; thread pool: {ThreadPool.ThreadCount} threads, {ThreadPool.PendingWorkItemCount} queued now, {now.Completed - Completed} work items run
            JIT: {now.Compiled - Compiled} methods compiled, {(now.Compiling - Compiling).TotalMilliseconds:0} ms compiling

            """;
    }
}
