using System.Text.Json;
using AccountCoachBot.Conversation;
using AccountCoachBot.Features.MeetingPrep;
using AccountCoachBot.Features.People;

namespace AccountCoachBot.Ai.Briefs;

/// <summary>
/// After a brief, three written lines from the model, marked as AI-written. The model gets the brief exactly as the
/// person was shown it (their own notes for this meeting, nothing else) as marked data. When the model fails,
/// nothing follows: the brief was the answer.
/// </summary>
public sealed class BriefSummaryFollowUp(ModelGate gate, PromptLibrary prompts, AiFollowUps followUps, AfterTurn afterTurn) : IBriefFollowUp
{
    private const int MaxLine = 240;

    public void After(Turn turn, Meeting meeting, Reply brief)
    {
        if (!gate.IsAvailable) return;
        var data = Data(turn.Language, PlainTextRenderer.Render(brief));
        var (personId, addressId) = (turn.Person.Id, turn.Address.Id);
        afterTurn.Add(() => followUps.Start(personId, addressId, "brief summary", async (f, ct) =>
        {
            var json = await gate.CompleteJsonAsync(prompts[PromptLibrary.BriefSummary], data, ct);
            return Lines(json) is { } lines ? [Reply(lines, f.Person.Language)] : [];
        }));
    }

    public static string Data(Language language, string briefText) =>
        $"Write in {(language == Language.Ru ? "Russian" : "English")}.\nThe brief:\n{UntrustedText.Mark("meeting-brief", briefText)}";

    /// <summary>Exactly three non-empty short lines, or null.</summary>
    public static IReadOnlyList<string>? Lines(JsonElement? json)
    {
        if (json is not { } j || !j.TryGetProperty("lines", out var lines) || lines.ValueKind != JsonValueKind.Array) return null;
        var texts = lines.EnumerateArray().Select(l => l.ValueKind == JsonValueKind.String ? l.GetString()?.Trim() : null).ToList();
        return texts.Count == 3 && texts.All(t => t is { Length: > 0 and <= MaxLine }) ? texts.Select(t => t!).ToList() : null;
    }

    public static Reply Reply(IReadOnlyList<string> lines, Language language)
    {
        var title = AiTexts.BriefSummaryTitle[language];
        return new Reply(string.Join('\n', lines.Prepend(title)), new Card(title, Lines: lines));
    }
}
