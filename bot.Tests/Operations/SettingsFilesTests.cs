using AccountCoachBot.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace AccountCoachBot.Tests.Operations;

/// <summary>
/// appsettings.json is read once: a watch on it would take in the content root and every folder below it, the
/// database's by default, and wake for each of the database's writes (bench/JOURNAL.md).
/// </summary>
public sealed class SettingsFilesTests : IDisposable
{
    private readonly TestDatabase _db = new();

    [Fact]
    public async Task Create_ReadsSettingsFilesOnce_WhenTheOperatorSaysNothing()
    {
        await using var app = CoachWebApp.Create([$"--ConnectionStrings:Coach=Data Source={_db.Path}"]);

        var files = SettingsFilesOf(app.Configuration);
        Assert.Contains(files, f => f.Path == "appsettings.json");
        Assert.All(files, f => Assert.False(f.ReloadOnChange, $"{f.Path} is watched for changes"));
    }

    [Fact]
    public async Task Create_WatchesSettingsFiles_WhenTheOperatorAsksForIt()
    {
        await using var app = CoachWebApp.Create([$"--ConnectionStrings:Coach=Data Source={_db.Path}", "--hostBuilder:reloadConfigOnChange=true"]);

        Assert.Contains(SettingsFilesOf(app.Configuration), f => f.Path == "appsettings.json" && f.ReloadOnChange);
    }

    [Fact]
    public void ReadOnceWith_ReadsSettingsFilesOnce_ForTheCommandLineHosts()
    {
        // The CLI and the terminal chat build a generic host the same way.
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = SettingsFiles.ReadOnceWith([]), ContentRootPath = AppContext.BaseDirectory });

        var files = SettingsFilesOf(builder.Configuration);
        Assert.Contains(files, f => f.Path == "appsettings.json");
        Assert.All(files, f => Assert.False(f.ReloadOnChange, $"{f.Path} is watched for changes"));
    }

    private static List<FileConfigurationSource> SettingsFilesOf(IConfiguration configuration) =>
        ((IConfigurationRoot)configuration).Providers.OfType<FileConfigurationProvider>().Select(p => p.Source).ToList();

    public void Dispose() => _db.Dispose();
}
