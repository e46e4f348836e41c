using AccountCoachBot.Channels.Inbox;
using System.Text;
using System.Text.Json.Nodes;
using AccountCoachBot.Channels.Slack;
using AccountCoachBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace AccountCoachBot.Tests.Features.Digests;

/// <summary>
/// The Monday digest in Slack, through the real bot and the loopback Slack API: the figures as a message, then the
/// chart through the external upload, in the channel the lead named.
/// </summary>
public sealed class DigestDeliverySlackTests : IAsyncLifetime
{
    private const string Secret = "test-signing-secret";
    private const string Token = "xoxb-test-token";
    private const string Lead = "U0OLGA";
    private static readonly DateTime Monday0900Berlin = new(2026, 11, 30, 8, 0, 0, DateTimeKind.Utc);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 30, 7, 0, 0, TimeSpan.Zero));
    private readonly TestDatabase _db = new();
    private readonly HttpClient _http = new();
    private FakeSlackApi _slack = null!;
    private BotHost _bot = null!;
    private int _events;

    public async Task InitializeAsync()
    {
        _slack = await FakeSlackApi.StartAsync(Token);
        _slack.AddUser(new SlackUserSeed(Lead, "olga", Tz: "Europe/Berlin", Email: "olga@example.com", RealName: "Olga Petrova"));
        _bot = await BotHost.StartAsync(_db.Path, _time, new Dictionary<string, string?>
        {
            ["Slack:BotToken"] = Token, ["Slack:SigningSecret"] = Secret, ["Slack:ApiBaseUrl"] = _slack.BaseUrl,
        });
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _slack.DisposeAsync();
        _http.Dispose();
        _db.Dispose();
    }

    /// <summary>A DM from the lead; returns the text of the bot's last answer there.</summary>
    private async Task<string> SlackAsync(string text)
    {
        var posts = _slack.CallsTo("chat.postMessage").Count;
        var e = new JsonObject
        {
            ["type"] = "message", ["channel_type"] = "im", ["channel"] = _slack.DmChannelOf(Lead), ["user"] = Lead, ["text"] = text,
            ["ts"] = $"1700000{++_events:D3}.000100",
        };
        var body = new JsonObject { ["type"] = "event_callback", ["team_id"] = FakeSlackApi.TeamId, ["event_id"] = $"Ev{_events:D4}", ["event"] = e }.ToJsonString();
        var ts = _time.GetUtcNow().ToUnixTimeSeconds().ToString();
        using var request = new HttpRequestMessage(HttpMethod.Post, _bot.BaseUrl + "slack/events") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add(SlackSignatureVerifier.TimestampHeader, ts);
        request.Headers.Add(SlackSignatureVerifier.SignatureHeader, SlackSignatureVerifier.Sign(Secret, ts, Encoding.UTF8.GetBytes(body)));
        Assert.True((await _http.SendAsync(request)).IsSuccessStatusCode);
        await _slack.WaitForCallsAsync("chat.postMessage", posts + 1);
        var handled = _events;
        await _bot.WaitUntilAsync(async db => await db.Inbox.CountAsync(i => i.Transport == "slack" && i.Status != InboxStatus.Pending) >= handled, "the Slack inbox");
        return _slack.CallsTo("chat.postMessage")[^1].Arg("text") ?? "";
    }

    private async Task PostSignedAsync(string path, string body, string contentType)
    {
        var ts = _time.GetUtcNow().ToUnixTimeSeconds().ToString();
        using var request = new HttpRequestMessage(HttpMethod.Post, _bot.BaseUrl + path) { Content = new StringContent(body, Encoding.UTF8, contentType) };
        request.Headers.Add(SlackSignatureVerifier.TimestampHeader, ts);
        request.Headers.Add(SlackSignatureVerifier.SignatureHeader, SlackSignatureVerifier.Sign(Secret, ts, Encoding.UTF8.GetBytes(body)));
        Assert.True((await _http.SendAsync(request)).IsSuccessStatusCode);
    }

    /// <summary>`/coach …` typed in <paramref name="channel"/>; returns the answer, which Slack shows to the lead alone.</summary>
    private async Task<string> CommandAsync(string text, string channel)
    {
        var answers = _slack.CallsTo(FakeSlackApi.ResponseUrlMethod).Count;
        var trigger = $"trig-{++_events}";
        var form = new Dictionary<string, string>
        {
            ["token"] = "legacy", ["team_id"] = FakeSlackApi.TeamId, ["channel_id"] = channel, ["user_id"] = Lead, ["command"] = "/coach",
            ["text"] = text, ["trigger_id"] = trigger, ["response_url"] = _slack.ResponseUrl(trigger),
        };
        await PostSignedAsync("slack/commands", string.Join('&', form.Select(kv => $"{Uri.EscapeDataString(kv.Key)}={Uri.EscapeDataString(kv.Value)}")),
            "application/x-www-form-urlencoded");
        await _slack.WaitForCallsAsync(FakeSlackApi.ResponseUrlMethod, answers + 1);
        var handled = _events;
        await _bot.WaitUntilAsync(async db => await db.Inbox.CountAsync(i => i.Transport == "slack" && i.Status != InboxStatus.Pending) >= handled, "the Slack inbox");
        return _slack.CallsTo(FakeSlackApi.ResponseUrlMethod)[^1].Arg("text") ?? "";
    }

    /// <summary>`@AccountCoachBot …` in a channel; returns the answer, posted in the message's thread there.</summary>
    private async Task<string> MentionAsync(string text, string channel)
    {
        var posts = _slack.CallsTo("chat.postMessage").Count;
        var e = new JsonObject { ["type"] = "app_mention", ["channel"] = channel, ["user"] = Lead, ["text"] = $"<@{FakeSlackApi.BotUserId}> {text}", ["ts"] = $"1700000{++_events:D3}.000100" };
        var body = new JsonObject { ["type"] = "event_callback", ["team_id"] = FakeSlackApi.TeamId, ["event_id"] = $"Ev{_events:D4}", ["event"] = e }.ToJsonString();
        await PostSignedAsync("slack/events", body, "application/json");
        var post = (await _slack.WaitForCallsAsync("chat.postMessage", posts + 1))[^1];
        var handled = _events;
        await _bot.WaitUntilAsync(async db => await db.Inbox.CountAsync(i => i.Transport == "slack" && i.Status != InboxStatus.Pending) >= handled, "the Slack inbox");
        Assert.Equal(channel, post.Arg("channel"));
        return post.Arg("text") ?? "";
    }

    private async Task SeedTeamAsync(string hello = "hello")
    {
        await SlackAsync(hello);
        await _bot.WithDbAsync(async db => await DigestScheduleKit.SeedTeamAsync(db, (await db.People.SingleAsync()).Id, new DateOnly(2026, 11, 23)));
    }

    private Task<int> SettingsCountAsync() => _bot.WithDbAsync(db => db.Set<AccountCoachBot.Features.Digests.DigestDelivery>().CountAsync());

    [Fact]
    public async Task DigestChannelHere_AsASlashCommandInAChannel_TakesThatChannel_AndTheMondayDigestGoesThere()
    {
        _slack.AddChannel("C0SALES", "sales-east");
        await SeedTeamAsync();

        var set = await CommandAsync("digest channel here", "C0SALES");
        _time.SetUtcNow(Monday0900Berlin);
        Assert.Equal(1, await _bot.RunDispatcherAsync());

        Assert.Equal("The digest for Sales East will go to <#C0SALES>.", set);
        Assert.Equal("C0SALES", Assert.Single(_slack.CallsTo("conversations.info")).Arg("channel"));
        var post = Assert.Single(_slack.CallsTo("chat.postMessage"), c => c.Arg("channel") == "C0SALES");
        Assert.Contains("Team Sales East, 23–29 Nov 2026", post.Arg("text"));
    }

    [Fact]
    public async Task DigestChannelHere_AsAMentionInAChannel_TakesThatChannel_InRussian()
    {
        _slack.AddChannel("C0SALES", "sales-east");
        await SeedTeamAsync("привет");

        var set = await MentionAsync("сводка канал здесь", "C0SALES");
        var shown = await SlackAsync("сводка расписание");

        Assert.Equal("Сводка команды «Sales East» будет приходить в <#C0SALES>.", set);
        Assert.Equal("Еженедельная сводка команды «Sales East»: по понедельникам в 09:00 (Europe/Berlin), в <#C0SALES>.", shown);
    }

    [Theory]
    [InlineData("hello", "digest channel here", "I'm not in <#C0OTHER> yet, so I couldn't post the digest there. Invite me (`/invite @AccountCoachBot` in the channel) and try again. Nothing changed.")]
    [InlineData("привет", "сводка канал здесь", "Меня пока нет в <#C0OTHER>, поэтому публиковать туда сводку я не смогу. Пригласите меня (`/invite @AccountCoachBot` в канале) и повторите команду. Ничего не изменилось.")]
    public async Task DigestChannelHere_SaysToInviteTheBot_AndChangesNothing_WhenTheBotIsNotInTheChannel(string hello, string command, string answer)
    {
        _slack.AddChannel("C0OTHER", "other", botIsMember: false);
        await SeedTeamAsync(hello);

        Assert.Equal(answer, await CommandAsync(command, "C0OTHER"));
        Assert.Equal(0, await SettingsCountAsync());
    }

    [Theory]
    [InlineData("hello", "digest channel #C0PRIVATE", "I can't see <#C0PRIVATE>: check the channel, and if it's private, invite me first (`/invite @AccountCoachBot` in the channel). Nothing changed.")]
    [InlineData("привет", "сводка канал #C0PRIVATE", "Я не вижу <#C0PRIVATE>: проверьте канал, а если он закрытый, сначала пригласите меня (`/invite @AccountCoachBot` в канале). Ничего не изменилось.")]
    public async Task DigestChannel_SaysItCantSeeAPrivateChannel_AndChangesNothing(string hello, string command, string answer)
    {
        _slack.AddChannel("C0PRIVATE", "secret", botIsMember: false, isPrivate: true);
        await SeedTeamAsync(hello);

        Assert.Equal(answer, await SlackAsync(command));
        Assert.Equal(0, await SettingsCountAsync());
    }

    [Theory]
    [InlineData("hello", "digest channel here", "`here` means the channel you type it in, and this is your own chat with me")]
    [InlineData("привет", "сводка канал здесь", "`здесь` — это канал, в котором вы пишете команду, а это ваш личный чат со мной")]
    public async Task DigestChannelHere_InTheDm_SaysHowToPickAChannel_AndChangesNothing(string hello, string command, string answer)
    {
        await SeedTeamAsync(hello);

        var typed = await SlackAsync(command);
        var slashed = await CommandAsync(command, _slack.DmChannelOf(Lead));

        Assert.StartsWith(answer, typed);
        Assert.StartsWith(answer, slashed);
        Assert.Contains(hello == "hello" ? "`/coach digest channel here` in the channel" : "`/coach сводка канал здесь` в самом канале", typed);
        Assert.Equal(0, await SettingsCountAsync());
        Assert.Empty(_slack.CallsTo("conversations.info"));
    }

    [Fact]
    public async Task DigestChannel_NamingASlackChannel_PostsTheDigestThere_WithTheChartUploaded()
    {
        _slack.AddChannel("C0SALES", "sales-east");
        await SlackAsync("hello");
        await _bot.WithDbAsync(async db => await DigestScheduleKit.SeedTeamAsync(db, (await db.People.SingleAsync()).Id, new DateOnly(2026, 11, 23)));

        var set = await SlackAsync("digest channel <#C0SALES|sales-east>");
        _time.SetUtcNow(Monday0900Berlin);
        Assert.Equal(1, await _bot.RunDispatcherAsync());
        Assert.Equal(0, await _bot.RunDispatcherAsync());

        Assert.Equal("The digest for Sales East will go to <#C0SALES>.", set);
        var post = Assert.Single(_slack.CallsTo("chat.postMessage"), c => c.Arg("channel") == "C0SALES");
        Assert.Contains("Team Sales East, 23–29 Nov 2026", post.Arg("text"));
        await _slack.WaitForCallsAsync("files.completeUploadExternal", 1);
        var file = Assert.Single(_slack.Files);
        Assert.Equal(("C0SALES", true), (file.SharedTo, file.Completed));
        Assert.Equal([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], file.Bytes![..8]);
    }
}
