using System.Text.Json;

namespace AccountCoachBot.Conversation;

/// <summary>An action waiting for one more answer from the person (a date, a reason).</summary>
/// <param name="FreeText">The answer is a sentence (a reason, a checklist answer), so only a bare command outranks it.</param>
/// <param name="Dropped">What to say, in the person's language, when a command is typed instead of the answer.</param>
public sealed record PendingPrompt(string ActionId, Dictionary<string, string> Payload, string AwaitingInput, bool FreeText = true, string? Dropped = null)
{
    public static string Serialize(PendingPrompt prompt) => JsonSerializer.Serialize(prompt);

    public static PendingPrompt? TryDeserialize(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return null;
        try
        {
            return JsonSerializer.Deserialize<PendingPrompt>(json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
