using System.Text.Json;
using System.Text.RegularExpressions;
using AccountCoachBot.Features.Coaching;
using AccountCoachBot.Features.People;

namespace AccountCoachBot.Features.MeetingPrep;

/// <summary>When a checklist item applies. Items without a condition always do.</summary>
public enum ChecklistCondition
{
    Always = 0,

    /// <summary>The meeting is marked important (never alone, and say why each colleague comes).</summary>
    Important = 1,

    /// <summary>Someone known on the client's side is an executive (what do they need to look good?).</summary>
    ClientExecutive = 2,

    /// <summary>There are open promises to this client.</summary>
    OpenPromises = 3,
}

/// <summary>What decides which items apply to one meeting.</summary>
public sealed record ChecklistSituation(bool Important, bool ClientExecutive, bool OpenPromises)
{
    public bool Holds(ChecklistCondition condition) => condition switch
    {
        ChecklistCondition.Important => Important,
        ChecklistCondition.ClientExecutive => ClientExecutive,
        ChecklistCondition.OpenPromises => OpenPromises,
        _ => true,
    };
}

/// <summary>One question. <see cref="Question"/> may name the client as <c>{0}</c>.</summary>
public sealed record ChecklistItem(
    string Id,
    LocalizedText Label,
    LocalizedText Question,
    LocalizedText? Hint,
    IReadOnlyList<string> Principles,
    ChecklistCondition When);

/// <summary>
/// A checklist from <c>prompts/checklists/*.json</c> (data, not code): items with a question in both languages,
/// the principles each rests on, and an optional condition. Loaded once and validated, like the principle catalog.
/// </summary>
public sealed partial class Checklist
{
    public const string PreMeeting = "pre-meeting";
    public const string Debrief = "debrief";
    public const string Folder = "checklists";

    public Checklist(string id, IReadOnlyList<ChecklistItem> items)
    {
        Id = id;
        Items = items;
    }

    public string Id { get; }
    public IReadOnlyList<ChecklistItem> Items { get; }

    public ChecklistItem? Find(string? id) => Items.FirstOrDefault(i => string.Equals(i.Id, id, StringComparison.Ordinal));

    public IReadOnlyList<ChecklistItem> ItemsFor(ChecklistSituation situation) => Items.Where(i => situation.Holds(i.When)).ToList();

    public IReadOnlyList<string> PrincipleIds(IEnumerable<ChecklistItem> items) => items.SelectMany(i => i.Principles).Distinct().ToList();

    /// <summary>The file of checklist <paramref name="id"/> under a prompts directory.</summary>
    public static string PathOf(string promptsDirectory, string id) => Path.Combine(promptsDirectory, Folder, id + ".json");

    /// <summary>Loads and validates one checklist; <paramref name="catalog"/> checks every cited principle exists.</summary>
    public static Checklist Load(string promptsDirectory, string id, PrincipleCatalog? catalog, IReadOnlyCollection<string>? requiredItemIds = null)
    {
        var path = PathOf(promptsDirectory, id);
        if (!File.Exists(path))
            throw new FileNotFoundException($"The checklist '{id}' was not found at '{path}'. The build copies prompts/ into its output.", path);
        try
        {
            var checklist = Parse(File.ReadAllText(path));
            var errors = checklist.Validate(catalog, requiredItemIds);
            if (errors.Count > 0)
                throw new InvalidDataException("The checklist is invalid:" + Environment.NewLine + string.Join(Environment.NewLine, errors.Select(e => " - " + e)));
            return checklist;
        }
        catch (Exception ex) when (ex is JsonException or InvalidDataException)
        {
            throw new InvalidDataException($"Cannot load '{path}': {ex.Message}", ex);
        }
    }

