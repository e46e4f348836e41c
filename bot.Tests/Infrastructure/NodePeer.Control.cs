using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AccountCoachBot.Tests.Infrastructure;

/// <summary>The peer's control endpoints (<c>/_recorded</c>, <c>/_reset</c>, <c>/_script</c>, <c>/_members</c>) over loopback HTTP.</summary>
public sealed partial class NodePeer
{
    // Loopback only: never go through a proxy from the environment. The timeout only stops a dead peer from
    // blocking a test; it is longer than the hang guard of a held GET /_recorded?atLeast=n.
    private static readonly HttpClient ControlClient = new(new SocketsHttpHandler { UseProxy = false })
    {
        Timeout = TimeSpan.FromSeconds(60),
    };

    /// <summary><c>GET /_recorded</c>: every connector call received so far (see Peers/README.md for the shape).</summary>
    public async Task<JsonArray> RecordedAsync(CancellationToken cancellationToken = default)
    {
        using var response = await ControlClient.GetAsync(new Uri(BaseUri, "_recorded"), cancellationToken);
        await EnsureControlSuccess(response, "GET /_recorded");
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        return JsonNode.Parse(text)?.AsArray() ?? throw new InvalidOperationException("/_recorded returned null");
    }

    /// <summary>
    /// Waits until at least <paramref name="count"/> connector calls are recorded (for asynchronous senders): the peer
    /// holds <c>GET /_recorded?atLeast=n</c> open until they have arrived. <paramref name="timeout"/> (default
    /// <see cref="HangGuard.Limit"/>) is a hang guard: past it, <see cref="TimeoutException"/> with what was recorded.
    /// </summary>
    public async Task<JsonArray> WaitForRecordedAsync(int count, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        var limit = timeout ?? HangGuard.Limit;
        using var guard = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        guard.CancelAfter(limit);
        try
        {
            using var response = await ControlClient.GetAsync(new Uri(BaseUri, $"_recorded?atLeast={count}"), guard.Token);
            await EnsureControlSuccess(response, "GET /_recorded?atLeast");
            var text = await response.Content.ReadAsStringAsync(guard.Token);
            return JsonNode.Parse(text)?.AsArray() ?? throw new InvalidOperationException("/_recorded returned null");
        }
        catch (OperationCanceledException) when (guard.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            var recorded = await RecordedAsync(cancellationToken);
            throw new TimeoutException(
                $"Hang guard: expected at least {count} recorded connector call(s) within {limit.TotalSeconds:0} s, got {recorded.Count}: {recorded.ToJsonString()}");
        }
    }

    /// <summary><c>POST /_reset</c>: clears recorded calls, the script queue, id counters and rosters.</summary>
    public async Task ResetAsync(CancellationToken cancellationToken = default)
    {
        using var response = await ControlClient.PostAsync(new Uri(BaseUri, "_reset"), null, cancellationToken);
        await EnsureControlSuccess(response, "POST /_reset");
    }

    /// <summary>
    /// <c>POST /_script</c>: queues canned responses for the next connector calls (FIFO, one per call; then normal
    /// behaviour resumes). Pass an array / <see cref="JsonArray"/> of responses (e.g. from <see cref="ConnectorResponses"/>)
    /// or an object <c>{ responses = [...] }</c>. Each response: <c>{status, headers?, body?, delayMs?}</c>.
    /// Successive calls append to the queue.
    /// </summary>
    public async Task ScriptAsync(object responses, CancellationToken cancellationToken = default)
    {
        var node = responses as JsonNode ?? JsonSerializer.SerializeToNode(responses, responses.GetType(), ConnectorResponses.JsonOptions);
        if (node is JsonArray)
        {
            node = new JsonObject { ["responses"] = node };
        }

        using var content = new StringContent(node!.ToJsonString(), Encoding.UTF8, "application/json");
        using var response = await ControlClient.PostAsync(new Uri(BaseUri, "_script"), content, cancellationToken);
        await EnsureControlSuccess(response, "POST /_script");
    }

    /// <summary><c>POST /_members</c>: sets the roster returned by GET .../members and .../pagedmembers.</summary>
    public async Task SetMembersAsync(string conversationId, IEnumerable<object> members, CancellationToken cancellationToken = default)
    {
        using var response = await ControlClient.PostAsJsonAsync(
            new Uri(BaseUri, "_members"), new { conversationId, members }, ConnectorResponses.JsonOptions, cancellationToken);
        await EnsureControlSuccess(response, "POST /_members");
    }

    private static async Task EnsureControlSuccess(HttpResponseMessage response, string what)
    {
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync();
            throw new InvalidOperationException($"{what} on the peer failed: {(int)response.StatusCode} {body}");
        }
    }
}
