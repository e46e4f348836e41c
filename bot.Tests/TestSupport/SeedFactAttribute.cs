namespace AccountCoachBot.Tests.TestSupport;

/// <summary>
/// A test that reads the seed articles the principles come from (<c>../shared/seeds</c>, beside the repository).
/// Mandatory in CI; in a clone with nothing beside it, skipped with the reason, since the articles are not part
/// of the repository.
/// </summary>
public sealed class SeedFactAttribute : FactAttribute
{
    public SeedFactAttribute()
    {
        var overridden = Environment.GetEnvironmentVariable(RepoLocator.SharedDirVariable);
        string seeds;
        try
        {
            var shared = string.IsNullOrWhiteSpace(overridden) ? Path.Combine(RepoLocator.RepoRoot(), "..", "shared") : overridden;
            seeds = Path.GetFullPath(Path.Combine(shared, "seeds"));
        }
        catch (InvalidOperationException)
        {
            return; // no repository around the build: let the test run and say so itself
        }
        if (!Directory.Exists(seeds) && !RepoLocator.IsCi)
            Skip = $"The seed articles are not beside this clone ({seeds}); set {RepoLocator.SharedDirVariable} to check the catalog's quotes against them. CI always checks them.";
    }
}
