using System.Diagnostics.Metrics;
using AccountCoachBot.Data;
using AccountCoachBot.Scheduling;

namespace AccountCoachBot.Operations;

/// <summary>
/// The bot's own instruments on the meter <c>AccountCoachBot</c>: what operators watch (nudges sent, failed and deferred,
/// the platforms' 429s, turn latency, outbox lag). Recorded where the work happens; exported only when an exporter is on.
/// </summary>
public sealed class CoachMetrics
{
    public const string MeterName = "AccountCoachBot";

    private readonly IServiceScopeFactory _scopes;
    private readonly TimeProvider _time;
    private readonly Counter<long> _sent;
    private readonly Counter<long> _failed;
    private readonly Counter<long> _deferred;
    private readonly Counter<long> _throttled;
    private readonly Counter<long> _planningFailed;
    private readonly Histogram<double> _turnLatency;
    private readonly Histogram<double> _inboxCommit;
    private readonly Histogram<int> _inboxBatch;

    public CoachMetrics(IMeterFactory meters, IServiceScopeFactory scopes, TimeProvider time)
    {
        _scopes = scopes;
        _time = time;
        var meter = meters.Create(MeterName);
        _sent = meter.CreateCounter<long>("coach.nudges.sent", description: "Nudges the platform accepted");
        _failed = meter.CreateCounter<long>("coach.nudges.failed", description: "Nudges given up on (refused, out of attempts, no renderer)");
        _deferred = meter.CreateCounter<long>("coach.nudges.deferred", description: "Nudges put back in the outbox for later (off hours, pacing, retry)");
        _throttled = meter.CreateCounter<long>("coach.platform.throttled", description: "HTTP 429 answers from Slack or the Bot Connector");
        _planningFailed = meter.CreateCounter<long>("coach.planning.failed", description: "Planning passes a planner failed (tried again on the next run)");
        // Seconds, so the SDK's default buckets (made for milliseconds) would put every turn in the first few.
        _turnLatency = meter.CreateHistogram<double>("coach.turn.duration", unit: "s", description: "Time to handle one inbound message",
            tags: null, advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] });
        // An ack waits for its request's commit: this is the database's share of every ack's latency.
        _inboxCommit = meter.CreateHistogram<double>("coach.inbox.commit.duration", unit: "s",
            description: "Time to record inbound requests before their ack: one batch's commit to the inbox (PostgreSQL), or one append to the arrivals file (SQLite)",
            tags: null, advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.1, 1] });
        _inboxBatch = meter.CreateHistogram<int>("coach.inbox.commit.requests", unit: "{request}",
            description: "Inbound requests recorded at once (PostgreSQL: requests arriving during a commit share the next; SQLite: one)",
            tags: null, advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = [1, 2, 4, 8, 16, 32, 64, 128, 256] });
        meter.CreateObservableGauge("coach.outbox.lag", OutboxLag, unit: "s", description: "Age of the oldest due pending nudge (0 when none)");
    }

    public void NudgeSent(string transport) => _sent.Add(1, Transport(transport));

    public void NudgeFailed(string transport, string reason) => _failed.Add(1, Transport(transport), new("reason", reason));

    public void NudgeDeferred(string transport, string reason) => _deferred.Add(1, Transport(transport), new("reason", reason));

    public void PlatformThrottled(string platform) => _throttled.Add(1, new KeyValuePair<string, object?>("platform", platform));

    public void PlanningFailed(string planner) => _planningFailed.Add(1, new KeyValuePair<string, object?>("planner", planner));

    public void TurnHandled(string channel, TimeSpan elapsed) =>
        _turnLatency.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("channel", channel));

    public void InboxCommitted(int requests, TimeSpan elapsed)
    {
        _inboxCommit.Record(elapsed.TotalSeconds);
        _inboxBatch.Record(requests);
    }

    private static KeyValuePair<string, object?> Transport(string transport) => new("transport", transport);

    /// <summary>Read at scrape time; a database that cannot answer reports nothing rather than failing the scrape.</summary>
    private IEnumerable<Measurement<double>> OutboxLag()
    {
        try
        {
            using var scope = _scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<CoachDbContext>();
            var now = _time.GetUtcNow().UtcDateTime;
            var oldest = db.Outbox.Where(o => o.Status == OutboxStatus.Pending && o.DueUtc <= now).Min(o => (DateTime?)o.DueUtc);
            return [new Measurement<double>(oldest is { } due ? (now - due).TotalSeconds : 0)];
        }
        catch (Exception)
        {
            return [];
        }
    }
}
