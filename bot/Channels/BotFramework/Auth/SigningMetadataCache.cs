using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace AccountCoachBot.Channels.BotFramework.Auth;

/// <summary>
/// Caches the signing metadata of one OpenID metadata URL.
/// </summary>
/// <remarks>
/// Why not <c>ConfigurationManager&lt;T&gt;</c>: in IdentityModel 8.x it refreshes stale metadata and honours
/// <c>RequestRefresh()</c> on a background task, so the request that saw an unknown <c>kid</c> still gets the old keys;
/// and it reads the system clock. This cache refreshes inline, on the injected <see cref="TimeProvider"/>:
/// <list type="bullet">
/// <item>fresh for <see cref="RefreshInterval"/> (12 h, within the required 24 h);</item>
/// <item>when stale, one caller refreshes while the others keep using the last known good keys; if the refresh fails
/// the old keys stay usable until <see cref="MaxAge"/> and the next attempt waits <see cref="FailureBackoff"/>;</item>
/// <item>with nothing usable, a failed download fails the request (the caller answers 401) and further requests fail
/// immediately for <see cref="FailureBackoff"/> instead of queueing behind a dead endpoint;</item>
/// <item>an unknown <c>kid</c> forces one refresh, at most once per <see cref="MinimumForcedRefreshInterval"/> (the
/// first is always allowed), so random key ids cannot make us hammer the metadata endpoint.</item>
/// </list>
/// </remarks>
internal sealed class SigningMetadataCache
{
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromHours(12);
    public static readonly TimeSpan MaxAge = TimeSpan.FromHours(48);
    public static readonly TimeSpan FailureBackoff = TimeSpan.FromSeconds(5);
    public static readonly TimeSpan MinimumForcedRefreshInterval = TimeSpan.FromMinutes(5);

    private const int MaxDocumentBytes = 1024 * 1024;

    private readonly Uri _metadataUrl;
    private readonly IHttpClientFactory _httpClientFactory;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _lock = new(1, 1);

    private volatile Entry? _current;
    private long _lastFailureTicks = DateTimeOffset.MinValue.UtcTicks; // read outside the lock: atomic via Interlocked/Volatile
    private DateTimeOffset? _lastForcedRefreshAt;

    public SigningMetadataCache(string metadataUrl, IHttpClientFactory httpClientFactory, TimeProvider time, ILogger logger)
    {
        _metadataUrl = RequireHttps(metadataUrl, "metadata URL");
        _httpClientFactory = httpClientFactory;
        _time = time;
        _logger = logger;
    }

    public string MetadataUrl => _metadataUrl.AbsoluteUri;

