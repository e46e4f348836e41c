using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using AccountCoachBot.Features.Coaching;
using AccountCoachBot.Features.People;
using AccountCoachBot.Tests.TestSupport;

namespace AccountCoachBot.Tests.Features.Coaching;

/// <summary>The catalog in prompts/: its principles against the seed articles they come from.</summary>
public class PrincipleCatalogTests
{
    private static readonly Lazy<PrincipleCatalog> RepoCatalog =
        new(() => PrincipleCatalog.Load(RepoLocator.RepoPath("prompts")));

    private static PrincipleCatalog Catalog => RepoCatalog.Value;

    /// <summary>Phil Bourne's 13 tenets of account management (seed 004), one entry each.</summary>
    private static readonly string[] BourneTenets =
    [
        "great-account-managers-are-born", "talk-to-everyone", "know-the-clients-business",
        "play-the-person-not-the-game", "be-interested-and-interesting", "always-do-what-you-say",
        "it-starts-and-ends-with-you", "always-tell-the-truth", "its-show-business", "i-dont-know-ill-find-out",
        "never-alone-to-important-meeting", "sell-internally", "pick-battles-you-can-win",
    ];

    /// <summary>The five causes of "bending" before a client (seed 000).</summary>
    private static readonly string[] FiveCauses =
    [
        "fear-of-losing-the-client", "self-respect", "partnership-not-pressure", "defend-your-position",
        "client-focus-is-not-always-yes",
    ];

    private static string Collapse(string s) => Regex.Replace(s, @"\s+", " ").Trim();

    [Fact]
    public void Catalog_has_at_least_30_principles()
    {
        Assert.True(Catalog.Count >= 30, $"The catalog has {Catalog.Count} principles; it needs at least 30.");
    }

