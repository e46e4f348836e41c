using AccountCoachBot.Data;
using AccountCoachBot.Features.Digests;
using AccountCoachBot.Features.People;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using SkiaSharp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;


namespace AccountCoachBot.Bench;

/// <summary>
/// A 50-person team's digest over a year of history, against a bare count of that team's promises in the same run
/// (the baseline: one indexed query, the least any digest must do); and its chart, against encoding a blank PNG of the
/// same size (the least any chart must do). Each category has its own baseline: read the Ratio column.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class DigestBenchmarks
{
    private IHost _host = null!;
    private IServiceScope _scope = null!;
    private CoachDbContext _db = null!;
    private DigestBuilder _builder = null!;
    private List<int> _team = null!;
    private TrendData _chart = null!;
    private readonly TimeZoneInfo _zone = TimeZones.FindOrUtc("Europe/Berlin");

    /// <summary>Log each SQL command with its duration (the `trace` mode of Program.cs).</summary>
    public bool Trace { get; init; }

    [GlobalSetup]
    public void Setup()
    {
        var path = Path.Combine(Path.GetTempPath(), "coach-bench", "digest-v2.db");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        // COACH_BENCH_POSTGRES (a connection string to an existing, empty or seeded database): the same data on PostgreSQL.
        var postgres = Environment.GetEnvironmentVariable("COACH_BENCH_POSTGRES") is { Length: > 0 } pg ? pg : null;
        var fresh = postgres is null && !File.Exists(path);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddInMemoryCollection(postgres is null
            ? new Dictionary<string, string?> { ["ConnectionStrings:Coach"] = $"Data Source={path}" }
            : new Dictionary<string, string?> { ["Database:Provider"] = "postgres", ["ConnectionStrings:Coach"] = postgres });
        builder.Logging.ClearProviders();
        if (Trace)
        {
            builder.Logging.AddSimpleConsole();
            builder.Logging.AddFilter("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.Information);
            builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
        }
        builder.AddCoachServices();
        builder.Services.AddSingleton<TimeProvider>(new FixedTime(BenchData.Now));
        _host = builder.Build();
        _host.Services.MigrateCoachDatabaseAsync().GetAwaiter().GetResult();
        if (postgres is not null)
            using (var scope = _host.Services.CreateScope())
                fresh = !scope.ServiceProvider.GetRequiredService<CoachDbContext>().People.Any();
        if (fresh)
        {
            try
            {
                BenchData.SeedAsync(() => _host.Services.CreateScope().ServiceProvider.GetRequiredService<CoachDbContext>()).GetAwaiter().GetResult();
            }
            catch
            {
                if (postgres is null) File.Delete(path);
                throw;
            }
        }
        _scope = _host.Services.CreateScope();
        _db = _scope.ServiceProvider.GetRequiredService<CoachDbContext>();
        _builder = _scope.ServiceProvider.GetRequiredService<DigestBuilder>();
        _team = _db.People.Select(p => p.Id).ToList();
        _chart = ChartOf(WeekDigest().GetAwaiter().GetResult());
    }

    /// <summary>The digest's own chart (<see cref="DigestChart"/>): at most <see cref="TrendChart.MaxMemberLines"/> members' lines, and the team's.</summary>
    private static TrendData ChartOf(Digest digest) => DigestChart.Data(digest with { Members = digest.Members.Take(TrendChart.MaxMemberLines).ToList() });

    [GlobalCleanup]
    public void Cleanup()
    {
        _scope.Dispose();
        _host.Dispose();
    }

    [Benchmark(Baseline = true, Description = "count the team's promises"), BenchmarkCategory("digest")]
    public Task<int> CountPromises() => _db.Promises.CountAsync(p => _team.Contains(p.OwnerId));

    [Benchmark(Description = "team digest, last week (+7 weeks of trend)"), BenchmarkCategory("digest")]
    public Task<Digest> WeekDigest() => _builder.BuildAsync(_db, _team, DigestPeriod.LastWeek(BenchData.Now, _zone), _zone, "Bench");

    [Benchmark(Description = "team digest, last month (+7 months of trend)"), BenchmarkCategory("digest")]
    public Task<Digest> MonthDigest() => _builder.BuildAsync(_db, _team, DigestPeriod.LastMonth(BenchData.Now, _zone), _zone, "Bench");

    [Benchmark(Baseline = true, Description = "blank PNG of the chart's size"), BenchmarkCategory("chart")]
    public byte[] BlankPng()
    {
        using var bitmap = new SKBitmap(TrendChart.Width, TrendChart.Height);
        bitmap.Erase(SKColors.White);
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    [Benchmark(Description = "trend chart PNG, 8 periods, 8 members + team"), BenchmarkCategory("chart")]
    public byte[] Chart() => TrendChart.Render(_chart, Language.Ru);
}

/// <summary>The digest's "now": the day after the seeded year.</summary>
internal sealed class FixedTime(DateTime utc) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => new(utc, TimeSpan.Zero);
}