    /// <summary>Current metadata, downloading it when missing or stale. Throws <see cref="SigningMetadataUnavailableException"/>.</summary>
    public async Task<SigningMetadata> GetAsync(CancellationToken ct)
    {
        Entry? current = _current;
        DateTimeOffset now = _time.GetUtcNow();
        if (current is not null && now - current.FetchedAt < RefreshInterval)
            return current.Metadata;

        if (current is not null && now - current.FetchedAt < MaxAge)
        {
            // Stale but usable: never make a request wait for someone else's refresh.
            if (InFailureBackoff(now) || !_lock.Wait(0))
                return current.Metadata;

            try
            {
                return await RefreshLockedAsync(ct).ConfigureAwait(false) ?? current.Metadata;
            }
            finally
            {
                _lock.Release();
            }
        }

        if (InFailureBackoff(now))
            throw new SigningMetadataUnavailableException($"OpenID metadata from {MetadataUrl} is unavailable (recent failure).");

        await _lock.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            now = _time.GetUtcNow();
            current = _current;
            if (current is not null && now - current.FetchedAt < RefreshInterval)
                return current.Metadata;
            if (InFailureBackoff(now))
                throw new SigningMetadataUnavailableException($"OpenID metadata from {MetadataUrl} is unavailable (recent failure).");

            SigningMetadata? fetched = await RefreshLockedAsync(ct).ConfigureAwait(false);
            if (fetched is not null)
                return fetched;

            current = _current;
            if (current is not null && _time.GetUtcNow() - current.FetchedAt < MaxAge)
                return current.Metadata;

            throw new SigningMetadataUnavailableException($"OpenID metadata from {MetadataUrl} could not be downloaded.");
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>
    /// Called when a token names a key id that the cached key set lacks: refreshes once (rate limited) and returns the
    /// newest metadata, which may still lack the key.
    /// </summary>
    public async Task<SigningMetadata> RefreshForUnknownKeyAsync(string kid, CancellationToken ct)
    {
        await _lock.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            Entry? current = _current;
            if (current is not null && current.Metadata.HasKey(kid))
                return current.Metadata; // another request already refreshed

            DateTimeOffset now = _time.GetUtcNow();
            bool allowed = _lastForcedRefreshAt is null || now - _lastForcedRefreshAt.Value >= MinimumForcedRefreshInterval;
            if (allowed)
            {
                _lastForcedRefreshAt = now;
                _logger.LogInformation("Signing key id not in the cached key set of {MetadataUrl}; refreshing once.", MetadataUrl);
                SigningMetadata? fetched = await RefreshLockedAsync(ct).ConfigureAwait(false);
                if (fetched is not null)
                    return fetched;
            }

            current = _current;
            return current?.Metadata
                ?? throw new SigningMetadataUnavailableException($"OpenID metadata from {MetadataUrl} is unavailable.");
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>Downloads and stores fresh metadata; null (and a recorded failure) when the download fails. Caller holds the lock.</summary>
    private async Task<SigningMetadata?> RefreshLockedAsync(CancellationToken ct)
    {
        try
        {
            SigningMetadata metadata = await DownloadAsync(ct).ConfigureAwait(false);
            _current = new Entry(metadata, _time.GetUtcNow());
            Volatile.Write(ref _lastFailureTicks, DateTimeOffset.MinValue.UtcTicks);
            return metadata;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            Volatile.Write(ref _lastFailureTicks, _time.GetUtcNow().UtcTicks);
            // Exception type and message only: these documents are public and contain no secrets.
            _logger.LogWarning("Could not download OpenID metadata from {MetadataUrl}: {ErrorType}: {ErrorMessage}",
                MetadataUrl, ex.GetType().Name, ex.Message);
            return null;
        }
    }

    private async Task<SigningMetadata> DownloadAsync(CancellationToken ct)
    {
        HttpClient client = _httpClientFactory.CreateClient(BotFrameworkAuthConstants.MetadataHttpClientName);

        string metadataJson = await GetStringAsync(client, _metadataUrl, ct).ConfigureAwait(false);
        OpenIdConnectConfiguration configuration = OpenIdConnectConfiguration.Create(metadataJson);
        if (string.IsNullOrEmpty(configuration.JwksUri))
            throw new InvalidDataException("The OpenID metadata has no jwks_uri.");

        Uri jwksUri = RequireHttps(configuration.JwksUri, "jwks_uri");
        string jwksJson = await GetStringAsync(client, jwksUri, ct).ConfigureAwait(false);

        var keySet = new JsonWebKeySet(jwksJson);
        IList<SecurityKey> keys = keySet.GetSigningKeys();
        if (keys.Count == 0)
            throw new InvalidDataException("The key set has no usable signing keys.");

        (var endorsements, var keyIssuers) = ReadKeyProperties(jwksJson);
        return new SigningMetadata(keys.ToArray(), endorsements, keyIssuers);
    }

    private static async Task<string> GetStringAsync(HttpClient client, Uri uri, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using HttpResponseMessage response = await client
            .SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct)
            .ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
            throw new HttpRequestException($"GET {uri.AbsoluteUri} returned {(int)response.StatusCode}.", null, response.StatusCode);

        if (response.Content.Headers.ContentLength > MaxDocumentBytes)
            throw new InvalidDataException($"GET {uri.AbsoluteUri} returned more than {MaxDocumentBytes} bytes.");

        await using Stream stream = await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false);
        using var buffer = new MemoryStream();
        byte[] chunk = new byte[16 * 1024];
        int read;
        while ((read = await stream.ReadAsync(chunk, ct).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > MaxDocumentBytes)
                throw new InvalidDataException($"GET {uri.AbsoluteUri} returned more than {MaxDocumentBytes} bytes.");
            buffer.Write(chunk, 0, read);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static (IReadOnlyDictionary<string, IReadOnlyList<string>> Endorsements, IReadOnlyDictionary<string, string> Issuers)
        ReadKeyProperties(string jwksJson)
    {
        var endorsements = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var issuers = new Dictionary<string, string>(StringComparer.Ordinal);

        using JsonDocument document = JsonDocument.Parse(jwksJson);
        if (!document.RootElement.TryGetProperty("keys", out JsonElement keys) || keys.ValueKind != JsonValueKind.Array)
            return (endorsements, issuers);

        foreach (JsonElement key in keys.EnumerateArray())
        {
            if (key.ValueKind != JsonValueKind.Object
                || !key.TryGetProperty("kid", out JsonElement kidElement)
                || kidElement.ValueKind != JsonValueKind.String
                || kidElement.GetString() is not { Length: > 0 } kid)
            {
                continue;
            }

            if (key.TryGetProperty("endorsements", out JsonElement endorsementArray) && endorsementArray.ValueKind == JsonValueKind.Array)
            {
                endorsements[kid] = endorsementArray.EnumerateArray()
                    .Where(e => e.ValueKind == JsonValueKind.String)
                    .Select(e => e.GetString()!)
                    .ToArray();
            }

            if (key.TryGetProperty("issuer", out JsonElement issuer) && issuer.ValueKind == JsonValueKind.String
                && issuer.GetString() is { Length: > 0 } issuerValue)
            {
                issuers[kid] = issuerValue;
            }
        }

        return (endorsements, issuers);
    }

    private bool InFailureBackoff(DateTimeOffset now) =>
        now.UtcTicks - Volatile.Read(ref _lastFailureTicks) < FailureBackoff.Ticks;

    private static Uri RequireHttps(string url, string what)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out Uri? uri) || uri.Scheme != Uri.UriSchemeHttps)
            throw new InvalidDataException($"The {what} must be an absolute https URL.");
        return uri;
    }

    private sealed record Entry(SigningMetadata Metadata, DateTimeOffset FetchedAt);
}

/// <summary>The signing metadata could not be obtained; inbound requests fail closed (401).</summary>
internal sealed class SigningMetadataUnavailableException(string message) : Exception(message);
