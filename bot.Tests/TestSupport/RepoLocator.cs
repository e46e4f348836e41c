namespace AccountCoachBot.Tests.TestSupport;

/// <summary>
/// Finds the repository root (the folder holding AccountCoachBot.sln) and the <c>shared/</c> folder that
/// every checkout has beside it (<c>../shared</c>). Missing inputs fail the test with a clear message.
/// </summary>
public static class RepoLocator
{
    /// <summary>
    /// Overrides where <c>shared/</c> is, for checkouts that don't have it beside them (a git worktree, say).
    /// CI never needs it.
    /// </summary>
    public const string SharedDirVariable = "ACCOUNTCOACHBOT_SHARED_DIR";

    public static bool IsCi =>
        string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AccountCoachBot.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException(
            $"Could not find AccountCoachBot.sln above {AppContext.BaseDirectory}; tests must run from a build inside the repository.");
    }

    public static string SharedDir()
    {
        var overridden = Environment.GetEnvironmentVariable(SharedDirVariable);
        var dir = !string.IsNullOrWhiteSpace(overridden)
            ? Path.GetFullPath(overridden)
            : Path.GetFullPath(Path.Combine(RepoRoot(), "..", "shared"));
        if (!Directory.Exists(dir))
        {
            Assert.Fail(
                $"Required input missing: the shared folder '{dir}' does not exist. Every checkout has shared/ beside the " +
                $"repository (../shared){(IsCi ? " and CI must too" : $"; set {SharedDirVariable} if this checkout does not")}.");
        }
        return dir;
    }

    /// <summary>A file or folder under <c>shared/</c>, which must exist.</summary>
    public static string SharedPath(params string[] parts)
    {
        var path = Path.Combine([SharedDir(), .. parts]);
        if (!File.Exists(path) && !Directory.Exists(path))
        {
            Assert.Fail($"Required input missing: '{path}' (from ../shared beside the repository{(IsCi ? ", in CI" : "")}).");
        }
        return path;
    }

    public static string RepoPath(params string[] parts) => Path.Combine([RepoRoot(), .. parts]);
}
