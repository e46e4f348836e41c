using System.Text.Json;

namespace AccountCoachBot.Channels.Slack;

/// <summary>Where the bot can speak to a person in Slack again: their DM with the bot (or a channel).</summary>
public sealed record SlackReference(string Team, string Channel, string User)
{
    public const string Transport = "slack";

    public static string IdentityOf(string team, string user) => $"{team}:{user}";

    /// <summary>
    /// The inbox lane of what a person sends (<see cref="Inbox.InboxItem.ConversationKey"/>): one person's requests run
    /// in order, and one person's slow turn (an answer from the model, Slack slow to reply) holds nobody else's. Null
    /// when the request names nobody: then it waits in Slack's own lane.
    /// </summary>
    public static string? ConversationKeyOf(string? team, string? user) =>
        string.IsNullOrEmpty(team) || string.IsNullOrEmpty(user) ? null : $"{Transport}:{team}:{user}";

    public string AddressKey => $"{Transport}|{Team}|{Channel}";

    public string ToJson() => JsonSerializer.Serialize(this, JsonSerializerOptions.Web);

    public static SlackReference? FromJson(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<SlackReference>(json, JsonSerializerOptions.Web);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
