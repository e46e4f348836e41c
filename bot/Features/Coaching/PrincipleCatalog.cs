using System.Text.Json;
using System.Text.RegularExpressions;

namespace AccountCoachBot.Features.Coaching;

/// <summary>
/// The principle catalog: <c>prompts/principles.json</c>, loaded once and validated.
/// The file is either an array of principles or an object with a <c>principles</c> array.
/// </summary>
public sealed partial class PrincipleCatalog
{
    public const string FileName = "principles.json";

    /// <summary>Configuration key for a directory holding <see cref="FileName"/>; relative paths start at the app's base directory.</summary>
    public const string DirectoryConfigKey = "Coaching:PromptsDirectory";

    private readonly Dictionary<string, Principle> _byId;

    public PrincipleCatalog(IEnumerable<Principle> principles)
    {
        ArgumentNullException.ThrowIfNull(principles);
        All = principles.ToList().AsReadOnly();
        var errors = Validate(All);
        if (errors.Count > 0)
        {
            throw new InvalidDataException("The principle catalog is invalid:" + Environment.NewLine + string.Join(Environment.NewLine, errors.Select(e => " - " + e)));
        }
        _byId = All.ToDictionary(p => p.Id, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The directory the bot ships the catalog in: <c>prompts/</c> beside the app's binaries.</summary>
    public static string DefaultDirectory => Path.Combine(AppContext.BaseDirectory, "prompts");

    public IReadOnlyList<Principle> All { get; }

    public int Count => All.Count;

    /// <summary>The principle with this id, or null. Ids compare case-insensitively.</summary>
    public Principle? Find(string? id) =>
        id is not null && _byId.TryGetValue(id.Trim(), out var principle) ? principle : null;

    /// <summary>The principle with this id; an unknown id is a programming error and throws.</summary>
    public Principle Get(string id) =>
        Find(id) ?? throw new KeyNotFoundException(
            $"Unknown principle id '{id}'. Ids live in prompts/{FileName}; code should use the constants in {nameof(PrincipleIds)}.");

    public bool Contains(string? id) => Find(id) is not null;

    public IReadOnlyList<Principle> WithTag(string tag) => All.Where(p => p.HasTag(tag)).ToList();

    /// <summary>Loads <see cref="FileName"/> from <paramref name="directory"/> (default: <see cref="DefaultDirectory"/>).</summary>
    public static PrincipleCatalog Load(string? directory = null)
    {
        var dir = string.IsNullOrWhiteSpace(directory)
            ? DefaultDirectory
            : Path.GetFullPath(directory, AppContext.BaseDirectory);
        var path = Path.Combine(dir, FileName);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException(
                $"The principle catalog was not found at '{path}'. The bot's build copies prompts/ into its output; " +
                $"set {DirectoryConfigKey} to point elsewhere.", path);
        }
        try
        {
            return Parse(File.ReadAllText(path));
        }
        catch (Exception ex) when (ex is JsonException or InvalidDataException)
        {
            throw new InvalidDataException($"Cannot load '{path}': {ex.Message}", ex);
        }
    }

    /// <summary>Parses catalog JSON: an array of principles, or <c>{ "principles": [...] }</c>.</summary>
    public static PrincipleCatalog Parse(string json)
    {
        using var doc = JsonDocument.Parse(json, new JsonDocumentOptions
        {
            AllowTrailingCommas = true,
            CommentHandling = JsonCommentHandling.Skip,
        });
        var root = doc.RootElement;
        JsonElement items;
        if (root.ValueKind == JsonValueKind.Array)
        {
            items = root;
        }
        else if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("principles", out var list) && list.ValueKind == JsonValueKind.Array)
        {
            items = list;
        }
        else
        {
            throw new InvalidDataException("Expected an array of principles or an object with a \"principles\" array.");
        }

        var principles = new List<Principle>();
        var index = 0;
        foreach (var item in items.EnumerateArray())
        {
            principles.Add(ReadPrinciple(item, index++));
        }
        return new PrincipleCatalog(principles);
    }

    private static Principle ReadPrinciple(JsonElement e, int index)
    {
        if (e.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidDataException($"Principle #{index} is not an object.");
        }
        var id = String(e, "id") ?? "";
        var where = id.Length > 0 ? $"'{id}'" : $"#{index}";
        var tags = new List<string>();
        if (e.TryGetProperty("tags", out var t))
        {
            if (t.ValueKind != JsonValueKind.Array)
            {
                throw new InvalidDataException($"Principle {where}: \"tags\" must be an array of strings.");
            }
            tags.AddRange(t.EnumerateArray().Select(x => x.ValueKind == JsonValueKind.String ? x.GetString() ?? "" : ""));
        }
        e.TryGetProperty("source", out var source);
        return new Principle(
            id,
            Localized(e, "title"),
            Localized(e, "statement"),
            tags.AsReadOnly(),
            new PrincipleSource(
                source.ValueKind == JsonValueKind.Object ? String(source, "seed") ?? "" : "",
                source.ValueKind == JsonValueKind.Object ? String(source, "quote") ?? "" : ""),
            Localized(e, "nextStep"),
            Localized(e, "keywords"));
    }

    private static LocalizedText Localized(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Object
            ? new LocalizedText(String(v, "en") ?? "", String(v, "ru") ?? "")
            : new LocalizedText("", "");

    private static string? String(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    /// <summary>Checks the rules every catalog keeps; returns one message per problem.</summary>
    public static IReadOnlyList<string> Validate(IEnumerable<Principle> principles)
    {
        var errors = new List<string>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var index = 0;
        foreach (var p in principles)
        {
            var where = string.IsNullOrWhiteSpace(p.Id) ? $"#{index}" : $"'{p.Id}'";
            index++;
            if (string.IsNullOrWhiteSpace(p.Id))
            {
                errors.Add($"Principle {where} has no id.");
            }
            else
            {
                if (!KebabCase().IsMatch(p.Id)) errors.Add($"Principle {where}: the id must be kebab-case (a-z, 0-9, single hyphens).");
                if (!seen.Add(p.Id)) errors.Add($"Principle {where}: duplicate id.");
            }
            if (string.IsNullOrWhiteSpace(p.Titles.En) || string.IsNullOrWhiteSpace(p.Titles.Ru)) errors.Add($"Principle {where}: title needs both en and ru.");
            if (string.IsNullOrWhiteSpace(p.Statements.En) || string.IsNullOrWhiteSpace(p.Statements.Ru)) errors.Add($"Principle {where}: statement needs both en and ru.");
            if (p.NextSteps is { } step && string.IsNullOrWhiteSpace(step.En) != string.IsNullOrWhiteSpace(step.Ru)) errors.Add($"Principle {where}: next step needs both en and ru.");
            if (p.Tags.Count == 0) errors.Add($"Principle {where}: needs at least one tag.");
            foreach (var tag in p.Tags.Where(tag => !PrincipleTags.All.Contains(tag)))
            {
                errors.Add($"Principle {where}: unknown tag '{tag}' (allowed: {string.Join(", ", PrincipleTags.All)}).");
            }
            if (string.IsNullOrWhiteSpace(p.Source.Seed) || string.IsNullOrWhiteSpace(p.Source.Quote)) errors.Add($"Principle {where}: source needs a seed file name and a quote.");
        }
        return errors;
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex KebabCase();
}
