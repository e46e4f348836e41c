namespace AccountCoachBot.Tests.Infrastructure;

/// <summary>
/// xUnit fixture sharing one anonymous <c>connector-peer.js</c> across a test class
/// (<c>IClassFixture&lt;ConnectorPeerFixture&gt;</c>); call <c>Peer.ResetAsync()</c> at the start of each test.
/// </summary>
public sealed class ConnectorPeerFixture : IAsyncLifetime
{
    private NodePeer? _peer;

    public NodePeer Peer => _peer ?? throw new InvalidOperationException("ConnectorPeerFixture not initialized.");

    public async Task InitializeAsync() => _peer = await NodePeer.StartAsync("connector-peer.js");

    public async Task DisposeAsync()
    {
        if (_peer is not null)
        {
            await _peer.DisposeAsync();
        }
    }
}
