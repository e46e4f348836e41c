using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace AccountCoachBot.Channels.BotFramework.Auth;

/// <summary>One <see cref="SigningMetadataCache"/> per metadata URL, shared by all requests (singleton).</summary>
internal sealed class SigningMetadataProvider
{
    private readonly ConcurrentDictionary<string, SigningMetadataCache> _caches = new(StringComparer.OrdinalIgnoreCase);
    private readonly IHttpClientFactory _httpClientFactory;
    private readonly TimeProvider _time;
    private readonly ILogger<SigningMetadataProvider> _logger;

    public SigningMetadataProvider(IHttpClientFactory httpClientFactory, TimeProvider time, ILogger<SigningMetadataProvider> logger)
    {
        _httpClientFactory = httpClientFactory;
        _time = time;
        _logger = logger;
    }

    public SigningMetadataCache For(string metadataUrl) =>
        _caches.GetOrAdd(metadataUrl, url => new SigningMetadataCache(url, _httpClientFactory, _time, _logger));
}
