using System.Globalization;
using System.Text.Json;
using AccountCoachBot.Features.Coaching;
using AccountCoachBot.Features.Coaching.Ask;
using AccountCoachBot.Features.People;

namespace AccountCoachBot.Cli;

/// <summary>One row of the eval table: a set, a language, a field, and each reader's accuracy (null: not run).</summary>
public sealed record EvalRow(string Set, string Language, string Field, int Cases, double? Parser, double? Search, double? Model);

/// <summary>
/// <c>eval</c>: runs <c>prompts/evals/*</c> through the promise parser (exactly as <c>parse --batch</c> and the chat
/// read a line), the offline principle search and, when one is configured, a model; prints accuracy per language
/// and field side by side.
/// </summary>
public static class EvalCommand
{
    private static readonly string[] PromiseFields = ["isPromise", "account", "action", "due"];
    private static readonly Language[] Languages = [Language.En, Language.Ru];

    public static string DefaultDirectory => Path.Combine(AppContext.BaseDirectory, "prompts", "evals");

    /// <summary>Returns 0 when every set was read, 1 when the folder or a set is missing.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, IEvalModel? model = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        var directory = Option(args, "--dir") ?? DefaultDirectory;
        var showMisses = args.Contains("--misses");
        if (!Directory.Exists(directory))
        {
            await error.WriteLineAsync($"No eval folder at '{directory}'.");
            return 1;
        }

        var misses = new List<string>();
        var rows = new List<EvalRow>();
        foreach (var language in Languages)
        {
            var file = Path.Combine(directory, $"promises.{Code(language)}.jsonl");
            if (File.Exists(file)) rows.AddRange(await PromiseRowsAsync(file, language, model, misses, ct));
        }
        var search = new LucenePrincipleSearch(PrincipleCatalog.Load());
        foreach (var language in Languages)
        {
            var file = Path.Combine(directory, AskEval.FileFor(language));
            if (File.Exists(file)) rows.Add(await AskRowAsync(file, language, search, model, misses, ct));
        }
        if (rows.Count == 0)
        {
            await error.WriteLineAsync($"No eval sets (promises.*.jsonl, ask.*.jsonl) in '{directory}'.");
            return 1;
        }

        await output.WriteAsync(Table(rows, model));
        await output.WriteLineAsync(model is null ? "model: not configured" : $"model: {model.Name}");
        if (showMisses)
        {
            await output.WriteLineAsync();
            foreach (var miss in misses) await output.WriteLineAsync(miss);
        }
        await output.FlushAsync(ct);
        return 0;
    }

    /// <summary>The table, fixed-width: set, language, field, cases, then one column per reader.</summary>
    public static string Table(IReadOnlyList<EvalRow> rows, IEvalModel? model)
    {
        var modelHeader = model is null ? "model" : "model (" + model.Name + ")";
        var lines = new List<string[]> { new[] { "set", "lang", "field", "cases", "parser", "search", modelHeader } };
        lines.AddRange(rows.Select(r => new[]
        {
            r.Set, r.Language, r.Field, r.Cases.ToString(CultureInfo.InvariantCulture),
            Percent(r.Parser), Percent(r.Search), model is null ? "not configured" : Percent(r.Model),
        }));
        var widths = Enumerable.Range(0, 7).Select(i => lines.Max(l => l[i].Length)).ToArray();
        return string.Concat(lines.Select(l => string.Join("  ", l.Select((cell, i) => cell.PadRight(widths[i]))).TrimEnd() + Environment.NewLine));
    }

    private static async Task<IEnumerable<EvalRow>> PromiseRowsAsync(string file, Language language, IEvalModel? model, List<string> misses, CancellationToken ct)
    {
        var lines = (await File.ReadAllLinesAsync(file, ct)).Where(l => !string.IsNullOrWhiteSpace(l)).ToList();
        var parserRight = new int[PromiseFields.Length + 1];
        var modelRight = new int[PromiseFields.Length + 1];
        foreach (var line in lines)
        {
            using var input = JsonDocument.Parse(line);
            var expect = input.RootElement.GetProperty("expect");
            var parsed = ParseBatchCommand.ParseLine(line);
            if (!Score(expect, parsed, parserRight))
                misses.Add($"parser {Code(language)}: {input.RootElement.GetProperty("text").GetString()}\n  expected {expect.GetRawText()}\n  actual   {parsed}");
            if (model is not null) Score(expect, await model.ParseAsync(line, ct), modelRight);
        }
        var fields = PromiseFields.Append("all fields").ToArray();
        return fields.Select((field, i) => new EvalRow("promises", Code(language), field, lines.Count,
            Ratio(parserRight[i], lines.Count), null, model is null ? null : Ratio(modelRight[i], lines.Count)));
    }

    // Counts each field that matches, and the whole line when all do; true when all do.
    private static bool Score(JsonElement expect, string actualJson, int[] right)
    {
        using var actual = JsonDocument.Parse(actualJson);
        var all = true;
        for (var i = 0; i < PromiseFields.Length; i++)
        {
            var ok = expect.TryGetProperty(PromiseFields[i], out var e) &&
                     Same(e, actual.RootElement.TryGetProperty(PromiseFields[i], out var a) ? a : default);
            if (ok) right[i]++;
            all &= ok;
        }
        if (all) right[PromiseFields.Length]++;
        return all;
    }

    private static async Task<EvalRow> AskRowAsync(string file, Language language, IPrincipleSearch search, IEvalModel? model, List<string> misses, CancellationToken ct)
    {
        var cases = AskEval.Read(file);
        var result = AskEval.Run(search, cases, language);
        misses.AddRange(result.Misses.Select(m => $"search {Code(language)}: {m}"));
        double? modelAccuracy = null;
        if (model is not null)
        {
            var hits = 0;
            foreach (var c in cases)
                if ((await model.AskAsync(c.Question, language, ct)).Take(AskEval.Top).Any(id => c.Expect.Contains(id, StringComparer.OrdinalIgnoreCase))) hits++;
            modelAccuracy = Ratio(hits, cases.Count);
        }
        return new EvalRow("ask", Code(language), $"top-{AskEval.Top}", cases.Count, null, result.Accuracy, modelAccuracy);
    }

    private static bool Same(JsonElement expected, JsonElement actual) => expected.ValueKind switch
    {
        JsonValueKind.Null => actual.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined,
        JsonValueKind.True or JsonValueKind.False => actual.ValueKind == expected.ValueKind,
        JsonValueKind.String => actual.ValueKind == JsonValueKind.String && actual.GetString() == expected.GetString(),
        _ => false,
    };

    private static double Ratio(int right, int cases) => cases == 0 ? 0 : (double)right / cases;

    private static string Percent(double? value) => value is { } v ? (100 * v).ToString("F1", CultureInfo.InvariantCulture) + "%" : "—";

    private static string Code(Language language) => language == Language.Ru ? "ru" : "en";

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
