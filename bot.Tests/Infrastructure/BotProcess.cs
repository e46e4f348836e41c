using System.Diagnostics;
using System.Text;

namespace AccountCoachBot.Tests.Infrastructure;

/// <summary>
/// The built bot (<c>AccountCoachBot.dll</c> beside the tests) as an OS process of its own, configured by environment
/// variables, for what only a real process shows: being killed with SIGKILL mid-work. Its output is kept for failures.
/// </summary>
public sealed class BotProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _log = new();

    private BotProcess(Process process, string name)
    {
        _process = process;
        Name = name;
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string Name { get; }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>Its resident memory now, as the OS counts it (the working set).</summary>
    public long ResidentBytes
    {
        get
        {
            _process.Refresh();
            return _process.WorkingSet64;
        }
    }

    /// <summary>Whether the process printed <paramref name="text"/> at any time so far.</summary>
    public bool Printed(string text)
    {
        lock (_log) return _log.ToString().Contains(text, StringComparison.Ordinal);
    }

    /// <summary>What the process printed so far (the last 4,000 characters).</summary>
    public string Log
    {
        get
        {
            lock (_log) return _log.Length <= 4000 ? _log.ToString() : _log.ToString(_log.Length - 4000, 4000);
        }
    }

    /// <summary>
    /// The environment of a bot process answering Slack at <paramref name="slack"/>, on the database
    /// <paramref name="connectionString"/> (PostgreSQL when <paramref name="postgres"/>), Hangfire's server off, and
    /// its "Now listening" line logged for <see cref="ListeningAtAsync"/>.
    /// </summary>
    public static Dictionary<string, string> SlackEnvironment(FakeSlackApi slack, string token, string secret, string connectionString, bool postgres = false)
    {
        var environment = new Dictionary<string, string>
        {
            ["ConnectionStrings__Coach"] = connectionString,
            ["Slack__BotToken"] = token,
            ["Slack__SigningSecret"] = secret,
            ["Slack__ApiBaseUrl"] = slack.BaseUrl,
            ["Scheduling__RunServer"] = "false",
            ["Scheduling__DispatchEvery"] = "00:00:00", // nothing sends nudges unless a test asks (the dispatch trials do)
            ["Logging__LogLevel__Default"] = "Warning",
            ["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information",
        };
        if (postgres) environment["Database__Provider"] = "postgres";
        return environment;
    }

    public static BotProcess Start(string name, string workingDirectory, IReadOnlyDictionary<string, string> environment)
    {
        var psi = StartInfo(workingDirectory, [], environment);
        var process = Process.Start(psi) ?? throw new InvalidOperationException("dotnet did not start");
        process.StandardInput.Close();
        return new BotProcess(process, name);
    }

    /// <summary>
    /// The address it listens on (it was given port 0), from ASP.NET Core's "Now listening on" line; the process must
    /// log <c>Microsoft.Hosting.Lifetime</c> at Information.
    /// </summary>
    public async Task<Uri> ListeningAtAsync()
    {
        using var guard = new CancellationTokenSource(HangGuard.Limit);
        while (true)
        {
            var match = System.Text.RegularExpressions.Regex.Match(Log, "Now listening on: (http://127\\.0\\.0\\.1:[0-9]+)");
            if (match.Success) return new Uri(match.Groups[1].Value + "/");
            Assert.False(HasExited, $"The {Name} exited before it listened:\n{Log}");
            await Task.Delay(TimeSpan.FromMilliseconds(50), guard.Token); // another process: its output is all there is to watch
        }
    }

    /// <summary>SIGKILL: no shutdown, no finally blocks, claims and connections left as they were.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_log) _log.AppendLine(line);
    }

    /// <summary>`dotnet AccountCoachBot.dll args…` as built beside the tests, on a free loopback port, output captured.</summary>
    internal static ProcessStartInfo StartInfo(string workingDirectory, IEnumerable<string> args, IReadOnlyDictionary<string, string> environment)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "AccountCoachBot.dll");
        Assert.True(File.Exists(dll), $"The bot's build output is missing: {dll}");
        var psi = new ProcessStartInfo(DotnetHost())
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            WorkingDirectory = workingDirectory,
        };
        psi.ArgumentList.Add(dll);
        foreach (var arg in args) psi.ArgumentList.Add(arg);
        psi.Environment["Urls"] = "http://127.0.0.1:0";
        foreach (var (key, value) in environment) psi.Environment[key] = value;
        return psi;
    }

    // The dotnet host running these tests, so the child uses the same runtime.
    private static string DotnetHost()
    {
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } hostPath && File.Exists(hostPath)) return hostPath;
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet") return Environment.ProcessPath!;
        var root = Environment.GetEnvironmentVariable("DOTNET_ROOT");
        var candidate = root is null ? null : Path.Combine(root, OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet");
        return candidate is not null && File.Exists(candidate) ? candidate : "dotnet";
    }
}
