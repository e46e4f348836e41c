using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using AccountCoachBot.Channels.BotFramework;
using AccountCoachBot.Conversation;
using AccountCoachBot.Features.People;
using AccountCoachBot.Scheduling;
using AccountCoachBot.Tests.Features.Digests;
using AccountCoachBot.Tests.Infrastructure;
using AccountCoachBot.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AccountCoachBot.Tests.Channels.BotFramework;

/// <summary>A reply's chart in Teams: an inline image attachment with a data URL beside the text or card, through the fake connector.</summary>
public sealed class ImageAttachmentTests : IAsyncLifetime
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private const string DataUrlPrefix = "data:image/png;base64,";
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 4, 9, 0, 0, TimeSpan.Zero));
    private readonly TestDatabase _db = new();
    private readonly HttpClient _http = new();
    private FakeConnector _connector = null!;
    private BotHost _bot = null!;

    public async Task InitializeAsync()
    {
        _connector = await FakeConnector.StartAsync();
        _bot = await BotHost.StartAsync(_db.Path, _time, services: s =>
        {
            s.AddScoped<ITurnHandler, ChartTestHandler>();
            s.AddScoped<INudgeRenderer, ChartTestRenderer>();
        });
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _connector.DisposeAsync();
        _http.Dispose();
        _db.Dispose();
    }

    /// <summary>The welcome first, then the answer to <paramref name="text"/>.</summary>
    private async Task<JsonObject> AnswerToAsync(string text)
    {
        await _http.PostAsync(_bot.MessagesUrl, Activities.Message(_connector.ServiceUrl, text, channelId: "msteams"));
        var delivered = await _connector.WaitForDeliveredAsync(2);
        return delivered[^1].Activity;
    }

    private static byte[] PngOf(JsonNode attachment)
    {
        Assert.Equal("image/png", attachment["contentType"]!.GetValue<string>());
        var url = attachment["contentUrl"]!.GetValue<string>();
        Assert.StartsWith(DataUrlPrefix, url);
        return Convert.FromBase64String(url[DataUrlPrefix.Length..]);
    }

    [Fact]
    public async Task Reply_CarriesTheChartAsADataUrlAttachment_BesideItsText()
    {
        var activity = await AnswerToAsync("test-chart");

        Assert.Equal(ChartTestHandler.Figures, activity["text"]!.GetValue<string>());
        var attachment = Assert.Single(activity["attachments"]!.AsArray())!;
        var png = PngOf(attachment);
        Assert.Equal(PngSignature, png[..8]);
        var image = PngImage.Read(png);
        Assert.True(image.Width <= 1024 && image.Height <= 1024);
        Assert.Equal("on-time-2026-11-23.png", attachment["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Reply_PutsTheChartAfterTheAdaptiveCard_WhenTheReplyHasACard()
    {
        var activity = await AnswerToAsync("test-chart-card");

        var attachments = activity["attachments"]!.AsArray();
        Assert.Equal(2, attachments.Count);
        Assert.Equal("application/vnd.microsoft.card.adaptive", attachments[0]!["contentType"]!.GetValue<string>());
        Assert.Equal(PngSignature, PngOf(attachments[1]!)[..8]);
        // The message itself stays far below Teams' 100 KB once the base64 picture is set aside.
        attachments.RemoveAt(1);
        Assert.True(activity.ToJsonString().Length < 80_000);
    }

    [Fact]
    public async Task Reply_StillGoesOutWithoutAnImage_WhenTheChartCannotBeDrawn()
    {
        var activity = await AnswerToAsync("test-chart-broken");

        Assert.Equal(ChartTestHandler.Figures, activity["text"]!.GetValue<string>());
        Assert.Null(activity["attachments"]);
    }

    [Fact]
    public async Task Reply_IsResentWithoutTheImage_WhenTeamsRefusesItAsTooBig()
    {
        await _http.PostAsync(_bot.MessagesUrl, Activities.Message(_connector.ServiceUrl, "hello", channelId: "msteams"));
        await _connector.WaitForDeliveredAsync(1);
        _connector.FailNext(HttpStatusCode.RequestEntityTooLarge, "MessageSizeTooBig");

        await _http.PostAsync(_bot.MessagesUrl, Activities.Message(_connector.ServiceUrl, "test-chart", channelId: "msteams"));

        var delivered = await _connector.WaitForDeliveredAsync(2);
        var refused = _connector.Calls.Single(c => c.Status == 413);
        Assert.NotNull(refused.Activity["attachments"]);
        Assert.Equal(ChartTestHandler.Figures, delivered[^1].Activity["text"]!.GetValue<string>());
        Assert.Null(delivered[^1].Activity["attachments"]);
    }

    [Fact]
    public async Task NudgeSender_SendsTheChartProactively_AndWithoutItWhenRefused()
    {
        var (sender, address) = LeadChat();
        var image = new ReplyImage(TrendChartPng(), "Chart: promises kept on time", "on-time.png");
        var reply = new Reply("Weekly digest", new Card("Sales East", ["On time: 75%"])) { Image = image };

        var first = await sender.SendAsync(address, reply, CancellationToken.None);
        _connector.FailNext(HttpStatusCode.RequestEntityTooLarge, "MessageSizeTooBig");
        var second = await sender.SendAsync(address, reply, CancellationToken.None);

        Assert.Equal((SendOutcome.Sent, SendOutcome.Sent), (first.Outcome, second.Outcome));
        var calls = _connector.Calls.Where(c => c.ConversationId == "a:lead-chat").ToList();
        Assert.Equal([200, 413, 200], calls.Select(c => c.Status));
        Assert.Equal(image.Png, PngOf(calls[0].Activity["attachments"]![1]!));
        Assert.Single(calls[2].Activity["attachments"]!.AsArray()); // the card alone
    }

    [Fact]
    public async Task Dispatcher_DeliversAQueuedDigestWithItsChart_ThroughTheOutbox()
    {
        await AnswerToAsync("hello");
        await ChartTestRenderer.QueueAsync(_bot);

        var sent = await _bot.RunDispatcherAsync();

        Assert.Equal(1, sent);
        var delivered = await _connector.WaitForDeliveredAsync(3);
        var attachments = delivered[^1].Activity["attachments"]!.AsArray();
        Assert.Equal("application/vnd.microsoft.card.adaptive", attachments[0]!["contentType"]!.GetValue<string>());
        Assert.Equal(PngSignature, PngOf(attachments[1]!)[..8]);
    }

    [Fact]
    public async Task NudgeSender_SendsTheCardAlone_WhenTeamsRefusesAPictureOverItsLimits()
    {
        var (sender, address) = LeadChat();
        var tooBig = TrendChartPng().Concat(new byte[1024 * 1024]).ToArray(); // a valid PNG header, over 1 MB

        var result = await sender.SendAsync(address, new Reply("Weekly digest", new Card("Sales East")) { Image = new ReplyImage(tooBig, "Chart", "big.png") }, CancellationToken.None);

        Assert.Equal(SendOutcome.Sent, result.Outcome);
        Assert.Equal([413, 200], _connector.Calls.Select(c => c.Status));
        Assert.Single(_connector.Delivered.Single().Activity["attachments"]!.AsArray());
    }

    /// <summary>The outbox's sender for Bot Framework, and a stored Teams chat with a lead.</summary>
    private (INudgeSender, ConversationAddress) LeadChat()
    {
        var reference = new ConversationReference
        {
            ServiceUrl = _connector.ServiceUrl, ChannelId = "msteams", Conversation = new ConversationAccount { Id = "a:lead-chat" },
            Bot = new ChannelAccount { Id = "28:bot" }, User = new ChannelAccount { Id = "29:lead" },
        };
        return (_bot.Services.GetServices<INudgeSender>().Single(s => s.Transport == ActivityMapper.Transport),
            new ConversationAddress { Transport = ActivityMapper.Transport, ReferenceJson = JsonSerializer.Serialize(reference, BotFrameworkJson.Options) });
    }

    private static byte[] TrendChartPng() =>
        AccountCoachBot.Features.Digests.TrendChart.Render(TrendChartTests.EightWeeks(), Language.En);
}
