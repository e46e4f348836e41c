using System.Globalization;
using System.Text;
using System.Text.Json;
using AccountCoachBot.Features.People;
using AccountCoachBot.Features.Promises.Parsing;

namespace AccountCoachBot.Ai.Extraction;

/// <summary>
/// Free text the grammar missed, read by the model into account, contact, action and due, then checked by code:
/// the model proposes, this class decides what of it is believable. The model sees the message and the person's own
/// client names, nothing else.
/// </summary>
public sealed class PromiseExtractor(ModelGate gate, PromptLibrary prompts)
{
    public static readonly TimeSpan Horizon = TimeSpan.FromDays(366);
    private const int MaxAction = 200;
    private const int MaxName = 100;

    public async Task<ExtractedPromise?> ExtractAsync(string text, ParseContext context, CancellationToken ct)
    {
        var json = await gate.CompleteJsonAsync(prompts[PromptLibrary.ExtractPromise], Data(text, context), ct);
        return json is null ? null : Validate(json.Value, text, context);
    }

    /// <summary>The request: today in the person's zone, their client names and the message, each as marked data.</summary>
    public static string Data(string text, ParseContext context)
    {
        var now = context.Now;
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"Today: {now:ddd yyyy-MM-dd HH:mm} ({context.Zone.Id}). Working day ends {context.Hours.End:HH\\:mm}.\n");
        sb.Append("The person's clients:\n").Append(UntrustedText.Mark("client-names", string.Join("; ", context.KnownAccounts))).Append('\n');
        sb.Append("Message:\n").Append(UntrustedText.Mark("user-message", text));
        return sb.ToString();
    }

    /// <summary>Null when the answer is not a promise or does not follow the schema.</summary>
    public static ExtractedPromise? Validate(JsonElement json, string text, ParseContext context)
    {
        if (!json.TryGetProperty("isPromise", out var isPromise) || isPromise.ValueKind != JsonValueKind.True) return null;
        var action = Str(json, "action");
        if (action is null || action.Length > MaxAction) return null;

        var (account, known) = Account(Str(json, "account"), text, context.KnownAccounts);
        var contact = Str(json, "contact") is { Length: <= MaxName } c && Mentions(text, c) ? c : null;
        var due = Due(Str(json, "due"), context);
        // As for the parser: with neither a believable client nor a date there is nothing to track.
        return account is null && due is null ? null : new ExtractedPromise(account, known, contact, action, due);
    }

    /// <summary>One of the person's clients (their spelling), or a new name the message really contains; else none.</summary>
    private static (string? Name, bool Known) Account(string? name, string text, IReadOnlyCollection<string> known)
    {
        if (name is null || name.Length > MaxName) return (null, false);
        var own = known.FirstOrDefault(k => string.Equals(k.Trim(), name, StringComparison.OrdinalIgnoreCase));
        if (own is not null) return (own, true);
        return Mentions(text, name) ? (name, false) : (null, false);
    }

    /// <summary>
    /// The message contains the name: each word of it, allowing a Russian case ending («Ромашки» for «Ромашка»).
    /// A name the model made up, or took from an instruction to list someone else's records, is not in the text.
    /// </summary>
    public static bool Mentions(string text, string name)
    {
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return words.Length > 0 && words.All(w =>
            text.Contains(w.Length > 4 ? w[..^2] : w, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>A local "yyyy-MM-dd" (end of the working day) or "yyyy-MM-ddTHH:mm", ahead of now and within a year.</summary>
    public static DateTime? Due(string? value, ParseContext context)
    {
        if (value is null) return null;
        DateTime local;
        if (DateTime.TryParseExact(value, "yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var at)) local = at;
        else if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)) local = day.ToDateTime(context.Hours.End);
        else return null;

        if (context.Zone.IsInvalidTime(local)) local = local.AddHours(1); // a clock-change gap
        var utc = TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), context.Zone);
        var now = context.Now.UtcDateTime;
        return utc > now && utc <= now + Horizon ? utc : null;
    }

    private static string? Str(JsonElement json, string property) =>
        json.TryGetProperty(property, out var v) && v.ValueKind == JsonValueKind.String && v.GetString()?.Trim() is { Length: > 0 } s ? s : null;
}
