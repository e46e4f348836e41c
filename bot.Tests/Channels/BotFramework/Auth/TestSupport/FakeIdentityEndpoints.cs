using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace AccountCoachBot.Tests.Channels.BotFramework.Auth.TestSupport;

/// <summary>
/// Serves the Bot Framework and Entra OpenID metadata, their key sets and the token endpoints from memory. Plugged in as
/// the primary handler of the named HttpClients, so nothing ever leaves the process; unknown URLs get 404 and are recorded.
/// </summary>
internal sealed class FakeIdentityEndpoints : HttpMessageHandler
{
    public const string ChannelMetadataUrl = "https://login.botframework.com/v1/.well-known/openidconfiguration";
    public const string ChannelJwksUrl = "https://login.botframework.com/v1/.well-known/keys";
    public const string EntraMetadataUrl = "https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration";
    public const string EntraJwksUrl = "https://login.microsoftonline.com/common/discovery/v2.0/keys";
    public const string EntraKeyIssuerTemplate = "https://login.microsoftonline.com/{tenantid}/v2.0";

    private readonly object _gate = new();
    private readonly List<JsonObject> _channelKeys = [];
    private readonly List<JsonObject> _entraKeys = [];
    private int _tokensIssued;

    public FakeIdentityEndpoints()
    {
        _channelKeys.Add(TestKeys.Channel.ToJwk(["msteams", "webchat"]));
        _channelKeys.Add(TestKeys.ChannelWithoutEndorsements.ToJwk());
        _entraKeys.Add(TestKeys.Entra.ToJwk(issuer: EntraKeyIssuerTemplate));
        _entraKeys.Add(TestKeys.EntraOtherTenantOnly.ToJwk(issuer: "https://login.microsoftonline.com/9188040d-6c67-4c5b-b112-36a304b66dad/v2.0"));
    }

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    /// <summary>When set, answers every request instead of the normal routes (failures, hangs, custom documents).</summary>
    public Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>>? Behavior { get; set; }

    /// <summary>Overrides the channel metadata document's jwks_uri.</summary>
    public string ChannelJwksUri { get; set; } = ChannelJwksUrl;

    /// <summary>Status and body returned by the OAuth token endpoints (default: a fresh bearer token).</summary>
    public Func<int, (HttpStatusCode Status, string Body)>? TokenResponse { get; set; }

    public void PublishChannelKey(JsonObject jwk)
    {
        lock (_gate)
            _channelKeys.Add(jwk);
    }

    /// <summary>The channel's key set from now on holds only this key (the others rotated out).</summary>
    public void ReplaceChannelKeys(JsonObject jwk)
    {
        lock (_gate)
        {
            _channelKeys.Clear();
            _channelKeys.Add(jwk);
        }
    }

    public int Count(string url) =>
        Requests.Count(r => string.Equals(r.Uri.GetLeftPart(UriPartial.Path), url, StringComparison.OrdinalIgnoreCase));

    public int MetadataRequests => Requests.Count(r => r.Uri.AbsolutePath.Contains("well-known", StringComparison.Ordinal) || r.Uri.AbsolutePath.Contains("/keys", StringComparison.Ordinal));

    public IReadOnlyList<RecordedRequest> TokenRequests => Requests.Where(r => r.Uri.AbsolutePath.Contains("/token", StringComparison.Ordinal)).ToList();

    public void FailWith(Exception exception) => Behavior = (_, _) => Task.FromException<HttpResponseMessage>(exception);

    public void RespondWith(HttpStatusCode status) => Behavior = (_, _) => Task.FromResult(new HttpResponseMessage(status));

    /// <summary>
    /// From now on every request hangs until its caller cancels it (a caller's token, or the client's timeout).
    /// The returned probe says when a request arrived and when a hanging request was cancelled.
    /// </summary>
    public HangingRequests Hang()
    {
        var hang = new HangingRequests();
        Behavior = async (_, ct) =>
        {
            hang.OnArrived();
            try
            {
                await new TaskCompletionSource().Task.WaitAsync(ct); // never completes: only cancellation ends it
            }
            catch (OperationCanceledException)
            {
                hang.OnCancelled();
                throw;
            }

            throw new InvalidOperationException("unreachable");
        };
        return hang;
    }

