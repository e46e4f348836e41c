using System.Net;
using System.Text;
using AccountCoachBot.Channels.Slack;
using AccountCoachBot.Tests.Infrastructure;

namespace AccountCoachBot.Tests.Channels.Slack;

/// <summary>Signed slash commands for a bot in a process of its own, and the wait for their answers on Slack's side.</summary>
internal static class SlashCommandBurst
{
    /// <summary>One <c>/coach help</c> from <paramref name="user"/>, its <c>trigger_id</c> and response_url named by <paramref name="trigger"/>.</summary>
    public static async Task<HttpStatusCode> SendAsync(HttpClient http, FakeSlackApi slack, string secret, string user, string trigger)
    {
        var form = string.Join('&', new Dictionary<string, string>
        {
            ["team_id"] = FakeSlackApi.TeamId, ["channel_id"] = "C0SALES", ["user_id"] = user, ["command"] = "/coach",
            ["text"] = "help", ["trigger_id"] = trigger, ["response_url"] = slack.ResponseUrl(trigger),
        }.Select(kv => $"{Uri.EscapeDataString(kv.Key)}={Uri.EscapeDataString(kv.Value)}"));
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, "slack/commands")
        {
            Content = new StringContent(form, Encoding.UTF8, "application/x-www-form-urlencoded"),
        };
        request.Content.Headers.ContentType!.CharSet = null;
        request.Headers.Add(SlackSignatureVerifier.TimestampHeader, timestamp);
        request.Headers.Add(SlackSignatureVerifier.SignatureHeader, SlackSignatureVerifier.Sign(secret, timestamp, Encoding.UTF8.GetBytes(form)));
        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }

    /// <summary>Until every command has an answer on its response_url; the bot is another process, so its calls are watched.</summary>
    public static async Task AnsweredAsync(FakeSlackApi slack, IReadOnlyList<string> triggers, BotProcess bot, TimeSpan? within = null)
    {
        var limit = within ?? HangGuard.Limit;
        using var guard = new CancellationTokenSource(limit);
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        while (true)
        {
            var answered = slack.CallsTo(FakeSlackApi.ResponseUrlMethod).Select(c => c.ResponseId).ToHashSet();
            var missing = triggers.Where(t => !answered.Contains(t)).ToList();
            if (missing.Count == 0) return;
            Assert.False(bot.HasExited, $"the {bot.Name} process exited:\n{bot.Log}");
            Assert.False(guard.IsCancellationRequested, $"never answered within {limit.TotalSeconds:0} s: {string.Join(", ", missing)}\n{bot.Log}");
            await timer.WaitForNextTickAsync(CancellationToken.None);
        }
    }

    /// <summary>Until nothing waits in the inbox (<paramref name="pending"/> counts it): a turn's row is saved after its answer.</summary>
    public static async Task HandledAsync(Func<Task<int>> pending, BotProcess bot, TimeSpan? within = null)
    {
        var limit = within ?? HangGuard.Limit;
        using var guard = new CancellationTokenSource(limit);
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        while (await pending() is var left and > 0)
        {
            Assert.False(bot.HasExited, $"the {bot.Name} process exited:\n{bot.Log}");
            Assert.False(guard.IsCancellationRequested, $"{left} request(s) still pending after {limit.TotalSeconds:0} s\n{bot.Log}");
            await timer.WaitForNextTickAsync(CancellationToken.None);
        }
    }
}