    /// <summary>Reads <c>{ "id": ..., "items": [ { "id", "label", "question", "hint"?, "principles", "when"? } ] }</c>.</summary>
    public static Checklist Parse(string json)
    {
        using var doc = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        var root = doc.RootElement;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("items", out var list) || list.ValueKind != JsonValueKind.Array)
            throw new InvalidDataException("Expected an object with an \"items\" array.");
        var items = new List<ChecklistItem>();
        var index = 0;
        foreach (var e in list.EnumerateArray())
        {
            if (e.ValueKind != JsonValueKind.Object) throw new InvalidDataException($"Item #{index} is not an object.");
            var id = String(e, "id") ?? "";
            var principles = e.TryGetProperty("principles", out var p) && p.ValueKind == JsonValueKind.Array
                ? p.EnumerateArray().Select(x => x.ValueKind == JsonValueKind.String ? x.GetString() ?? "" : "").ToList()
                : [];
            var when = String(e, "when");
            var condition = when switch
            {
                null => ChecklistCondition.Always,
                "important" => ChecklistCondition.Important,
                "clientExecutive" => ChecklistCondition.ClientExecutive,
                "openPromises" => ChecklistCondition.OpenPromises,
                _ => throw new InvalidDataException($"Item '{id}': unknown condition \"{when}\" (allowed: important, clientExecutive, openPromises)."),
            };
            items.Add(new ChecklistItem(id, Localized(e, "label") ?? new("", ""), Localized(e, "question") ?? new("", ""), Localized(e, "hint"), principles, condition));
            index++;
        }
        return new Checklist(String(root, "id") ?? "", items);
    }

    /// <summary>One message per problem: ids, both languages, placeholders, «вы», principles that exist.</summary>
    public IReadOnlyList<string> Validate(PrincipleCatalog? catalog, IReadOnlyCollection<string>? requiredItemIds = null)
    {
        var errors = new List<string>();
        if (Items.Count == 0) errors.Add("The checklist has no items.");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in Items)
        {
            var where = $"Item '{item.Id}'";
            if (!KebabCase().IsMatch(item.Id)) errors.Add($"{where}: the id must be kebab-case.");
            if (!seen.Add(item.Id)) errors.Add($"{where}: duplicate id.");
            foreach (var (name, text) in new[] { ("label", item.Label), ("question", item.Question) }.Concat(item.Hint is null ? [] : new[] { ("hint", item.Hint) }))
            {
                if (string.IsNullOrWhiteSpace(text.En) || string.IsNullOrWhiteSpace(text.Ru)) { errors.Add($"{where}: {name} needs both en and ru."); continue; }
                if (LanguageExtensions.FromScript(text.Ru) != Language.Ru) errors.Add($"{where}: {name}.ru is not Russian.");
                if (LanguageExtensions.FromScript(text.En) != Language.En) errors.Add($"{where}: {name}.en is not English.");
                if (Ty().IsMatch(text.Ru)) errors.Add($"{where}: {name}.ru uses «ты»; the coach says «вы».");
                var en = Placeholders(text.En);
                var ru = Placeholders(text.Ru);
                if (!en.SequenceEqual(ru)) errors.Add($"{where}: {name} has different placeholders in en and ru.");
                if (en.Any(p => p != "{0}")) errors.Add($"{where}: {name} may only use {{0}} (the client's name).");
            }
            if (item.Principles.Count == 0) errors.Add($"{where}: cites no principle.");
            if (catalog is not null)
                foreach (var id in item.Principles.Where(id => !catalog.Contains(id)))
                    errors.Add($"{where}: unknown principle '{id}'.");
        }
        foreach (var id in requiredItemIds ?? [])
            if (!seen.Contains(id)) errors.Add($"Item '{id}' is missing: the code relies on it.");
        return errors;
    }

    private static string[] Placeholders(string s) => Placeholder().Matches(s).Select(m => m.Value).Distinct().Order().ToArray();

    private static LocalizedText? Localized(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Object ? new LocalizedText(String(v, "en") ?? "", String(v, "ru") ?? "") : null;

    private static string? String(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex KebabCase();

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"(?<![\p{L}])(ты|тебя|тебе|тобой|твой|твоя|твоё|твое|твои|твоих)(?![\p{L}])", RegexOptions.IgnoreCase)]
    private static partial Regex Ty();
}

/// <summary>Item ids the code gives meaning to (flags, contacts, promises). The loader insists they exist.</summary>
public static class ChecklistItemIds
{
    public const string OutcomeAndAsk = "outcome-and-ask";
    public const string ClientAttendees = "client-attendees";
    public const string OurAttendees = "our-attendees";
    public const string OpenPromises = "open-promises";

    public static readonly IReadOnlyList<string> PreMeetingRequired = [OutcomeAndAsk, ClientAttendees, OurAttendees, OpenPromises];

    // Debrief
    public const string Promised = "promised";
    public const string TheirPeople = "their-people";

    public static readonly IReadOnlyList<string> DebriefRequired = [Promised, TheirPeople];
}

/// <summary>The two checklists the feature uses, loaded from the prompts directory beside the app.</summary>
public sealed class MeetingChecklists(Checklist preMeeting, Checklist debrief)
{
    public Checklist PreMeeting { get; } = preMeeting;
    public Checklist Debrief { get; } = debrief;

    public Checklist For(MeetingPhase phase) => phase == MeetingPhase.Debrief ? Debrief : PreMeeting;

    public static MeetingChecklists Load(string? promptsDirectory, PrincipleCatalog catalog)
    {
        var dir = string.IsNullOrWhiteSpace(promptsDirectory) ? PrincipleCatalog.DefaultDirectory : Path.GetFullPath(promptsDirectory, AppContext.BaseDirectory);
        return new MeetingChecklists(
            Checklist.Load(dir, Checklist.PreMeeting, catalog, ChecklistItemIds.PreMeetingRequired),
            Checklist.Load(dir, Checklist.Debrief, catalog, ChecklistItemIds.DebriefRequired));
    }
}
