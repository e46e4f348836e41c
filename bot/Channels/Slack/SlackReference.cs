using System.Text.Json;

namespace AccountCoachBot.Channels.Slack;

/// <summary>Where the bot can speak to a person in Slack again: their DM with the bot (or a channel).</summary>
public sealed record SlackReference(string Team, string Channel, string User)
{
    public const string Transport = "slack";

    public static string IdentityOf(string team, string user) => $"{team}:{user}";

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
