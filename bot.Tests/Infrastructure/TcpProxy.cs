using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace AccountCoachBot.Tests.Infrastructure;

/// <summary>
/// A loopback TCP proxy in front of a server (PostgreSQL) that a test can cut and restore: cut, every open connection
/// is dropped and new ones are closed as soon as they arrive, as when the database host goes away; restored, it
/// forwards again.
/// </summary>
public sealed class TcpProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<TcpClient, TcpClient> _open = new();
    private readonly string _targetHost;
    private readonly int _targetPort;
    private readonly Task _accepting;
    private volatile bool _cut;

    public TcpProxy(string targetHost, int targetPort)
    {
        _targetHost = targetHost;
        _targetPort = targetPort;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public void Cut()
    {
        _cut = true;
        foreach (var (client, server) in _open)
            Drop(client, server);
    }

    public void Restore() => _cut = false;

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }
            _ = ForwardAsync(client);
        }
    }

    private async Task ForwardAsync(TcpClient client)
    {
        var server = new TcpClient();
        try
        {
            if (_cut) return;
            await server.ConnectAsync(_targetHost, _targetPort, _stop.Token);
            _open[client] = server;
            if (_cut) return; // cut while connecting
            var up = client.GetStream().CopyToAsync(server.GetStream(), _stop.Token);
            var down = server.GetStream().CopyToAsync(client.GetStream(), _stop.Token);
            await Task.WhenAny(up, down);
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // a dropped connection: what the test is about
        }
        finally
        {
            Drop(client, server);
        }
    }

    private void Drop(TcpClient client, TcpClient server)
    {
        _open.TryRemove(client, out _);
        client.Dispose();
        server.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        Cut();
        await _accepting;
        _stop.Dispose();
    }
}
