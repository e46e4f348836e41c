using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AccountCoachBot.Tests.Infrastructure;

/// <summary>
/// A loopback Bot Connector on real Kestrel: records every activity the bot sends, and can answer the next
/// calls with scripted failures (429 with Retry-After, 403 BotNotInConversationRoster...).
/// </summary>
public sealed class FakeConnector : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<(int Status, string? Code, string? RetryAfter)> _script = new();
    private readonly List<RecordedCall> _calls = [];
    private readonly ConcurrentDictionary<string, (string Name, string Email, string? TenantId)> _members = new();
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public sealed record RecordedCall(string Method, string ConversationId, string? ActivityId, JsonObject Activity, string? Authorization, int Status,
        long? ContentLength = null, string? TransferEncoding = null, DateTimeOffset? At = null, string? RetryAfter = null);

    private FakeConnector(WebApplication app) => _app = app;

    public string ServiceUrl { get; private set; } = "";

    /// <summary>Stamps each recorded call with this clock's time (the bot's fake clock), when set.</summary>
    public TimeProvider? Clock { get; set; }

    /// <summary>Faults for proactive sends (POST without an activity id, as nudges are); replies are left alone.</summary>
    public FaultSchedule? Faults { get; set; }

    public IReadOnlyList<RecordedCall> Calls
    {
        get { lock (_calls) return _calls.ToList(); }
    }

    /// <summary>Delivered messages only (not the scripted failures).</summary>
    public IReadOnlyList<RecordedCall> Delivered => Calls.Where(c => c.Status is >= 200 and < 300).ToList();

    public static async Task<FakeConnector> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder(SettingsFiles.ReadOnceWith([])); // no watch on the working folder
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var connector = new FakeConnector(app);
        app.MapPost("/v3/conversations/{conversationId}/activities", (HttpContext c, string conversationId) => connector.RecordAsync(c, conversationId, null));
        app.MapPost("/v3/conversations/{conversationId}/activities/{activityId}", (HttpContext c, string conversationId, string activityId) => connector.RecordAsync(c, conversationId, activityId));
        app.MapPut("/v3/conversations/{conversationId}/activities/{activityId}", (HttpContext c, string conversationId, string activityId) => connector.RecordAsync(c, conversationId, activityId));
        // Teams' member lookup: the email (and, when given, the tenant) of a member, as Teams gives it (any conversation, for simplicity).
        app.MapGet("/v3/conversations/{conversationId}/members/{memberId}", (string conversationId, string memberId) =>
            connector._members.TryGetValue(memberId, out var m)
                ? Results.Json(new JsonObject { ["id"] = memberId, ["name"] = m.Name, ["email"] = m.Email, ["userPrincipalName"] = m.Email, ["tenantId"] = m.TenantId })
                : Results.Json(new JsonObject { ["error"] = new JsonObject { ["code"] = "MemberNotFoundInConversation" } }, statusCode: 404));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        connector.ServiceUrl = address.TrimEnd('/') + "/";
        return connector;
    }

    /// <summary>A member the connector's member lookup knows, with the email and tenant (TeamsChannelAccount.tenantId) Teams would give.</summary>
    public void AddMember(string id, string name, string email, string? tenantId = null) => _members[id] = (name, email, tenantId);

    private TaskCompletionSource? _hold;

    /// <summary>
    /// Holds the next call until the returned gate is opened: the bot's turn is then stuck mid-way, sending its reply.
    /// Later calls are not held.
    /// </summary>
    public TaskCompletionSource HoldNext()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _heldArrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _hold = gate;
        return gate;
    }

    private TaskCompletionSource _heldArrived = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the call <see cref="HoldNext"/> holds has arrived (and is being held).</summary>
    public Task HeldCallArrived => _heldArrived.Task;

    /// <summary>The next call answers with this failure instead of accepting the activity.</summary>
    public void FailNext(HttpStatusCode status, string? errorCode = null, TimeSpan? retryAfter = null) =>
        _script.Enqueue(((int)status, errorCode, retryAfter is null ? null : ((int)retryAfter.Value.TotalSeconds).ToString()));

    /// <summary>
    /// Waits until at least <paramref name="count"/> messages were delivered, woken by each call's arrival.
    /// <paramref name="timeout"/> (default <see cref="HangGuard.Limit"/>) is a hang guard: past it,
    /// <see cref="TimeoutException"/> with the calls seen.
    /// </summary>
    public async Task<IReadOnlyList<RecordedCall>> WaitForDeliveredAsync(int count, TimeSpan? timeout = null)
    {
        var limit = timeout ?? HangGuard.Limit;
        using var guard = new CancellationTokenSource(limit);
        while (true)
        {
            Task changed;
            lock (_calls) changed = _changed.Task;
            var delivered = Delivered;
            if (delivered.Count >= count) return delivered;
            try
            {
                await changed.WaitAsync(guard.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"Hang guard: expected {count} delivered message(s) within {limit.TotalSeconds:0} s, got {delivered.Count}. " +
                    $"All calls: [{string.Join(", ", Calls.Select(c => $"{c.Method} {c.ConversationId}→{c.Status}"))}]");
            }
        }
    }

    private async Task<IResult> RecordAsync(HttpContext context, string conversationId, string? activityId)
    {
        var activity = (await JsonNode.ParseAsync(context.Request.Body))!.AsObject();
        if (Interlocked.Exchange(ref _hold, null) is { } hold)
        {
            _heldArrived.TrySetResult();
            await hold.Task.WaitAsync(HangGuard.Limit);
        }
        var status = 200;
        string? code = null, retryAfter = null;
        if (_script.TryDequeue(out var scripted)) (status, code, retryAfter) = scripted;
        else if (activityId is null && HttpMethods.IsPost(context.Request.Method) && Faults?.Next() is { } fault)
            (status, code, retryAfter) = (fault.Status, fault.Status == 429 ? "Throttled" : "ServiceError", fault.RetryAfterSeconds?.ToString());
        else if (OversizedImage(activity)) (status, code) = (413, "MessageSizeTooBig");
        lock (_calls)
        {
            _calls.Add(new RecordedCall(context.Request.Method, conversationId, activityId, activity, context.Request.Headers.Authorization.ToString() is { Length: > 0 } a ? a : null, status,
                context.Request.ContentLength, context.Request.Headers.TransferEncoding.ToString() is { Length: > 0 } te ? te : null, Clock?.GetUtcNow(), retryAfter));
            _changed.TrySetResult();
            _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        if (status == 200) return Results.Json(new { id = $"act-{Guid.NewGuid():N}" });
        if (retryAfter is not null) context.Response.Headers.RetryAfter = retryAfter;
        return Results.Json(new { error = new { code = code ?? "Error", message = "scripted" } }, statusCode: status);
    }

    /// <summary>
    /// Teams takes inline pictures up to 1024×1024 px and 1 MB; a bigger one fails the whole message with 413
    /// <c>MessageSizeTooBig</c>. (Base64 pictures do not count towards the 100 KB message limit.)
    /// </summary>
    private static bool OversizedImage(JsonObject activity)
    {
        const string prefix = "data:image/png;base64,";
        foreach (var attachment in activity["attachments"]?.AsArray() ?? [])
        {
            if (attachment?["contentUrl"] is not JsonValue url || !url.TryGetValue<string>(out var value) || !value.StartsWith(prefix, StringComparison.Ordinal))
                continue;
            var bytes = Convert.FromBase64String(value[prefix.Length..]);
            if (bytes.Length > 1024 * 1024) return true;
            var png = TestSupport.PngImage.Read(bytes);
            if (png.Width > 1024 || png.Height > 1024) return true;
        }
        return false;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
