using System.Text.RegularExpressions;
using AccountCoachBot.Data;
using AccountCoachBot.Data.Postgres;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design.Internal;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore.Scaffolding;

namespace AccountCoachBot.Tests.Data;

/// <summary>
/// The bot starts on compiled EF Core models (bot/Data/CompiledModels, one per provider) instead of building the model
/// from <c>OnModelCreating</c> at every start. EF Core picks them up without checking them against the code, so a
/// model change without regenerating them would run on the old mapping: each test generates the compiled model from
/// the model in code, exactly as <c>dotnet ef dbcontext optimize</c> does, and compares it with the files checked in.
/// </summary>
public sealed class CompiledModelTests
{
    public static TheoryData<string> Providers => ["Sqlite", "Postgres"];

    [Theory]
    [MemberData(nameof(Providers))]
    public void CompiledModel_MatchesModelInCode_ForProvider(string provider)
    {
        using DbContext db = provider == "Sqlite"
            ? new DesignTimeCoachDbContextFactory().CreateDbContext([])
            : new DesignTimePostgresCoachDbContextFactory().CreateDbContext([]);
        var folder = Path.Combine(RepoRoot(), "bot", "Data", "CompiledModels", provider);
        var command = $"dotnet ef dbcontext optimize --project bot --context {db.GetType().Name} --output-dir Data/CompiledModels/{provider} --namespace AccountCoachBot.Data.CompiledModels.{provider}";

        var generated = Generate(db, $"AccountCoachBot.Data.CompiledModels.{provider}");

        var onDisk = Directory.GetFiles(folder, "*.cs").Select(Path.GetFileName).Order().ToList();
        Assert.True(generated.Keys.Order().SequenceEqual(onDisk),
            $"bot/Data/CompiledModels/{provider} has other files than the model in code needs; delete the folder and regenerate: {command}");
        foreach (var (name, code) in generated)
            if (FirstDifference(Normalize(code), Normalize(File.ReadAllText(Path.Combine(folder, name)))) is { } line)
                Assert.Fail($"bot/Data/CompiledModels/{provider}/{name} is stale (the model in code changed; {line}). Regenerate: {command}");
    }

    private static string? FirstDifference(string expected, string actual)
    {
        var (e, a) = (expected.Split('\n'), actual.Split('\n'));
        for (var i = 0; i < Math.Max(e.Length, a.Length); i++)
            if (i >= e.Length || i >= a.Length || e[i] != a[i])
                return $"line {i + 1} should be \"{(i < e.Length ? e[i].Trim() : "")}\" but is \"{(i < a.Length ? a[i].Trim() : "")}\"";
        return null;
    }

    /// <summary>What <c>dotnet ef dbcontext optimize</c> writes, as file name → code, without writing it.</summary>
    private static Dictionary<string, string> Generate(DbContext db, string modelNamespace)
    {
#pragma warning disable EF1001 // the design-time service builder is what the ef tool itself uses
        var services = new DesignTimeServicesBuilder(db.GetType().Assembly, db.GetType().Assembly, new OperationReporter(null), []).Build(db);
#pragma warning restore EF1001
        var options = new CompiledModelCodeGenerationOptions
        {
            ContextType = db.GetType(),
            ModelNamespace = modelNamespace,
            Language = "C#",
            UseNullableReferenceTypes = true,
        };
        var generator = services.GetRequiredService<ICompiledModelCodeGeneratorSelector>().Select(options);
        var model = db.GetService<IDesignTimeModel>().Model;
        return generator.GenerateModel(model, options).ToDictionary(f => Path.GetFileName(f.Path), f => f.Code);
    }

    /// <summary>Each generation gives the model a new random id; the rest is deterministic.</summary>
    private static string Normalize(string code) =>
        Regex.Replace(code.TrimStart('\uFEFF').ReplaceLineEndings("\n").TrimEnd(), @"modelId: new Guid\(""[0-9a-f-]+""\)", "modelId: new Guid(…)");

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "AccountCoachBot.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("AccountCoachBot.sln not found above " + AppContext.BaseDirectory);
    }
}
