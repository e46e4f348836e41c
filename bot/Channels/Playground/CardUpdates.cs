using System.Text.Json.Nodes;
using AccountCoachBot.Channels.BotFramework;

namespace AccountCoachBot.Channels.Playground;

/// <summary>
/// Web Chat's Action.Submit says nothing about the card it was pressed on, so the pipeline could not replace that card
/// (a reminder becoming "Done — on time", as in Teams). Each submit's data carries its card's activity id under
/// <see cref="Key"/>; it is taken out again before the turn sees the value.
/// </summary>
public static class CardUpdates
{
    public const string Key = "playground.card";

    /// <summary>Gives the activity its id now and marks every Action.Submit in its cards with it.</summary>
    public static void Tag(Activity activity, string id)
    {
        activity.Id = id;
        foreach (var attachment in activity.Attachments ?? [])
            if (attachment.ContentType == AdaptiveCardRenderer.ContentType && attachment.Content is JsonObject card)
                TagSubmits(card, id);
    }

    /// <summary>The id of the card the submit came from, removed from the value; null when it carries none.</summary>
    public static string? Take(JsonNode? value)
    {
        if (value is not JsonObject data || data[Key] is not JsonValue node || !node.TryGetValue<string>(out var id)) return null;
        data.Remove(Key);
        return id;
    }

    private static void TagSubmits(JsonNode? node, string id)
    {
        switch (node)
        {
            case JsonObject obj:
                if (obj["type"]?.GetValueKind() == System.Text.Json.JsonValueKind.String && obj["type"]!.GetValue<string>() == "Action.Submit"
                    && obj["data"] is JsonObject data)
                    data[Key] = id;
                foreach (var (_, child) in obj) TagSubmits(child, id);
                break;
            case JsonArray array:
                foreach (var child in array) TagSubmits(child, id);
                break;
        }
    }
}