    [Fact]
    public void Raw_file_has_unique_kebab_case_ids()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(RepoLocator.RepoPath("prompts", PrincipleCatalog.FileName)));
        var items = doc.RootElement.ValueKind == JsonValueKind.Array ? doc.RootElement : doc.RootElement.GetProperty("principles");
        var ids = items.EnumerateArray().Select(e => e.GetProperty("id").GetString()!).ToList();
        var duplicates = ids.GroupBy(id => id).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(duplicates.Count == 0, "Duplicate ids: " + string.Join(", ", duplicates));
        var bad = ids.Where(id => !Regex.IsMatch(id, "^[a-z0-9]+(-[a-z0-9]+)*$")).ToList();
        Assert.True(bad.Count == 0, "Ids not in kebab-case: " + string.Join(", ", bad));
    }

    [Fact]
    public void Every_principle_has_title_and_statement_in_both_languages()
    {
        var missing = Catalog.All
            .Where(p => new[] { p.Title(Language.En), p.Title(Language.Ru), p.Statement(Language.En), p.Statement(Language.Ru) }
                .Any(string.IsNullOrWhiteSpace))
            .Select(p => p.Id)
            .ToList();
        Assert.True(missing.Count == 0, "Missing en/ru title or statement: " + string.Join(", ", missing));
    }

    [Fact]
    public void Russian_texts_use_vy_and_are_in_cyrillic()
    {
        var ty = new Regex(@"\b(ты|тебя|тебе|тобой|твой|твоя|твоё|твое|твои|твоих)\b", RegexOptions.IgnoreCase);
        var problems = new List<string>();
        foreach (var p in Catalog.All)
        {
            foreach (var text in new[] { p.Title(Language.Ru), p.Statement(Language.Ru) })
            {
                if (ty.IsMatch(text)) problems.Add($"{p.Id}: uses «ты»: {text}");
                if (LanguageExtensions.FromScript(text) != Language.Ru) problems.Add($"{p.Id}: not Russian: {text}");
            }
            foreach (var text in new[] { p.Title(Language.En), p.Statement(Language.En) })
            {
                if (LanguageExtensions.FromScript(text) != Language.En) problems.Add($"{p.Id}: not English: {text}");
            }
        }
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void Statements_are_short()
    {
        // One or two sentences a coach can act on: fits in a "Why?" answer on a phone screen.
        var tooLong = Catalog.All
            .SelectMany(p => new[] { (p.Id, Text: p.Statement(Language.En)), (p.Id, Text: p.Statement(Language.Ru)) })
            .Where(x => x.Text.Length > 220)
            .Select(x => $"{x.Id} ({x.Text.Length} chars)")
            .ToList();
        Assert.True(tooLong.Count == 0, "Statements over 220 characters: " + string.Join(", ", tooLong));
    }

    [Fact]
    public void Tags_come_from_the_allowed_set()
    {
        string[] allowed = ["promise", "meeting", "call", "mindset", "team", "communication", "key-account", "kpi", "client-view"];
        Assert.Equal(allowed.Order(), PrincipleTags.All.Order());
        var bad = Catalog.All
            .SelectMany(p => p.Tags.Where(t => !allowed.Contains(t)).Select(t => $"{p.Id}: '{t}'"))
            .ToList();
        Assert.True(bad.Count == 0, "Unknown tags: " + string.Join(", ", bad));
        Assert.All(Catalog.All, p => Assert.NotEmpty(p.Tags));
    }

    [SeedFact]
    public void Every_quote_occurs_verbatim_in_its_seed_file()
    {
        var seedsDir = RepoLocator.SharedPath("seeds");
        var problems = new List<string>();
        foreach (var p in Catalog.All)
        {
            if (p.Source.Seed.Contains('/') || p.Source.Seed.Contains('\\'))
            {
                problems.Add($"{p.Id}: seed must be a bare file name, got '{p.Source.Seed}'");
                continue;
            }
            var path = Path.Combine(seedsDir, p.Source.Seed);
            if (!File.Exists(path))
            {
                problems.Add($"{p.Id}: seed file '{p.Source.Seed}' not found in {seedsDir}");
                continue;
            }
            var seed = Collapse(File.ReadAllText(path));
            var quote = Collapse(p.Source.Quote);
            if (quote.Length < 10) problems.Add($"{p.Id}: quote too short to trace: «{quote}»");
            if (quote.Length > 160) problems.Add($"{p.Id}: quote longer than 160 characters; keep it to a sentence or clause");
            if (!seed.Contains(quote, StringComparison.Ordinal)) problems.Add($"{p.Id}: quote not found verbatim in {p.Source.Seed}: «{quote}»");
        }
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [SeedFact]
    public void Every_seed_file_is_cited()
    {
        var seeds = Directory.GetFiles(RepoLocator.SharedPath("seeds"), "*.txt").Select(Path.GetFileName).ToList();
        Assert.NotEmpty(seeds);
        var uncited = seeds.Where(s => Catalog.All.All(p => p.Source.Seed != s)).ToList();
        Assert.True(uncited.Count == 0, "Seeds with no principle: " + string.Join(", ", uncited));
    }

    [Theory]
    [InlineData("always-do-what-you-say")]
    [InlineData("proactive-call")]
    [InlineData("never-alone-to-important-meeting")]
    [InlineData("one-voice")]
    [InlineData("tell-bad-news-truthfully")]
    [InlineData("i-dont-know-ill-find-out")]
    [InlineData("recognize-success-right-away")]
    public void Required_ids_exist(string id)
    {
        Assert.NotNull(Catalog.Find(id));
    }

    [Fact]
    public void Coverage_of_the_seeds()
    {
        Assert.All(BourneTenets, id => Assert.True(Catalog.Contains(id), $"Bourne tenet '{id}' missing"));
        Assert.All(BourneTenets, id => Assert.StartsWith("004_", Catalog.Get(id).Source.Seed));
        Assert.All(FiveCauses, id => Assert.Equal("000_748be00c2eb42197.txt", Catalog.Get(id).Source.Seed));
        Assert.Contains("упреждающего звонка", Catalog.Get(PrincipleIds.ProactiveCall).Source.Quote);
        Assert.Contains("ONE VOICE", Catalog.Get(PrincipleIds.OneVoice).Source.Quote);
        Assert.True(Catalog.All.Count(p => p.Source.Seed.StartsWith("002_")) >= 8, "each of seed 002's eight steps has an entry");
    }

    [Fact]
    public void Every_PrincipleIds_constant_exists_in_the_catalog()
    {
        var constants = typeof(PrincipleIds)
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (f.Name, Value: (string)f.GetRawConstantValue()!))
            .ToList();
        Assert.NotEmpty(constants);
        var missing = constants.Where(c => Catalog.Find(c.Value) is null).Select(c => $"{c.Name} = \"{c.Value}\"").ToList();
        Assert.True(missing.Count == 0, "PrincipleIds constants not in prompts/principles.json: " + string.Join(", ", missing));
    }

    [Fact]
    public void Principle_references_in_other_prompt_files_exist()
    {
        // Data under prompts/ (checklists, eval sets...) names principles in properties called
        // "principle", "principleId", "principles" or "principleIds"; every such id must be in the catalog.
        var problems = new List<string>();
        foreach (var file in Directory.EnumerateFiles(RepoLocator.RepoPath("prompts"), "*.json", SearchOption.AllDirectories))
        {
            if (Path.GetFileName(file) == PrincipleCatalog.FileName && Path.GetDirectoryName(file) == RepoLocator.RepoPath("prompts")) continue;
            JsonDocument doc;
            try { doc = JsonDocument.Parse(File.ReadAllText(file), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true }); }
            catch (JsonException ex) { problems.Add($"{file}: invalid JSON: {ex.Message}"); continue; }
            using (doc)
            {
                foreach (var id in PrincipleReferences(doc.RootElement).Where(id => !Catalog.Contains(id)))
                {
                    problems.Add($"{Path.GetRelativePath(RepoLocator.RepoRoot(), file)}: unknown principle '{id}'");
                }
            }
        }
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    private static IEnumerable<string> PrincipleReferences(JsonElement e)
    {
        if (e.ValueKind == JsonValueKind.Object)
        {
            foreach (var prop in e.EnumerateObject())
            {
                if (Regex.IsMatch(prop.Name, "^principle(Id)?s?$", RegexOptions.IgnoreCase))
                {
                    if (prop.Value.ValueKind == JsonValueKind.String) yield return prop.Value.GetString()!;
                    if (prop.Value.ValueKind == JsonValueKind.Array)
                    {
                        foreach (var v in prop.Value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String)) yield return v.GetString()!;
                    }
                }
                foreach (var id in PrincipleReferences(prop.Value)) yield return id;
            }
        }
        else if (e.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in e.EnumerateArray())
            {
                foreach (var id in PrincipleReferences(item)) yield return id;
            }
        }
    }

    [Fact]
    public void Every_principle_has_a_next_step_in_both_languages()
    {
        var missing = Catalog.All.Where(p => string.IsNullOrWhiteSpace(p.NextStep(Language.En)) || string.IsNullOrWhiteSpace(p.NextStep(Language.Ru)))
            .Select(p => p.Id).ToList();
        Assert.True(missing.Count == 0, "No next step in both languages: " + string.Join(", ", missing));
    }
}
