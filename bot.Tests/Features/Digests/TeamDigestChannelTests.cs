using AccountCoachBot.Channels.Inbox;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using AccountCoachBot.Channels.Slack;
using AccountCoachBot.Data;
using AccountCoachBot.Features.Teams;
using AccountCoachBot.Scheduling;
using AccountCoachBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using static AccountCoachBot.Tests.Features.Digests.DigestTestKit;

namespace AccountCoachBot.Tests.Features.Digests;

/// <summary>The lead's `digest` on the wire: Teams (the Adaptive Card and the chart as a data-URL image) and Slack (Block Kit, then the file upload).</summary>
public sealed class TeamDigestChannelTests : IAsyncLifetime
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private const string Token = "xoxb-test-token";
    private const string Secret = "test-signing-secret";
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero));
    private readonly TestDatabase _db = new();
    private readonly HttpClient _http = new();
    private FakeConnector _connector = null!;
    private FakeSlackApi _slack = null!;
    private BotHost _bot = null!;

    public async Task InitializeAsync()
    {
        _connector = await FakeConnector.StartAsync();
        _slack = await FakeSlackApi.StartAsync(Token);
        _slack.AddUser(new SlackUserSeed("U0ANNA", "anna", Tz: "Europe/Berlin", Email: "anna@example.com", RealName: "Anna Orlova"));
        _bot = await BotHost.StartAsync(_db.Path, _time, new Dictionary<string, string?>
        {
            ["Slack:BotToken"] = Token, ["Slack:SigningSecret"] = Secret, ["Slack:ApiBaseUrl"] = _slack.BaseUrl,
        });
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _slack.DisposeAsync();
        await _connector.DisposeAsync();
        _http.Dispose();
        _db.Dispose();
    }

    /// <summary>Sales East, led by the only person who has written, with Boris: one promise kept on time, one moved after its date.</summary>
    private Task SeedTeamAsync() => _bot.WithDbAsync(async db =>
    {
        var lead = await db.People.SingleAsync();
        var team = new Team { Name = "Sales East", NormalizedName = Team.Normalize("Sales East"), LeadId = lead.Id, CreatedUtc = Utc(10, 1) };
        db.Add(team);
        var kit = new DigestTestKit(db);
        var boris = kit.Person("Boris", "Europe/Berlin");
        db.Add(new TeamMember { TeamId = team.Id, PersonId = boris.Id, AddedUtc = Utc(10, 1) });
        await db.SaveChangesAsync();
        var acme = kit.Account(boris, "Acme");
        kit.Promise(acme, Utc(11, 20), Utc(11, 24, 16), done: Utc(11, 24, 10));
        kit.Promise(acme, Utc(11, 20), Utc(11, 25, 16), moves: [(Utc(11, 26, 9), Utc(12, 4, 16))]);
        return 0;
    });

    [Fact]
    public async Task Teams_DeliversTheTeamCard_WithTheChartAsAnImageAttachment()
    {
        await _http.PostAsync(_bot.MessagesUrl, Activities.Message(_connector.ServiceUrl, "hello", channelId: "msteams"));
        var before = (await _connector.WaitForDeliveredAsync(1)).Count;
        await SeedTeamAsync();

        await _http.PostAsync(_bot.MessagesUrl, Activities.Message(_connector.ServiceUrl, "digest", channelId: "msteams"));
        var activity = (await _connector.WaitForDeliveredAsync(before + 1))[^1].Activity;

        var attachments = activity["attachments"]!.AsArray();
        Assert.Equal(2, attachments.Count);
        Assert.Equal("application/vnd.microsoft.card.adaptive", attachments[0]!["contentType"]!.GetValue<string>());
        var card = attachments[0]!["content"]!.ToJsonString(Readable);
        Assert.Contains("Team Sales East, 23–29 Nov 2026", card);
        Assert.Contains("Boris — on time 1/2, told in time 0/1", card);
        Assert.Contains("digest.team", card);                     // the buttons, whose payloads are re-checked on press
        Assert.DoesNotContain("secret text", activity.ToJsonString());
        Assert.Equal("image/png", attachments[1]!["contentType"]!.GetValue<string>());
        var url = attachments[1]!["contentUrl"]!.GetValue<string>();
        Assert.StartsWith("data:image/png;base64,", url);
        Assert.Equal(PngSignature, Convert.FromBase64String(url["data:image/png;base64,".Length..])[..8]);
    }

    [Fact]
    public async Task Slack_PostsTheFiguresAsBlockKit_ThenUploadsTheChartToTheSameChat()
    {
        await SlackAsync("hello", 1);
        await SeedTeamAsync();

        await SlackAsync("digest", 2);
        await _slack.WaitForCallsAsync("files.completeUploadExternal", 1);

        var post = _slack.CallsTo("chat.postMessage")[^1];
        var blocks = post.Body["blocks"]!.ToJsonString(Readable);
        Assert.Contains("Team Sales East, 23–29 Nov 2026", blocks);
        Assert.Contains("Boris — on time 1/2, told in time 0/1", blocks);
        Assert.DoesNotContain("secret text", post.Body.ToJsonString());
        var file = Assert.Single(_slack.Files);
        Assert.Equal((_slack.DmChannelOf("U0ANNA"), true), (file.SharedTo, file.Completed));
        Assert.Equal(PngSignature, file.Bytes![..8]);
    }

    private async Task SlackAsync(string text, int n)
    {
        var posts = _slack.CallsTo("chat.postMessage").Count;
        var e = new JsonObject
        {
            ["type"] = "message", ["channel_type"] = "im", ["channel"] = _slack.DmChannelOf("U0ANNA"), ["user"] = "U0ANNA", ["text"] = text,
            ["ts"] = $"1700000{n:D3}.000100",
        };
        var body = new JsonObject { ["type"] = "event_callback", ["team_id"] = FakeSlackApi.TeamId, ["event_id"] = $"Ev{n:D4}", ["event"] = e }.ToJsonString();
        var ts = _time.GetUtcNow().ToUnixTimeSeconds().ToString();
        using var request = new HttpRequestMessage(HttpMethod.Post, _bot.BaseUrl + "slack/events") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add(SlackSignatureVerifier.TimestampHeader, ts);
        request.Headers.Add(SlackSignatureVerifier.SignatureHeader, SlackSignatureVerifier.Sign(Secret, ts, Encoding.UTF8.GetBytes(body)));
        Assert.True((await _http.SendAsync(request)).IsSuccessStatusCode);
        await _slack.WaitForCallsAsync("chat.postMessage", posts + 1);
        await _bot.WaitUntilAsync(async db => await db.Inbox.CountAsync(i => i.Transport == "slack" && i.Status != InboxStatus.Pending) >= n, "the Slack inbox");
    }
}
