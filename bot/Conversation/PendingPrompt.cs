using System.Text.Json;

namespace AccountCoachBot.Conversation;

/// <summary>An action waiting for one more answer from the person (a date, a reason).</summary>
public sealed record PendingPrompt(string ActionId, Dictionary<string, string> Payload, string AwaitingInput)
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
