using System.Text.Json;
using Microsoft.Extensions.Options;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;

namespace AccountCoachBot.Features.Calendar;

/// <summary>The token endpoint refused the bot's app or couldn't be reached. Its message never holds the secret.</summary>
public sealed class GraphTokenException(string message) : Exception(message);

/// <summary>
/// The bot's own Graph token (OAuth client credentials), posted for at the configured token endpoint and kept until
/// five minutes before it expires. A plain form post rather than MSAL: MSAL insists on an https authority, and this is
/// all the flow is.
/// </summary>
public sealed class GraphToken(IHttpClientFactory http, IOptions<GraphCalendarOptions> options, TimeProvider time) : IAuthenticationProvider
{
    public const string ClientName = "calendar-graph-token";
    private static readonly TimeSpan Early = TimeSpan.FromMinutes(5);
    private readonly SemaphoreSlim _lock = new(1, 1);
    private string? _token;
    private DateTimeOffset _until;

    public async Task AuthenticateRequestAsync(RequestInformation request, Dictionary<string, object>? additionalAuthenticationContext = null,
        CancellationToken cancellationToken = default)
    {
        request.Headers.TryAdd("Authorization", "Bearer " + await GetAsync(cancellationToken));
    }

    public async Task<string> GetAsync(CancellationToken ct)
    {
        await _lock.WaitAsync(ct);
        try
        {
            if (_token is not null && time.GetUtcNow() < _until) return _token;
            var o = options.Value;
            using var form = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials",
                ["client_id"] = o.ClientId!.Trim(),
                ["client_secret"] = o.ClientSecret!,
                ["scope"] = o.Scope,
            });
            using var response = await http.CreateClient(ClientName).PostAsync(o.TokenEndpoint, form, ct);
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
            if (!response.IsSuccessStatusCode || !body.RootElement.TryGetProperty("access_token", out var token) || token.GetString() is not { Length: > 0 } value)
            {
                var error = body.RootElement.TryGetProperty("error", out var e) ? e.GetString() : null;
                throw new GraphTokenException($"The token endpoint answered {(int)response.StatusCode} {error}");
            }
            var seconds = body.RootElement.TryGetProperty("expires_in", out var expires) && expires.TryGetInt32(out var s) ? s : 3600;
            _token = value;
            _until = time.GetUtcNow() + TimeSpan.FromSeconds(seconds) - Early;
            return value;
        }
        catch (JsonException)
        {
            throw new GraphTokenException("The token endpoint answered something other than JSON");
        }
        finally
        {
            _lock.Release();
        }
    }
}
