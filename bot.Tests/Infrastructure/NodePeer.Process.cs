using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace AccountCoachBot.Tests.Infrastructure;

/// <summary>The node process: finding <c>bot.Tests/Peers</c> and its modules, starting node (or saying what is missing), draining, waiting and killing.</summary>
public sealed partial class NodePeer
{
    private static readonly Lazy<string> PeersDirectoryLazy = new(FindPeersDirectory);
    private static readonly string[] RequiredPackages = ["botbuilder", "botframework-connector", "adaptivecards", "@slack/bolt", "@slack/types", "typescript", "playwright-core"];

    /// <summary><c>bot.Tests/Peers</c> of the repository the tests were built from.</summary>
    public static string PeersDirectory => PeersDirectoryLazy.Value;

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
}

/// <summary>node or the npm packages are missing: fix the machine (see the message), never skip.</summary>
public sealed class NodePeerUnavailableException : Exception
{
    public NodePeerUnavailableException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}
