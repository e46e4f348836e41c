using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AccountCoachBot.Tests.Ai;

/// <summary>One chat-completions request as the fake received it.</summary>
public sealed record ModelRequest(string Path, string? ApiVersion, string? ApiKey, string? Authorization, JsonObject Body)
{
    /// <summary>All message contents, joined: what the model was shown.</summary>
    public string Shown => string.Join("\n", Body["messages"]!.AsArray().Select(m => m!["content"]?.ToString()));

    /// <summary>The last message: the real request after the few-shot examples.</summary>
    public string Data => Body["messages"]!.AsArray()[^1]!["content"]!.ToString();
}

/// <summary>What the fake answers: the assistant's content, an HTTP status, or nothing ever.</summary>
public sealed record ModelAnswer(string? Content = null, int Status = 200, bool Hang = false)
{
    public static ModelAnswer Json(object value) => new(JsonSerializer.Serialize(value));
    public static ModelAnswer Text(string content) => new(content);
    public static readonly ModelAnswer Throttled = new(Status: 429);
    public static readonly ModelAnswer ServerError = new(Status: 500);
    public static readonly ModelAnswer Never = new(Hang: true);
}

/// <summary>
/// Azure OpenAI and an OpenAI-compatible server on real Kestrel, on an ephemeral loopback port. It answers as the
/// services do: Azure at <c>/openai/deployments/{deployment}/chat/completions?api-version=…</c> with an
/// <c>api-key</c> header, the other at <c>/v1/chat/completions</c> with a Bearer token; a wrong key is a 401.
/// Answers are scripted in order; the last one repeats.
/// </summary>
public sealed class FakeModelServer : IAsyncDisposable
{
    public const string Deployment = "coach-gpt";
    public const string Key = "test-key-123";

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ModelAnswer> _script = new();
    private readonly ConcurrentQueue<ModelRequest> _requests = new();
    private readonly CancellationTokenSource _stopping = new();
    private ModelAnswer _last = ModelAnswer.ServerError;

    private FakeModelServer(WebApplication app) => _app = app;

    public string BaseUrl { get; private set; } = "";

    public IReadOnlyList<ModelRequest> Requests => _requests.ToList();

    public static async Task<FakeModelServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder(SettingsFiles.ReadOnceWith([])); // no watch on the working folder
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeModelServer(app);
        app.MapPost("/openai/deployments/{deployment}/chat/completions", (HttpContext http, string deployment) => fake.AzureAsync(http, deployment));
        app.MapPost("/v1/chat/completions", fake.CompatibleAsync);
        await app.StartAsync();
        fake.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        return fake;
    }

    public FakeModelServer Answer(params ModelAnswer[] answers)
    {
        foreach (var a in answers) _script.Enqueue(a);
        return this;
    }

    /// <summary>Settings for CoachTestHost / BotHost: this server as the configured provider.</summary>
    public Dictionary<string, string?> Settings(string provider = "azure-openai", string timeout = "00:00:05") => new()
    {
        ["Ai:Provider"] = provider,
        ["Ai:Endpoint"] = provider == "azure-openai" ? BaseUrl + "/" : BaseUrl + "/v1",
        ["Ai:Deployment"] = Deployment,
        ["Ai:ApiKey"] = Key,
        ["Ai:Timeout"] = timeout,
    };

    private Task AzureAsync(HttpContext http, string deployment)
    {
        if (http.Request.Headers["api-key"] != Key) return Status(http, 401);
        if (deployment != Deployment) return Status(http, 404);
        if (string.IsNullOrEmpty(http.Request.Query["api-version"])) return Status(http, 400);
        return AnswerAsync(http);
    }

    private Task CompatibleAsync(HttpContext http) =>
        http.Request.Headers.Authorization != $"Bearer {Key}" ? Status(http, 401) : AnswerAsync(http);

    private async Task AnswerAsync(HttpContext http)
    {
        var body = (await JsonNode.ParseAsync(http.Request.Body))!.AsObject();
        _requests.Enqueue(new ModelRequest(http.Request.Path, http.Request.Query["api-version"], http.Request.Headers["api-key"],
            http.Request.Headers.Authorization, body));
        if (_script.TryDequeue(out var next)) _last = next;
        var answer = _last;
        if (answer.Hang)
        {
            // Never answers: the client's own timeout must end the call; the server only lets go when it stops.
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, _stopping.Token);
            try { await Task.Delay(Timeout.Infinite, linked.Token); } catch (OperationCanceledException) { }
            return;
        }
        if (answer.Status != 200)
        {
            http.Response.StatusCode = answer.Status;
            if (answer.Status == 429) http.Response.Headers.RetryAfter = "1";
            await http.Response.WriteAsJsonAsync(new { error = new { code = answer.Status.ToString(), message = "scripted failure" } });
            return;
        }
        await http.Response.WriteAsJsonAsync(new
        {
            id = "chatcmpl-fake",
            @object = "chat.completion",
            created = 1764547200,
            model = body["model"]?.ToString() ?? Deployment,
            choices = new[] { new { index = 0, message = new { role = "assistant", content = answer.Content }, finish_reason = "stop" } },
            usage = new { prompt_tokens = 100, completion_tokens = 20, total_tokens = 120 },
        });
    }

    private static Task Status(HttpContext http, int status)
    {
        http.Response.StatusCode = status;
        return Task.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        if (_stopping.IsCancellationRequested) return;
        _stopping.Cancel();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
