using AccountCoachBot.Tests.TestSupport;

namespace AccountCoachBot.Tests.Channels.Playground;

/// <summary>
/// A test that drives Debian's <c>chromium</c> (never a downloaded browser; <c>CHROMIUM_PATH</c> points elsewhere).
/// Mandatory in CI, where <c>.ci/run</c> installs it: a missing browser fails there. Elsewhere it skips, saying how to
/// install it.
/// </summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public static string ExecutablePath =>
        Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public ChromiumFactAttribute()
    {
        if (!File.Exists(ExecutablePath) && !RepoLocator.IsCi)
            Skip = $"No chromium at {ExecutablePath}: install Debian's (`apt-get install chromium`) or set CHROMIUM_PATH to run the browser test. CI always runs it.";
    }
}
