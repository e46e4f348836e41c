using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AccountCoachBot.Tests.Infrastructure;

/// <summary>
/// A Node.js test peer from <c>bot.Tests/Peers</c> (built on Microsoft's Bot Framework JS packages),
/// running on loopback for the lifetime of a test.
/// </summary>
/// <remarks>
/// <para>Long-running peers (e.g. <c>connector-peer.js</c>) print <c>{"port":n}</c> as their first stdout line;
/// <see cref="StartAsync"/> waits for it. Their stdin is a pipe held by this process: when the test host
/// dies the pipe closes and the peer exits on its own.</para>
/// <para>Missing prerequisites (node, <c>bot.Tests/Peers/node_modules</c>) throw
/// <see cref="NodePeerUnavailableException"/>: tests fail, they never skip.</para>
/// </remarks>
public sealed partial class NodePeer : IAsyncDisposable
{
    /// <summary>How long <see cref="StartAsync"/> waits for the <c>{"port":n}</c> line.</summary>
    public static TimeSpan StartTimeout { get; set; } = TimeSpan.FromSeconds(20);

    private readonly Process _process;
    private readonly StringBuilder _stderr;
    private int _disposed;

    private NodePeer(Process process, StringBuilder stderr, string script, int port)
    {
        _process = process;
        _stderr = stderr;
        Script = script;
        Port = port;
        BaseUrl = $"http://127.0.0.1:{port}/";
        BaseUri = new Uri(BaseUrl);
    }

    public string Script { get; }

    public int Port { get; }

    /// <summary><c>http://127.0.0.1:{port}/</c> (with trailing slash; use it as a Bot Framework serviceUrl).</summary>
    public string BaseUrl { get; }

    public Uri BaseUri { get; }

    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>The exit code, once the process has exited (0: the peer shut itself down).</summary>
    public int ExitCode => _process.ExitCode;

    /// <summary>Closes the peer's stdin, as the death of the test host would; a long-running peer then exits on its own.</summary>
    public void CloseStandardInput() => _process.StandardInput.Close();

    /// <summary>Completes when the process has exited.</summary>
    public Task WaitForExitAsync(CancellationToken cancellationToken = default) => _process.WaitForExitAsync(cancellationToken);

    /// <summary>Everything the peer has written to stderr so far (its log).</summary>
    public string StandardError
    {
        get
        {
            lock (_stderr)
            {
                return _stderr.ToString();
            }
        }
    }

    /// <summary>Starts <c>node &lt;script&gt; args...</c> in <see cref="PeersDirectory"/> and waits for its port line.</summary>
    public static async Task<NodePeer> StartAsync(string script, params string[] args)
    {
        var psi = CreateStartInfo(script, args);
        var stderr = new StringBuilder();
        var process = new Process { StartInfo = psi, EnableRaisingEvents = true };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            lock (stderr)
            {
                stderr.AppendLine(e.Data);
            }
        };

        StartOrExplain(process, script);
        process.BeginErrorReadLine();

        var sw = Stopwatch.StartNew();
        var readLine = process.StandardOutput.ReadLineAsync();
        if (await Task.WhenAny(readLine, Task.Delay(StartTimeout)) != readLine)
        {
            KillQuietly(process);
            throw new NodePeerStartException(
                $"{script} printed no {{\"port\":n}} line within {StartTimeout.TotalSeconds:0} s.{Describe(process, stderr)}");
        }

        var line = await readLine;

        int port;
        try
        {
            if (line is null)
            {
                throw new FormatException("stdout closed before the port line");
            }

            port = JsonNode.Parse(line)?["port"]?.GetValue<int>() ?? throw new FormatException("no \"port\" property");
        }
        catch (Exception ex) when (ex is FormatException or JsonException or InvalidOperationException)
        {
            // Give the process a moment to finish writing stderr (e.g. a require() stack trace).
            await WaitForExitQuietly(process, TimeSpan.FromSeconds(2));
            KillQuietly(process);
            throw new NodePeerStartException(
                $"{script} did not start: expected a first stdout line {{\"port\":n}}, got {(line is null ? "end of stream" : $"'{line}'")} ({ex.Message}).{Describe(process, stderr)}");
        }

        // Keep draining stdout so a chatty peer never blocks on a full pipe.
        _ = DrainAsync(process.StandardOutput);
        var peer = new NodePeer(process, stderr, script, port);
        StartupTimes.Add(sw.Elapsed);
        return peer;
    }

    /// <summary>Start-up durations of all peers started in this test run (for diagnostics).</summary>
    public static System.Collections.Concurrent.ConcurrentBag<TimeSpan> StartupTimes { get; } = new();

    /// <summary>
    /// Runs a one-shot script (<c>node &lt;script&gt; args...</c>) to completion, feeding <paramref name="stdin"/>.
    /// </summary>
    public static async Task<NodeRunResult> RunAsync(string script, string? stdin, TimeSpan? timeout = null, params string[] args)
    {
        var psi = CreateStartInfo(script, args);
        using var process = new Process { StartInfo = psi };
        StartOrExplain(process, script);

        var stdoutTask = process.StandardOutput.ReadToEndAsync();
        var stderrTask = process.StandardError.ReadToEndAsync();
        try
        {
            if (stdin is not null)
            {
                await process.StandardInput.WriteAsync(stdin);
            }

            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // The script exited before reading its input; its stderr tells why.
        }

        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            KillQuietly(process);
            throw new TimeoutException(
                $"node {script} did not finish within {(timeout ?? TimeSpan.FromSeconds(60)).TotalSeconds:0} s.");
        }

        return new NodeRunResult(process.ExitCode, await stdoutTask, await stderrTask);
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        try
        {
            if (!_process.HasExited)
            {
                // Closing stdin asks the peer to exit; kill the tree if it does not within 2 s.
                try
                {
                    _process.StandardInput.Close();
                }
                catch (IOException)
                {
                }

                await WaitForExitQuietly(_process, TimeSpan.FromSeconds(2));
            }
        }
        finally
        {
            KillQuietly(_process);
            _process.Dispose();
        }
    }

    public override string ToString() => $"node {Script} on {BaseUrl}";

    private static string Describe(Process process, StringBuilder stderr)
    {
        string text;
        lock (stderr)
        {
            text = stderr.ToString().Trim();
        }

        var exit = process.HasExited ? $" Exit code {process.ExitCode}." : string.Empty;
        return $"{exit} stderr:{(text.Length == 0 ? " (empty)" : Environment.NewLine + text)}";
    }
}

/// <summary>Result of <see cref="NodePeer.RunAsync"/>.</summary>
public sealed record NodeRunResult(int ExitCode, string StandardOutput, string StandardError);

/// <summary>The peer started but did not come up (see the message for its stderr).</summary>
public sealed class NodePeerStartException : Exception
{
    public NodePeerStartException(string message)
        : base(message)
    {
    }
}
