using System.Net;

namespace AccountCoachBot.Tests.Infrastructure;

/// <summary>Fails any HTTP call to a non-loopback address at once, so no test can reach the internet or hang on it.</summary>
public sealed class LoopbackOnlyHandler : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var uri = request.RequestUri!;
        var loopback = uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
        if (!loopback)
            throw new InvalidOperationException($"Test tried to reach a non-loopback address: {uri.Scheme}://{uri.Host}");
        return base.SendAsync(request, cancellationToken);
    }
}
