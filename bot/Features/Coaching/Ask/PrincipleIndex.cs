using AccountCoachBot.Features.People;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Ru;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace AccountCoachBot.Features.Coaching.Ask;

/// <summary>
/// The fields of the principle index and their analyzers: each language's text goes through that language's
/// stemmer (Porter for English, Snowball for Russian), so "delays", "delayed" and «задержки», «задержкой» meet.
/// </summary>
internal static class PrincipleIndex
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;
    public const string IdField = "id";

    /// <summary>Where a question's words may match, and how much a match there counts.</summary>
    public static IReadOnlyList<(string Field, float Boost)> Fields(Language language)
    {
        var l = Suffix(language);
        List<(string, float)> fields = [("title_" + l, 3f), ("keywords_" + l, 2.5f), ("tags_" + l, 2f), ("statement_" + l, 1f), ("next_" + l, 0.5f)];
        // The seed quotes are Russian: they help a Russian question only.
        if (language == Language.Ru) fields.Add(("quote_ru", 1f));
        return fields;
    }

    // Tag names are English words; a Russian question meets them through these.
    private static readonly Dictionary<string, string> RussianTags = new(StringComparer.Ordinal)
    {
        [PrincipleTags.Promise] = "обещание обещания",
        [PrincipleTags.Meeting] = "встреча встречи",
        [PrincipleTags.Call] = "звонок позвонить",
        [PrincipleTags.Mindset] = "настрой отношение",
        [PrincipleTags.Team] = "команда коллеги",
        [PrincipleTags.Communication] = "общение разговор",
        [PrincipleTags.KeyAccount] = "ключевой клиент",
        [PrincipleTags.Kpi] = "kpi показатели",
        [PrincipleTags.ClientView] = "глазами клиента",
    };

    // The words every question is made of ("what should I do tomorrow") say nothing about the situation:
    // dropped with the analyzers' own stop words, so a question matches on what it is about.
    private static readonly string[] EnglishFiller =
    [
        "what", "how", "do", "does", "did", "done", "i", "i'm", "me", "my", "we", "we're", "our", "us", "you", "your",
        "should", "can", "could", "would", "when", "why", "who", "which", "so", "get", "got", "about", "from", "have",
        "has", "had", "been", "he", "she", "her", "his", "them", "its", "it's", "than", "too", "very", "just", "really",
        "now", "ok", "okay", "all", "some", "one", "two", "three", "twenty", "today", "tomorrow", "yesterday", "week",
        "weeks", "month", "months", "day", "days", "next", "last", "every", "keep", "keeps", "going", "want", "say",
        "thing", "things", "also", "any", "there", "here", "time", "many", "much", "good", "place",
    ];

    private static readonly string[] RussianFiller =
    [
        "что", "делать", "сделать", "стоит", "ли", "нужно", "надо", "можно", "мне", "нам", "наш", "наша", "наше",
        "наши", "наших", "нашим", "нашей", "мой", "моя", "мои", "моё", "мое", "моей", "завтра", "сегодня", "вчера",
        "неделе", "неделю", "недели", "месяц", "месяца", "каждый", "каждом", "уже", "очень", "просто", "всё", "все",
        "это", "этот", "этим", "этого", "эту", "они", "их", "им", "он", "она", "его", "её", "ее", "два", "две", "три",
        "один", "одна", "двадцать", "следующей", "как", "если", "когда", "почему", "кто", "какой", "какая", "чтобы",
    ];

    public static Analyzer CreateAnalyzer()
    {
        var englishStops = new CharArraySet(Version, EnglishAnalyzer.DefaultStopSet, true);
        foreach (var word in EnglishFiller) englishStops.Add(word);
        var russianStops = new CharArraySet(Version, RussianAnalyzer.DefaultStopSet, true);
        foreach (var word in RussianFiller) russianStops.Add(word);
        var russian = new RussianAnalyzer(Version, russianStops);
        var perField = new Dictionary<string, Analyzer>(StringComparer.Ordinal)
        {
            ["title_ru"] = russian, ["keywords_ru"] = russian, ["tags_ru"] = russian,
            ["statement_ru"] = russian, ["next_ru"] = russian, ["quote_ru"] = russian,
        };
        return new PerFieldAnalyzerWrapper(new EnglishAnalyzer(Version, englishStops), perField);
    }

    /// <summary>Builds the whole catalog into memory; it is small and read-only, so this happens once.</summary>
    public static RAMDirectory Build(PrincipleCatalog catalog, Analyzer analyzer)
    {
        var directory = new RAMDirectory();
        using var writer = new IndexWriter(directory, new IndexWriterConfig(Version, analyzer));
        foreach (var p in catalog.All)
        {
            var doc = new Document { new StringField(IdField, p.Id, Field.Store.YES) };
            foreach (var language in new[] { Language.En, Language.Ru })
            {
                var l = Suffix(language);
                Add(doc, "title_" + l, p.Title(language));
                Add(doc, "keywords_" + l, p.Keyword(language));
                Add(doc, "statement_" + l, p.Statement(language));
                Add(doc, "next_" + l, p.NextStep(language));
                var tags = language == Language.Ru
                    ? p.Tags.Select(t => RussianTags.GetValueOrDefault(t, t))
                    : p.Tags.Select(t => t.Replace('-', ' '));
                Add(doc, "tags_" + l, string.Join(" ", tags));
            }
            Add(doc, "quote_ru", p.Source.Quote);
            writer.AddDocument(doc);
        }
        writer.Commit();
        return directory;
    }

    /// <summary>The distinct terms the field's analyzer makes of the text (stop words dropped, stems kept).</summary>
    public static IReadOnlyList<string> Terms(Analyzer analyzer, string field, string text)
    {
        var terms = new List<string>();
        using var stream = analyzer.GetTokenStream(field, new StringReader(Normalize(text)));
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            var value = term.ToString();
            if (!terms.Contains(value, StringComparer.Ordinal)) terms.Add(value);
        }
        stream.End();
        return terms;
    }

    // Keywords and tags are lists: a longer list must not make each of its words count for less.
    private static readonly FieldType ListField = new(TextField.TYPE_NOT_STORED) { OmitNorms = true };

    private static void Add(Document doc, string field, string text)
    {
        if (string.IsNullOrWhiteSpace(text)) return;
        doc.Add(field.StartsWith("keywords_", StringComparison.Ordinal) || field.StartsWith("tags_", StringComparison.Ordinal)
            ? new Field(field, Normalize(text), ListField)
            : new TextField(field, Normalize(text), Field.Store.NO));
    }

    // Russian writes ё and е interchangeably; the stemmer does not fold them.
    private static string Normalize(string text) => text.Replace('ё', 'е').Replace('Ё', 'Е');

    private static string Suffix(Language language) => language == Language.Ru ? "ru" : "en";
}
