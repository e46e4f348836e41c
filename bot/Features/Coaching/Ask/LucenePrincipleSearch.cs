using AccountCoachBot.Features.People;
using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace AccountCoachBot.Features.Coaching.Ask;

/// <summary>
/// The offline principle search: the catalog in a Lucene index in memory, built once (a singleton), searched per
/// question. Each question word is looked for in every field at once (the best field counts, the others a little),
/// so a word that is both in a title and a statement doesn't outweigh two different words that fit.
/// </summary>
public sealed class LucenePrincipleSearch : IPrincipleSearch, IDisposable
{
    /// <summary>
    /// Below this a principle is not offered: one weak word in common (say, only "client") is not a fit.
    /// Measured on prompts/evals/ask.*.jsonl and on off-topic questions (see AskSearchTests).
    /// </summary>
    public const float MinimumScore = 0.2f;

    private readonly Analyzer _analyzer;
    private readonly Lucene.Net.Store.RAMDirectory _directory;
    private readonly DirectoryReader _reader;
    private readonly IndexSearcher _searcher;

    private readonly float _minimumScore;

    public LucenePrincipleSearch(PrincipleCatalog catalog, float minimumScore = MinimumScore)
    {
        _minimumScore = minimumScore;
        ArgumentNullException.ThrowIfNull(catalog);
        _analyzer = PrincipleIndex.CreateAnalyzer();
        _directory = PrincipleIndex.Build(catalog, _analyzer);
        _reader = DirectoryReader.Open(_directory);
        _searcher = new IndexSearcher(_reader);
    }

    public IReadOnlyList<PrincipleMatch> Find(string question, Language language, int top = 3)
    {
        if (string.IsNullOrWhiteSpace(question) || top <= 0) return [];
        var query = Query(question, language);
        if (query.Clauses.Count == 0) return [];
        return _searcher.Search(query, top).ScoreDocs
            .Where(hit => hit.Score >= _minimumScore)
            .Select(hit => new PrincipleMatch(_searcher.Doc(hit.Doc).Get(PrincipleIndex.IdField), hit.Score))
            .ToList();
    }

    private BooleanQuery Query(string question, Language language)
    {
        var fields = PrincipleIndex.Fields(language);
        var perWord = new Dictionary<string, DisjunctionMaxQuery>(StringComparer.Ordinal);
        // The analyzers differ per field only by language, so one field's terms stand for all of that language.
        foreach (var (field, boost) in fields)
        {
            foreach (var term in PrincipleIndex.Terms(_analyzer, field, question))
            {
                if (!perWord.TryGetValue(term, out var any)) perWord[term] = any = new DisjunctionMaxQuery(0.1f);
                any.Add(new TermQuery(new Term(field, term)) { Boost = boost });
            }
        }
        var query = new BooleanQuery();
        foreach (var any in perWord.Values) query.Add(any, Occur.SHOULD);
        return query;
    }

    public void Dispose()
    {
        _reader.Dispose();
        _directory.Dispose();
        _analyzer.Dispose();
    }
}
