using System.ComponentModel;
using System.Diagnostics;
using System.Net.Http.Json;
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
public sealed class NodePeer : IAsyncDisposable
{
    /// <summary>How long <see cref="StartAsync"/> waits for the <c>{"port":n}</c> line.</summary>
    public static TimeSpan StartTimeout { get; set; } = TimeSpan.FromSeconds(20);

    private static readonly Lazy<string> PeersDirectoryLazy = new(FindPeersDirectory);
    private static readonly string[] RequiredPackages = ["botbuilder", "botframework-connector", "adaptivecards", "@slack/bolt", "@slack/types", "typescript", "playwright-core"];

    // Loopback only: never go through a proxy from the environment. The timeout only stops a dead peer from
    // blocking a test; it is longer than the hang guard of a held GET /_recorded?atLeast=n.
    private static readonly HttpClient ControlClient = new(new SocketsHttpHandler { UseProxy = false })
    {
        Timeout = TimeSpan.FromSeconds(60),
    };

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

    /// <summary><c>bot.Tests/Peers</c> of the repository the tests were built from.</summary>
    public static string PeersDirectory => PeersDirectoryLazy.Value;

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

    /// <summary><c>GET /_recorded</c>: every connector call received so far (see Peers/README.md for the shape).</summary>
    public async Task<JsonArray> RecordedAsync(CancellationToken cancellationToken = default)
    {
        using var response = await ControlClient.GetAsync(new Uri(BaseUri, "_recorded"), cancellationToken);
        await EnsureControlSuccess(response, "GET /_recorded");
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        return JsonNode.Parse(text)?.AsArray() ?? throw new InvalidOperationException("/_recorded returned null");
    }

    /// <summary>
    /// Waits until at least <paramref name="count"/> connector calls are recorded (for asynchronous senders): the peer
    /// holds <c>GET /_recorded?atLeast=n</c> open until they have arrived. <paramref name="timeout"/> (default
    /// <see cref="HangGuard.Limit"/>) is a hang guard: past it, <see cref="TimeoutException"/> with what was recorded.
    /// </summary>
    public async Task<JsonArray> WaitForRecordedAsync(int count, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        var limit = timeout ?? HangGuard.Limit;
        using var guard = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        guard.CancelAfter(limit);
        try
        {
            using var response = await ControlClient.GetAsync(new Uri(BaseUri, $"_recorded?atLeast={count}"), guard.Token);
            await EnsureControlSuccess(response, "GET /_recorded?atLeast");
            var text = await response.Content.ReadAsStringAsync(guard.Token);
            return JsonNode.Parse(text)?.AsArray() ?? throw new InvalidOperationException("/_recorded returned null");
        }
        catch (OperationCanceledException) when (guard.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            var recorded = await RecordedAsync(cancellationToken);
            throw new TimeoutException(
                $"Hang guard: expected at least {count} recorded connector call(s) within {limit.TotalSeconds:0} s, got {recorded.Count}: {recorded.ToJsonString()}");
        }
    }

    /// <summary><c>POST /_reset</c>: clears recorded calls, the script queue, id counters and rosters.</summary>
    public async Task ResetAsync(CancellationToken cancellationToken = default)
    {
        using var response = await ControlClient.PostAsync(new Uri(BaseUri, "_reset"), null, cancellationToken);
        await EnsureControlSuccess(response, "POST /_reset");
    }

    /// <summary>
    /// <c>POST /_script</c>: queues canned responses for the next connector calls (FIFO, one per call; then normal
    /// behaviour resumes). Pass an array / <see cref="JsonArray"/> of responses (e.g. from <see cref="ConnectorResponses"/>)
    /// or an object <c>{ responses = [...] }</c>. Each response: <c>{status, headers?, body?, delayMs?}</c>.
    /// Successive calls append to the queue.
    /// </summary>
    public async Task ScriptAsync(object responses, CancellationToken cancellationToken = default)
    {
        var node = responses as JsonNode ?? JsonSerializer.SerializeToNode(responses, responses.GetType(), ConnectorResponses.JsonOptions);
        if (node is JsonArray)
        {
            node = new JsonObject { ["responses"] = node };
        }

        using var content = new StringContent(node!.ToJsonString(), Encoding.UTF8, "application/json");
        using var response = await ControlClient.PostAsync(new Uri(BaseUri, "_script"), content, cancellationToken);
        await EnsureControlSuccess(response, "POST /_script");
    }

