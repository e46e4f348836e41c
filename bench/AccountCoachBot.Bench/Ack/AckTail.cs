using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace AccountCoachBot.Bench.Ack;

/// <summary>
/// Whose tail a p99 is. wrk times a request from its send to its read; here the bot times it from its first
/// middleware to the end of its response, and a probe times how long a work item queued every millisecond waits for a
/// pool thread. When wrk's p99 is far above the bot's own, the time went outside the request (the machine's scheduler,
/// a CPU taken by the host, wrk itself), not in the bot's code. Costs two timestamps and an increment per request.
/// </summary>
internal sealed class AckTail
{
    private readonly LatencyHistogram _requests = new(TimeSpan.FromMilliseconds(0.1)), _pool = new(TimeSpan.FromMilliseconds(0.1));

    public static void AddTo(WebApplicationBuilder builder)
    {
        var tail = new AckTail();
        builder.Services.AddSingleton(tail);
        // A startup filter wraps the whole pipeline: the bot's own middleware is inside the time.
        builder.Services.AddSingleton<IStartupFilter>(new Outermost(tail));
    }

    /// <summary>
    /// Starts the pool probe until <paramref name="stopping"/>. It runs on a thread of its own and paces itself on the
    /// real clock: it measures this machine's thread pool, so neither its pacing nor its timer may go through that pool.
    /// </summary>
    public void StartProbe(CancellationToken stopping) =>
        new Thread(() => Probe(stopping)) { IsBackground = true, Name = "ack tail probe" }.Start();

    public string Report() => $"in the bot: {Report(_requests)}\npool queue: {Report(_pool)}\n";

    public void Reset()
    {
        _requests.Reset();
        _pool.Reset();
    }

    private void Probe(CancellationToken stopping)
    {
        do
        {
            var queued = Stopwatch.GetTimestamp();
            ThreadPool.UnsafeQueueUserWorkItem(h => h.Add(Stopwatch.GetElapsedTime(queued)), _pool, preferLocal: false);
        }
        while (!stopping.WaitHandle.WaitOne(1)); // about every millisecond, until the bot stops
    }

    private sealed class Outermost(AckTail tail) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, inner) =>
            {
                var started = Stopwatch.GetTimestamp();
                await inner(context);
                tail._requests.Add(Stopwatch.GetElapsedTime(started));
            });
            next(app);
        };
    }

    private static string Report(LatencyHistogram histogram)
    {
        var n = histogram.Count;
        if (n == 0) return "nothing timed";
        string At(double share) => histogram.At(share) is { } at ? at.TotalMilliseconds.ToString("0.0") : $"> {histogram.Limit.TotalMilliseconds:0}";
        return $"{n} timed, p50 {At(0.5)} ms, p99 {At(0.99)} ms, p99.9 {At(0.999)} ms; " +
               $"over 4 ms {histogram.PercentOver(TimeSpan.FromMilliseconds(4)):0.00} %, over 8 ms {histogram.PercentOver(TimeSpan.FromMilliseconds(8)):0.00} %";
    }
}
