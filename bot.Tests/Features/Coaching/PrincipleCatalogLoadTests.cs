using AccountCoachBot.Features.Coaching;
using AccountCoachBot.Features.People;
using AccountCoachBot.Tests.TestSupport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AccountCoachBot.Tests.Features.Coaching;

/// <summary>Loading the catalog: where it is read from, what a file must hold, and how it is looked up.</summary>
public class PrincipleCatalogLoadTests
{
    private static readonly Lazy<PrincipleCatalog> RepoCatalog =
        new(() => PrincipleCatalog.Load(RepoLocator.RepoPath("prompts")));

    private static PrincipleCatalog Catalog => RepoCatalog.Value;

    [Fact]
    public void Load_ReadsTheCopyInTheBuildOutput_WhenGivenNoDirectory()
    {
        var fromOutput = PrincipleCatalog.Load();
        Assert.Equal(Catalog.All.Select(p => p.Id), fromOutput.All.Select(p => p.Id));
        Assert.Equal(Path.Combine(AppContext.BaseDirectory, "prompts"), PrincipleCatalog.DefaultDirectory);
    }

    [Fact]
    public void FindAndGet_MatchIgnoringCaseAndSpaces_AndGetNamesAnUnknownId()
    {
        var p = Catalog.Get(PrincipleIds.AlwaysDoWhatYouSay);
        Assert.Equal("always-do-what-you-say", p.Id);
        Assert.Same(p, Catalog.Find("Always-Do-What-You-Say"));
        Assert.Same(p, Catalog.Find(" always-do-what-you-say "));
        Assert.Null(Catalog.Find("no-such-principle"));
        Assert.Null(Catalog.Find(null));
        var ex = Assert.Throws<KeyNotFoundException>(() => Catalog.Get("no-such-principle"));
        Assert.Contains("no-such-principle", ex.Message);
        Assert.Contains(Catalog.WithTag(PrincipleTags.Promise), x => x.Id == PrincipleIds.AlwaysDoWhatYouSay);
    }

    [Fact]
    public void TitleAndStatement_FollowTheLanguage_WhenAsked()
    {
        var p = Catalog.Get(PrincipleIds.AlwaysDoWhatYouSay);
        Assert.Equal(p.Titles.En, p.Title(Language.En));
        Assert.Equal(p.Titles.Ru, p.Title(Language.Ru));
        Assert.Equal(p.Statements.Ru, p.Statement(Language.Ru));
        Assert.Equal("004", p.Source.SeedNumber);
    }

    [Fact]
    public void Parse_AcceptsTheCatalog_WhenAnArrayOrAnObject()
    {
        const string entry = """
            { "id": "a-b", "title": { "en": "T", "ru": "Т" }, "statement": { "en": "S", "ru": "С" },
              "tags": ["promise"], "source": { "seed": "004_x.txt", "quote": "цитата" } }
            """;
        Assert.Equal("a-b", PrincipleCatalog.Parse("[" + entry + "]").Get("a-b").Id);
        Assert.Equal("a-b", PrincipleCatalog.Parse("""{ "principles": [""" + entry + "] }").Get("a-b").Id);
    }

    [Theory]
    [InlineData("""[{ "id": "Bad_Id", "title": { "en": "T", "ru": "Т" }, "statement": { "en": "S", "ru": "С" }, "tags": ["promise"], "source": { "seed": "s", "quote": "q" } }]""", "kebab-case")]
    [InlineData("""[{ "id": "a", "title": { "en": "T" }, "statement": { "en": "S", "ru": "С" }, "tags": ["promise"], "source": { "seed": "s", "quote": "q" } }]""", "title needs both en and ru")]
    [InlineData("""[{ "id": "a", "title": { "en": "T", "ru": "Т" }, "statement": { "en": "S", "ru": "С" }, "tags": ["fun"], "source": { "seed": "s", "quote": "q" } }]""", "unknown tag 'fun'")]
    [InlineData("""[{ "id": "a", "title": { "en": "T", "ru": "Т" }, "statement": { "en": "S", "ru": "С" }, "tags": ["promise"] }]""", "source needs")]
    [InlineData("""[{ "id": "a", "title": { "en": "T", "ru": "Т" }, "statement": { "en": "S", "ru": "С" }, "tags": ["promise"], "source": { "seed": "s", "quote": "q" } }, { "id": "a", "title": { "en": "T", "ru": "Т" }, "statement": { "en": "S", "ru": "С" }, "tags": ["promise"], "source": { "seed": "s", "quote": "q" } }]""", "duplicate id")]
    [InlineData("""{ "items": [] }""", "principles")]
    public void Parse_RefusesWithAClearMessage_WhenTheCatalogIsInvalid(string json, string expected)
    {
        var ex = Assert.Throws<InvalidDataException>(() => PrincipleCatalog.Parse(json));
        Assert.Contains(expected, ex.Message);
    }

    [Fact]
    public void Load_NamesThePath_WhenTheDirectoryIsMissing()
    {
        var dir = Path.Combine(Path.GetTempPath(), "no-prompts-" + Guid.NewGuid().ToString("N"));
        var ex = Assert.Throws<FileNotFoundException>(() => PrincipleCatalog.Load(dir));
        Assert.Contains(dir, ex.Message);
    }

    [Fact]
    public void AddCoaching_RegistersOneCatalog_WhenCalledTwice()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddCoaching().AddCoaching();
        Assert.Single(services, d => d.ServiceType == typeof(PrincipleCatalog));
        using var provider = services.BuildServiceProvider();
        var catalog = provider.GetRequiredService<PrincipleCatalog>();
        Assert.Same(catalog, provider.GetRequiredService<PrincipleCatalog>());
        Assert.NotNull(catalog.Find(PrincipleIds.ProactiveCall));
    }

    [Fact]
    public void AddCoaching_ReadsTheDirectory_WhenConfigured()
    {
        var dir = Directory.CreateTempSubdirectory("catalog-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(dir, PrincipleCatalog.FileName), """
                [{ "id": "only-one", "title": { "en": "T", "ru": "Т" }, "statement": { "en": "S", "ru": "С" },
                   "tags": ["mindset"], "source": { "seed": "000_x.txt", "quote": "цитата" } }]
                """);
            var services = new ServiceCollection();
            services.AddSingleton<IConfiguration>(new ConfigurationBuilder()
                .AddInMemoryCollection(new Dictionary<string, string?> { [PrincipleCatalog.DirectoryConfigKey] = dir })
                .Build());
            using var provider = services.AddCoaching().BuildServiceProvider();
            var catalog = provider.GetRequiredService<PrincipleCatalog>();
            Assert.Equal(["only-one"], catalog.All.Select(p => p.Id));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