    /// <summary><c>POST /_members</c>: sets the roster returned by GET .../members and .../pagedmembers.</summary>
    public async Task SetMembersAsync(string conversationId, IEnumerable<object> members, CancellationToken cancellationToken = default)
    {
        using var response = await ControlClient.PostAsJsonAsync(
            new Uri(BaseUri, "_members"), new { conversationId, members }, ConnectorResponses.JsonOptions, cancellationToken);
        await EnsureControlSuccess(response, "POST /_members");
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

    private static ProcessStartInfo CreateStartInfo(string script, string[] args)
    {
        var peers = PeersDirectory;
        var missing = RequiredPackages.Where(p => !File.Exists(Path.Combine(peers, "node_modules", p, "package.json"))).ToList();
        if (missing.Count > 0)
        {
            throw new NodePeerUnavailableException(
                $"Test peers are not installed: {string.Join(", ", missing)} missing under {Path.Combine(peers, "node_modules")}. " +
                "Fix: run `npm ci --prefix bot.Tests/Peers` from the repository root (needs Node.js 20+ and npm; " +
                "`dotnet build` of the test project runs it automatically when node is on PATH).");
        }

        if (!File.Exists(Path.Combine(peers, script)))
        {
            throw new NodePeerStartException($"No peer script '{script}' in {peers}.");
        }

        var psi = new ProcessStartInfo("node")
        {
            WorkingDirectory = peers,
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            CreateNoWindow = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            StandardInputEncoding = new UTF8Encoding(false),
        };
        psi.ArgumentList.Add(script);
        foreach (var arg in args)
        {
            psi.ArgumentList.Add(arg);
        }

        // Keep proxies out of loopback traffic made by the peers themselves.
        psi.Environment["NO_PROXY"] = "127.0.0.1,localhost";
        psi.Environment["no_proxy"] = "127.0.0.1,localhost";
        return psi;
    }

    private static void StartOrExplain(Process process, string script)
    {
        try
        {
            process.Start();
        }
        catch (Win32Exception ex)
        {
            throw new NodePeerUnavailableException(
                $"Cannot run 'node' to start test peer {script}: {ex.Message}. Install Node.js 20+ and npm " +
                "(Debian: `apt-get install -y nodejs npm`), put `node` on PATH, then run `npm ci --prefix bot.Tests/Peers`.",
                ex);
        }
    }

    private static string FindPeersDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AccountCoachBot.sln")))
            {
                var peers = Path.Combine(dir.FullName, "bot.Tests", "Peers");
                if (!Directory.Exists(peers))
                {
                    throw new NodePeerUnavailableException($"Found {dir.FullName}/AccountCoachBot.sln but no bot.Tests/Peers beside it.");
                }

                return peers;
            }
        }

        throw new NodePeerUnavailableException(
            $"Could not find AccountCoachBot.sln in any parent of {AppContext.BaseDirectory}; the peers live in bot.Tests/Peers of the repository.");
    }

    private static async Task EnsureControlSuccess(HttpResponseMessage response, string what)
    {
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync();
            throw new InvalidOperationException($"{what} on the peer failed: {(int)response.StatusCode} {body}");
        }
    }

    private static async Task DrainAsync(StreamReader reader)
    {
        try
        {
            var buffer = new char[4096];
            while (await reader.ReadAsync(buffer) > 0)
            {
            }
        }
        catch (Exception)
        {
            // Process gone.
        }
    }

    private static async Task WaitForExitQuietly(Process process, TimeSpan timeout)
    {
        try
        {
            using var cts = new CancellationTokenSource(timeout);
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
        }
        catch (InvalidOperationException)
        {
        }
    }

    private static void KillQuietly(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
        }
        catch (Win32Exception)
        {
        }
    }

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

/// <summary>node or the npm packages are missing: fix the machine (see the message), never skip.</summary>
public sealed class NodePeerUnavailableException : Exception
{
    public NodePeerUnavailableException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}

/// <summary>The peer started but did not come up (see the message for its stderr).</summary>
public sealed class NodePeerStartException : Exception
{
    public NodePeerStartException(string message)
        : base(message)
    {
    }
}
