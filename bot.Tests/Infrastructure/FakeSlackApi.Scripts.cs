using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;

namespace AccountCoachBot.Tests.Infrastructure;

/// <summary>Scripted answers, held calls and fault schedules: what the next call(s) to a method get instead of the usual answer.</summary>
public sealed partial class FakeSlackApi
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<Scripted>> _scripts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConcurrentQueue<HeldCall>> _holds = new(StringComparer.Ordinal);
    private readonly ConcurrentBag<HeldCall> _allHolds = [];
    private readonly ConcurrentDictionary<string, FaultSchedule> _faults = new(StringComparer.Ordinal);

    private sealed record Scripted(int Status, string? Body, string ContentType, int? RetryAfterSeconds);

    /// <summary>
    /// Calls to <paramref name="method"/> fail on <paramref name="schedule"/>: 429 as Slack answers it (<c>ratelimited</c>,
    /// Retry-After), any other status with an HTML error page. Scripted answers come first.
    /// </summary>
    public void SetFaults(string method, FaultSchedule schedule) => _faults[method] = schedule;

    /// <summary>The next call to <paramref name="method"/> (one per scripted entry, in order) answers this instead.</summary>
    /// <param name="body">JSON body; <c>null</c> sends an empty body.</param>
    /// <param name="retryAfterSeconds">Sent as the <c>Retry-After</c> header.</param>
    public void Script(string method, HttpStatusCode status, JsonNode? body, int? retryAfterSeconds = null) =>
        Enqueue(method, new Scripted((int)status, body?.ToJsonString(), "application/json; charset=utf-8", retryAfterSeconds));

    /// <summary>The next call to <paramref name="method"/> answers this raw body (an HTML error page, broken JSON...).</summary>
    public void ScriptRaw(string method, HttpStatusCode status, string body, string contentType = "text/html; charset=utf-8", int? retryAfterSeconds = null) =>
        Enqueue(method, new Scripted((int)status, body, contentType, retryAfterSeconds));

    /// <summary>HTTP 200 <c>{"ok":false,"error":…}</c>, as Slack answers platform errors.</summary>
    public void ScriptError(string method, string error) =>
        Script(method, HttpStatusCode.OK, new JsonObject { ["ok"] = false, ["error"] = error });

    /// <summary>HTTP 429 with <c>Retry-After</c> and <c>{"ok":false,"error":"ratelimited"}</c>.</summary>
    public void ScriptRateLimited(string method, int retryAfterSeconds) =>
        Script(method, HttpStatusCode.TooManyRequests, new JsonObject { ["ok"] = false, ["error"] = "ratelimited" }, retryAfterSeconds);

    /// <summary>
    /// The next call to <paramref name="method"/> is held unanswered until the test releases it (Slack slow to answer);
    /// released, it takes effect and is answered as usual. Disposing the fake releases whatever is still held.
    /// </summary>
    public HeldCall HoldNext(string method)
    {
        var hold = new HeldCall();
        _allHolds.Add(hold);
        _holds.GetOrAdd(method, _ => new()).Enqueue(hold);
        return hold;
    }

    /// <summary>A call <see cref="HoldNext"/> keeps waiting, with signals for the test.</summary>
    public sealed class HeldCall
    {
        private readonly TaskCompletionSource _arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>Completes when the call has reached the fake (and is being held).</summary>
        public Task Arrived => _arrived.Task;

        /// <summary>Lets the held call through: it is recorded and answered.</summary>
        public void Release() => _released.TrySetResult();

        internal Task ArriveAndWaitAsync()
        {
            _arrived.TrySetResult();
            return _released.Task;
        }
    }

    private void Enqueue(string method, Scripted scripted) => _scripts.GetOrAdd(method, _ => new()).Enqueue(scripted);
}
