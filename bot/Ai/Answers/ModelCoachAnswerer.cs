using System.Text;
using System.Text.Json;
using AccountCoachBot.Features.Coaching;
using AccountCoachBot.Features.People;

namespace AccountCoachBot.Ai.Answers;

/// <summary>
/// <see cref="ICoachAnswerer"/> on the model: the question, the retrieved principles and the person's records go as
/// marked data; the answer comes back in the schema and is checked here — cited ids outside the retrieved set are
/// dropped, an empty or overlong answer is a failure.
/// </summary>
public sealed partial class ModelCoachAnswerer(ModelGate gate, PromptLibrary prompts) : ICoachAnswerer
{
    private const int MaxAnswer = 1200;

    public bool IsAvailable => gate.IsAvailable;

    public async Task<CoachAnswer?> AnswerAsync(string question, IReadOnlyList<Principle> retrieved, PersonContext person, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(question)) return null;
        var json = await gate.CompleteJsonAsync(prompts[PromptLibrary.Answer], Data(question, retrieved, person), ct);
        return json is null ? null : Validate(json.Value, retrieved);
    }

    public static string Data(string question, IReadOnlyList<Principle> retrieved, PersonContext person)
    {
        var l = person.Language;
        var sb = new StringBuilder();
        sb.Append("Answer in ").Append(l == Language.Ru ? "Russian" : "English").Append(".\n");
        sb.Append("Principles (id: title — statement):\n");
        sb.Append(UntrustedText.Mark("principles", string.Join('\n', retrieved.Select(p => $"{p.Id}: {p.Title(l)} — {p.Statement(l)}")))).Append('\n');
        sb.Append("The person's open promises:\n").Append(UntrustedText.Mark("own-promises", string.Join('\n', person.OpenPromises))).Append('\n');
        sb.Append("The person's upcoming meetings:\n").Append(UntrustedText.Mark("own-meetings", string.Join('\n', person.Meetings))).Append('\n');
        sb.Append("The person's notes on the client's people:\n").Append(UntrustedText.Mark("own-notes", string.Join('\n', person.Notes))).Append('\n');
        sb.Append("Question:\n").Append(UntrustedText.Mark("user-question", question));
        return sb.ToString();
    }

    public static CoachAnswer? Validate(JsonElement json, IReadOnlyList<Principle> retrieved)
    {
        if (!json.TryGetProperty("answer", out var a) || a.ValueKind != JsonValueKind.String) return null;
        var allowed = retrieved.ToDictionary(p => p.Id, p => p.Id, StringComparer.OrdinalIgnoreCase);
        // An id quoted in the text that was not retrieved is not shown either.
        var text = QuotedId().Replace(a.GetString()!, m => allowed.ContainsKey(m.Groups[1].Value) ? m.Value : "").Trim();
        if (text.Length is 0 or > MaxAnswer) return null;
        var ids = json.TryGetProperty("principleIds", out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String)
                .Select(e => allowed.GetValueOrDefault(e.GetString()!.Trim())).OfType<string>().Distinct().ToList()
            : [];
        return new CoachAnswer(text, ids);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"`([a-z0-9]+(?:-[a-z0-9]+)+)`")]
    private static partial System.Text.RegularExpressions.Regex QuotedId();
}

/// <summary>No model configured: never available, always null.</summary>
public sealed class OfflineCoachAnswerer : ICoachAnswerer
{
    public bool IsAvailable => false;

    public Task<CoachAnswer?> AnswerAsync(string question, IReadOnlyList<Principle> retrieved, PersonContext person, CancellationToken ct) =>
        Task.FromResult<CoachAnswer?>(null);
}
