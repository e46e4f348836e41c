using System.Text.Json;

namespace AccountCoachBot.Ai;

/// <summary>
/// The model's prompts, files in <c>prompts/ai/</c> loaded once at start: <c>{name}.system.md</c> (its first line
/// <c>version: N</c>), <c>{name}.schema.json</c> (<c>version</c>, <c>name</c>, <c>description</c>, <c>schema</c>)
/// and <c>{name}.examples.json</c> (<c>version</c>, <c>examples</c>: <c>input</c> and <c>output</c>). A missing or
/// unversioned file fails the start, not the first conversation.
/// </summary>
public sealed class PromptLibrary
{
    public const string ExtractPromise = "extract-promise";
    public const string BriefSummary = "brief-summary";
    public const string Answer = "answer";
    public static readonly IReadOnlyList<string> Names = [ExtractPromise, BriefSummary, Answer];

    private readonly Dictionary<string, Prompt> _prompts;

    private PromptLibrary(Dictionary<string, Prompt> prompts) => _prompts = prompts;

    public Prompt this[string name] => _prompts[name];

    public IEnumerable<Prompt> All => _prompts.Values;

    /// <summary>The directory the bot ships prompts in: <c>prompts/ai</c> beside the app's binaries.</summary>
    public static string DefaultDirectory => Path.Combine(AppContext.BaseDirectory, "prompts", "ai");

    public static PromptLibrary Load(string? promptsDirectory = null)
    {
        var dir = promptsDirectory is null ? DefaultDirectory : Path.Combine(Path.GetFullPath(promptsDirectory, AppContext.BaseDirectory), "ai");
        return new PromptLibrary(Names.ToDictionary(n => n, n => LoadOne(dir, n), StringComparer.Ordinal));
    }

    private static Prompt LoadOne(string dir, string name)
    {
        var systemPath = Path.Combine(dir, $"{name}.system.md");
        var lines = File.ReadAllLines(systemPath);
        var systemVersion = (lines.Length > 0 ? VersionLine(lines[0]) : null)
            ?? throw new InvalidDataException($"{systemPath}: the first line must be 'version: N'.");
        var system = string.Join('\n', lines.Skip(1)).Trim();
        if (system.Length == 0) throw new InvalidDataException($"{systemPath}: the prompt is empty.");

        var schemaPath = Path.Combine(dir, $"{name}.schema.json");
        using var schemaDoc = JsonDocument.Parse(File.ReadAllText(schemaPath));
        var s = schemaDoc.RootElement;
        var schemaVersion = Required(s, "version", schemaPath);
        var schema = s.TryGetProperty("schema", out var body) && body.ValueKind == JsonValueKind.Object
            ? body.Clone() : throw new InvalidDataException($"{schemaPath}: 'schema' must be an object.");

        var examples = new List<PromptExample>();
        var examplesVersion = "0";
        var examplesPath = Path.Combine(dir, $"{name}.examples.json");
        if (File.Exists(examplesPath))
        {
            using var exDoc = JsonDocument.Parse(File.ReadAllText(examplesPath));
            examplesVersion = Required(exDoc.RootElement, "version", examplesPath);
            foreach (var e in exDoc.RootElement.GetProperty("examples").EnumerateArray())
                examples.Add(new PromptExample(e.GetProperty("input").GetString()!, e.GetProperty("output").GetRawText()));
        }

        return new Prompt(name, $"{name}/system {systemVersion}/schema {schemaVersion}/examples {examplesVersion}", system,
            Required(s, "name", schemaPath), Required(s, "description", schemaPath), schema, examples);
    }

    private static string? VersionLine(string line)
    {
        var trimmed = line.Trim();
        if (!trimmed.StartsWith("version:", StringComparison.OrdinalIgnoreCase)) return null;
        var version = trimmed["version:".Length..].Trim();
        return version.Length == 0 ? null : version;
    }

    private static string Required(JsonElement e, string property, string path) =>
        e.TryGetProperty(property, out var v) && v.ValueKind == JsonValueKind.String && v.GetString() is { Length: > 0 } s
            ? s : throw new InvalidDataException($"{path}: '{property}' is required.");
}