    public void Heal() => Behavior = null;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        string? body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        Requests.Enqueue(new RecordedRequest(request.Method, request.RequestUri!, body));

        if (Behavior is { } behavior)
            return await behavior(request, cancellationToken);

        string url = request.RequestUri!.GetLeftPart(UriPartial.Path);
        lock (_gate)
        {
            switch (url)
            {
                case ChannelMetadataUrl:
                    return Json(new JsonObject
                    {
                        ["issuer"] = "https://api.botframework.com",
                        ["authorization_endpoint"] = "https://invalid.botframework.com",
                        ["jwks_uri"] = ChannelJwksUri,
                        ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
                        ["token_endpoint_auth_methods_supported"] = new JsonArray("private_key_jwt"),
                    });
                case ChannelJwksUrl:
                    return Json(KeySet(_channelKeys));
                case EntraMetadataUrl:
                    return Json(new JsonObject
                    {
                        ["issuer"] = EntraKeyIssuerTemplate,
                        ["token_endpoint"] = "https://login.microsoftonline.com/common/oauth2/v2.0/token",
                        ["jwks_uri"] = EntraJwksUrl,
                        ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
                    });
                case EntraJwksUrl:
                    return Json(KeySet(_entraKeys));
            }
        }

        if (request.RequestUri!.AbsolutePath.EndsWith("/oauth2/v2.0/token", StringComparison.Ordinal) && request.Method == HttpMethod.Post)
        {
            int n = Interlocked.Increment(ref _tokensIssued);
            (HttpStatusCode status, string responseBody) = TokenResponse?.Invoke(n)
                ?? (HttpStatusCode.OK, $$"""{"token_type":"Bearer","expires_in":3600,"ext_expires_in":3600,"access_token":"access-token-{{n}}"}""");
            return new HttpResponseMessage(status) { Content = new StringContent(responseBody, Encoding.UTF8, "application/json") };
        }

        if (request.RequestUri!.AbsolutePath.EndsWith("/oauth2/token", StringComparison.Ordinal) && request.Method == HttpMethod.Get)
        {
            // Managed identity (IMDS / App Service) shape.
            int n = Interlocked.Increment(ref _tokensIssued);
            long expiresOn = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds();
            string responseBody = $$"""{"access_token":"msi-token-{{n}}","expires_in":"3600","expires_on":"{{expiresOn}}","resource":"https://api.botframework.com","token_type":"Bearer"}""";
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(responseBody, Encoding.UTF8, "application/json") };
        }

        return new HttpResponseMessage(HttpStatusCode.NotFound);
    }

    private static JsonObject KeySet(IEnumerable<JsonObject> keys) =>
        new() { ["keys"] = new JsonArray(keys.Select(k => (JsonNode)k.DeepClone()).ToArray()) };

    private static HttpResponseMessage Json(JsonNode node) =>
        new(HttpStatusCode.OK) { Content = new StringContent(node.ToJsonString(), Encoding.UTF8, "application/json") };

    public sealed record RecordedRequest(HttpMethod Method, Uri Uri, string? Body)
    {
        /// <summary>The form fields of an <c>application/x-www-form-urlencoded</c> body.</summary>
        public IReadOnlyDictionary<string, string> Form()
        {
            var form = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (string pair in (Body ?? string.Empty).Split('&', StringSplitOptions.RemoveEmptyEntries))
            {
                string[] parts = pair.Split('=', 2);
                form[Decode(parts[0])] = parts.Length > 1 ? Decode(parts[1]) : string.Empty;
            }

            return form;

            static string Decode(string s) => Uri.UnescapeDataString(s.Replace('+', ' '));
        }
    }
}

/// <summary>What a hanging <see cref="FakeIdentityEndpoints"/> saw, as signals a test can await.</summary>
internal sealed class HangingRequests
{
    private readonly TaskCompletionSource _arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _cancelled = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the first request reaches the endpoint.</summary>
    public Task Arrived => _arrived.Task;

    /// <summary>Completes when a hanging request's cancellation token fires (its caller gave up on it).</summary>
    public Task Cancelled => _cancelled.Task;

    internal void OnArrived() => _arrived.TrySetResult();

    internal void OnCancelled() => _cancelled.TrySetResult();
}
