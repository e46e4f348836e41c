using System.Text;
using System.Text.RegularExpressions;
using AccountCoachBot.Conversation;

namespace AccountCoachBot.Channels.Slack;

/// <summary>
/// Slack's markup for people and addresses in message text: <c>&lt;@U123&gt;</c> or <c>&lt;@U123|name&gt;</c> becomes
/// "@Name" with a <see cref="MentionedPerson"/> (profile from <c>users.info</c>: name, email, workspace), the bot's
/// own mention goes, and <c>&lt;mailto:a@b.com|a@b.com&gt;</c> becomes the plain address.
/// </summary>
public static partial class SlackMentions
{
    [GeneratedRegex(@"<@([UW][A-Z0-9]+)(?:\|([^>]*))?>")]
    private static partial Regex UserPattern();

    [GeneratedRegex(@"<mailto:([^|>]+)(?:\|[^>]*)?>")]
    private static partial Regex MailtoPattern();

    public static async Task<(string Text, IReadOnlyList<MentionedPerson>? Mentions)> ReadAsync(
        string text, string team, string? botUserId, SlackDirectory directory, CancellationToken ct)
    {
        text = MailtoPattern().Replace(text, m => m.Groups[1].Value);
        var mentions = new List<MentionedPerson>();
        var result = new StringBuilder();
        var at = 0;
        foreach (Match m in UserPattern().Matches(text))
        {
            result.Append(text, at, m.Index - at);
            at = m.Index + m.Length;
            var id = m.Groups[1].Value;
            if (id == botUserId) continue;
            var user = await directory.UserAsync(id, ct);
            var name = user?.RealName ?? user?.Name ?? (m.Groups[2].Success && m.Groups[2].Length > 0 ? m.Groups[2].Value : id);
            var shown = "@" + name;
            result.Append(shown);
            // A user of another workspace (a shared channel) is not one of ours to name.
            var foreign = user?.TeamId is { } userTeam && !string.Equals(userTeam, team, StringComparison.Ordinal);
            mentions.Add(new MentionedPerson(SlackReference.IdentityOf(team, id), shown, name, user?.Email, foreign));
        }
        result.Append(text, at, text.Length - at);
        return (result.ToString().Trim(), mentions.Count == 0 ? null : mentions);
    }
}
