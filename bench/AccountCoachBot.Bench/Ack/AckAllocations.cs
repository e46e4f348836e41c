using System.Collections.Concurrent;
using System.Diagnostics.Tracing;

namespace AccountCoachBot.Bench.Ack;

/// <summary>
/// What the bot allocates, by type: the runtime's allocation ticks (one about every 100 kB allocated, naming the type
/// that crossed it), so a type's share of the ticks is its share of the bytes. Profile mode only (ACK_PROFILE=1): the
/// verbose GC events cost a little on every tick.
/// </summary>
internal sealed class AckAllocations : EventListener
{
    private readonly ConcurrentDictionary<string, long> _ticks = new();

    protected override void OnEventSourceCreated(EventSource source)
    {
        // GC keyword (0x1) at Verbose: GCAllocationTick.
        if (source.Name == "Microsoft-Windows-DotNETRuntime") EnableEvents(source, EventLevel.Verbose, (EventKeywords)0x1);
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (e.EventName?.StartsWith("GCAllocationTick") != true || e.PayloadNames is null) return;
        var type = e.Payload![e.PayloadNames.IndexOf("TypeName")] as string ?? "?";
        _ticks.AddOrUpdate(type, 1, (_, n) => n + 1);
    }

    public string Report(bool reset)
    {
        var total = Math.Max(1, _ticks.Values.Sum());
        var text = "allocations by type (share of ~100 kB ticks):\n" + string.Join('\n', _ticks.OrderByDescending(t => t.Value).Take(30)
            .Select(t => $"{100.0 * t.Value / total,6:0.0} % {t.Value,6}  {t.Key}")) + "\n";
        if (reset) _ticks.Clear();
        return text;
    }
}
