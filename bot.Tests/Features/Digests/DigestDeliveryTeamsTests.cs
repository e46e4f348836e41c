using System.Text.Json.Nodes;
using AccountCoachBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace AccountCoachBot.Tests.Features.Digests;

/// <summary>
/// The Monday digest in Teams, through the real bot and the loopback Bot Connector: the card with the chart beside it,
/// in the lead's chat or the channel they chose, once — a restart on the same database sends nothing again.
/// </summary>
public sealed class DigestDeliveryTeamsTests : IAsyncLifetime
{
    private const string Channel = "19:sales@thread.tacv2";
    private static readonly DateTime Monday0900Berlin = new(2026, 11, 30, 8, 0, 0, DateTimeKind.Utc);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 30, 7, 0, 0, TimeSpan.Zero));
    private readonly TestDatabase _db = new();
    private readonly HttpClient _http = new();
    private FakeConnector _connector = null!;
    private BotHost _bot = null!;

    public async Task InitializeAsync()
    {
        _connector = await FakeConnector.StartAsync();
        _bot = await BotHost.StartAsync(_db.Path, _time);
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _connector.DisposeAsync();
        _http.Dispose();
        _db.Dispose();
    }

    private async Task<string> SayAsync(string text, string conversation = "a:conv-1")
    {
        var activity = Activities.Message(_connector.ServiceUrl, text, channelId: "msteams", conversationId: conversation);
        if (conversation.StartsWith("19:", StringComparison.Ordinal))
        {
            activity["conversation"]!["conversationType"] = "channel";
            activity["conversation"]!["isGroup"] = true;
        }
        var count = _connector.Delivered.Count;
        await _http.PostAsync(_bot.MessagesUrl, activity);
        var last = (await _connector.WaitForDeliveredAsync(count + 1))[^1].Activity;
        return last["text"]?.GetValue<string>() ?? last.ToJsonString();
    }

    private Task SeedTeamAsync() => _bot.WithDbAsync(async db =>
        await DigestScheduleKit.SeedTeamAsync(db, (await db.People.SingleAsync()).Id, new DateOnly(2026, 11, 23)));

    private List<FakeConnector.RecordedCall> Digests() =>
        _connector.Delivered.Where(c => c.ActivityId is null && c.Activity.ToJsonString().Contains("Team Sales East")).ToList();

    private static void AssertCardWithChart(JsonObject activity)
    {
        var attachments = activity["attachments"]!.AsArray();
        Assert.Equal(2, attachments.Count);
        Assert.Equal("application/vnd.microsoft.card.adaptive", attachments[0]!["contentType"]!.GetValue<string>());
        Assert.Equal("image/png", attachments[1]!["contentType"]!.GetValue<string>());
        var png = Convert.FromBase64String(attachments[1]!["contentUrl"]!.GetValue<string>()["data:image/png;base64,".Length..]);
        Assert.Equal([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], png[..8]);
    }

    [Fact]
    public async Task MondayDigest_ArrivesOnceInTheLeadsChat_WithItsChart_AndNotAgainAfterARestart()
    {
        await SayAsync("hello");
        await SeedTeamAsync();

        _time.SetUtcNow(Monday0900Berlin.AddMinutes(-1));
        Assert.Equal(0, await _bot.RunDispatcherAsync());
        _time.SetUtcNow(Monday0900Berlin);
        Assert.Equal(1, await _bot.RunDispatcherAsync());
        Assert.Equal(0, await _bot.RunDispatcherAsync());

        await _bot.DisposeAsync();
        _bot = await BotHost.StartAsync(_db.Path, _time);                 // a new process on the same database
        _time.SetUtcNow(Monday0900Berlin.AddMinutes(2));
        Assert.Equal(0, await _bot.RunDispatcherAsync());
        Assert.Equal(0, await _bot.RunDispatcherAsync());

        var digest = Assert.Single(Digests());
        Assert.Equal("a:conv-1", digest.ConversationId);
        Assert.Equal("Team Sales East, 23–29 Nov 2026", digest.Activity["attachments"]![0]!["content"]!["body"]![0]!["text"]!.GetValue<string>());
        AssertCardWithChart(digest.Activity);
    }

    [Fact]
    public async Task DigestChannelHere_InATeamsChannel_SendsTheDigestThere()
    {
        await SayAsync("hello");
        await SeedTeamAsync();

        var set = await SayAsync("digest channel here", Channel);
        _time.SetUtcNow(Monday0900Berlin);
        Assert.Equal(1, await _bot.RunDispatcherAsync());

        Assert.Equal("The digest for Sales East will come to this conversation.", set);
        var digest = Assert.Single(Digests());
        Assert.Equal(Channel, digest.ConversationId);
        AssertCardWithChart(digest.Activity);
        Assert.DoesNotContain("secret text", digest.Activity.ToJsonString()); // figures, never what was promised
    }
}
