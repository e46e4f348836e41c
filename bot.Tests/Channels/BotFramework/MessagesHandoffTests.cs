using System.Net;
using System.Text.Json.Nodes;
using AccountCoachBot.Channels.BotFramework;
using AccountCoachBot.Channels.Inbox;
using AccountCoachBot.Data;
using AccountCoachBot.Features.Promises;
using AccountCoachBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AccountCoachBot.Tests.Channels.BotFramework;

/// <summary>
/// The durable handoff: an activity is recorded, acked, and its turn runs afterwards, off the request. This host does
/// not hold responses for the turns (<see cref="BotHost.StartAsync"/> awaitTurns: false), so the ack is seen as the
/// Connector sees it.
/// </summary>
public sealed class MessagesHandoffTests : IAsyncLifetime
{
    private const string Conversation = "emulator|a:conv-1";
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 4, 9, 0, 0, TimeSpan.Zero));
    private readonly TestDatabase _db = new();
    private readonly HttpClient _http = new();
    private FakeConnector _connector = null!;
    private BotHost _bot = null!;

    public async Task InitializeAsync()
    {
        _connector = await FakeConnector.StartAsync();
        _bot = await BotHost.StartAsync(_db.Path, _time, awaitTurns: false);
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _connector.DisposeAsync();
        _http.Dispose();
        _db.Dispose();
    }

    [Fact]
    public async Task Post_Acks200_WhileTheTurnIsStillHeldAtAGate()
    {
        var gate = _connector.HoldNext(); // the turn's first reply waits here

        var response = await _http.PostAsync(_bot.MessagesUrl, Activities.Message(_connector.ServiceUrl, "help", id: "m-1"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(_connector.Delivered);
        Assert.Equal(1, await _bot.WithDbAsync(InboxCounts.RecordedAsync));
        Assert.Equal(1, await _bot.WithDbAsync(db => InboxCounts.PendingAsync(db))); // not yet run
        gate.SetResult();
        var calls = await _connector.WaitForDeliveredAsync(2); // the welcome, then the help
        Assert.All(calls, c => Assert.Equal("m-1", c.ActivityId));
        await WaitForHandledAsync(1);
    }

    [Fact]
    public async Task Processor_SendsRepliesWithContentLength_WhenTheTurnRunsOffTheRequest()
    {
        await _http.PostAsync(_bot.MessagesUrl, Activities.Message(_connector.ServiceUrl, "help"));

        var calls = await _connector.WaitForDeliveredAsync(2);
        Assert.All(calls, c => Assert.True(c.ContentLength > 0, $"no Content-Length (Transfer-Encoding: {c.TransferEncoding})"));
        Assert.All(calls, c => Assert.Null(c.TransferEncoding));
    }

    [Fact]
    public async Task Processor_RunsAConversationsMessagesInArrivalOrder_WhenTheSecondArrivesDuringTheFirst()
    {
        var gate = _connector.HoldNext(); // the first turn is stuck sending its first reply
        Assert.Equal(HttpStatusCode.OK, (await _http.PostAsync(_bot.MessagesUrl, Activities.Message(_connector.ServiceUrl, "promise Acme: call Olga back tomorrow", id: "m-1"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _http.PostAsync(_bot.MessagesUrl, Activities.Message(_connector.ServiceUrl, "promises", id: "m-2"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _http.PostAsync(_bot.MessagesUrl, Activities.Message(_connector.ServiceUrl, "done 1", id: "m-3"))).StatusCode);

        gate.SetResult();
        await WaitForHandledAsync(3);
        var calls = _connector.Delivered;
        // Each turn's replies answer it (replyToId); the turns' answers come in the order the person wrote.
        Assert.Equal(["m-1", "m-2", "m-3"], calls.Select(c => c.ActivityId).Distinct());
        Assert.Contains("Acme", calls.Last(c => c.ActivityId == "m-2").Activity.ToJsonString()); // the list saw the promise
        Assert.True(await _bot.WithDbAsync(db => db.Promises.Select(p => p.Status).SingleAsync()) == PromiseStatus.Done);
    }

    [Fact]
    public async Task Sweep_RunsAStoredActivity_OnlyOnceTheDeadInstancesClaimLapsed()
    {
        var processor = _bot.Services.GetRequiredService<InboxProcessor>();
        // Its first sweep opened the arrivals file first, which frees what a process before this one held (the next test).
        await processor.SweepAsync(CancellationToken.None);
        var now = _time.GetUtcNow().UtcDateTime;
        await _bot.WithDbAsync(async db =>
        {
            // What an instance leaves behind when it dies mid-turn: the row claimed, its attempt counted, not done.
            db.Inbox.Add(new InboxItem
            {
                Transport = ActivityMapper.Transport, Key = "activity:dead-1", Kind = ActivityTurnRunner.MessageKind, ConversationKey = Conversation,
                PayloadJson = Activities.Message(_connector.ServiceUrl, "help", id: "m-dead").ToJsonString(), ReceivedUtc = now,
                Attempts = 1, ClaimedBy = "dead-instance", ClaimedUntilUtc = now + InboxProcessor.ClaimLapse,
            });
            return await db.SaveChangesAsync();
        });

        await processor.SweepAsync(CancellationToken.None);
        Assert.Equal((1, InboxStatus.Pending), await _bot.WithDbAsync(db => db.Inbox.Select(i => ValueTuple.Create(i.Attempts, i.Status)).SingleAsync()));

        _time.Advance(InboxProcessor.ClaimLapse + TimeSpan.FromSeconds(1));
        await processor.SweepAsync(CancellationToken.None);

        var calls = await _connector.WaitForDeliveredAsync(2);
        Assert.All(calls, c => Assert.Equal("m-dead", c.ActivityId));
        await WaitForHandledAsync(1);
        var item = await _bot.WithDbAsync(db => db.Inbox.SingleAsync());
        Assert.Equal((InboxStatus.Done, 2), (item.Status, item.Attempts));
        Assert.DoesNotContain("help", item.PayloadJson); // handled: what the person wrote is not kept
    }

    [Fact]
    public async Task Start_RunsWhatAKilledProcessWasRunning_WithoutWaitingForItsClaimToLapse_OnSqlite()
    {
        await _bot.DisposeAsync();
        var now = _time.GetUtcNow().UtcDateTime;
        await using (var db = new CoachDbContext(new DbContextOptionsBuilder<CoachDbContext>().UseSqlite(_db.ConnectionString).Options))
        {
            // Killed mid-turn: its stop never released the claim. One process at a time runs on a SQLite file.
            db.Inbox.Add(new InboxItem
            {
                Transport = ActivityMapper.Transport, Key = "activity:killed-1", Kind = ActivityTurnRunner.MessageKind, ConversationKey = Conversation,
                PayloadJson = Activities.Message(_connector.ServiceUrl, "help", id: "m-killed").ToJsonString(), ReceivedUtc = now,
                Attempts = 1, ClaimedBy = "killed-process", ClaimedUntilUtc = now + InboxProcessor.ClaimLapse,
            });
            await db.SaveChangesAsync();
        }

        _bot = await BotHost.StartAsync(_db.Path, _time, awaitTurns: false); // the clock stands still: no claim lapses

        var calls = await _connector.WaitForDeliveredAsync(2);
        Assert.All(calls, c => Assert.Equal("m-killed", c.ActivityId));
        await WaitForHandledAsync(1);
        Assert.Equal((InboxStatus.Done, 2), await _bot.WithDbAsync(db => db.Inbox.Select(i => ValueTuple.Create(i.Status, i.Attempts)).SingleAsync()));
    }

    [Fact]
    public async Task Processor_RenewsATurnsClaim_WhileTheTurnRunsPastTheLapse()
    {
        var gate = _connector.HoldNext();
        await _http.PostAsync(_bot.MessagesUrl, Activities.Message(_connector.ServiceUrl, "help", id: "m-long"));
        await _connector.HeldCallArrived.WaitAsync(HangGuard.Limit);

        // Four renewals carry the claim past its first lapse; each sets it a lapse ahead of the clock.
        for (var tick = 0; tick < 4; tick++)
        {
            _time.Advance(InboxProcessor.RenewEvery);
            var until = _time.GetUtcNow().UtcDateTime + InboxProcessor.ClaimLapse;
            await _bot.WaitUntilAsync(db => db.Inbox.AnyAsync(i => i.ClaimedUntilUtc == until), $"the claim renewed to {until:HH:mm:ss}");
        }
        Assert.True(4 * InboxProcessor.RenewEvery > InboxProcessor.ClaimLapse);

        gate.SetResult();
        await WaitForHandledAsync(1);
        var item = await _bot.WithDbAsync(db => db.Inbox.SingleAsync());
        Assert.Equal((InboxStatus.Done, 1, (DateTime?)null), (item.Status, item.Attempts, item.ClaimedUntilUtc)); // run once, let go
    }

    [Fact]
    public async Task Invoke_RunsItsTurnOnTheRequest_AndAnswersInTheBody()
    {
        await _http.PostAsync(_bot.MessagesUrl, Activities.Message(_connector.ServiceUrl, "promise Acme: send the quote tomorrow"));
        await WaitForHandledAsync(1);
        var id = await _bot.WithDbAsync(db => db.Promises.Select(p => p.Id).SingleAsync());
        var delivered = _connector.Delivered.Count;
        var invoke = Activities.Message(_connector.ServiceUrl, "");
        invoke["type"] = "invoke";
        invoke["name"] = "adaptiveCard/action";
        invoke["value"] = new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = PromiseActions.OnTrack, ["data"] = new JsonObject { [PromiseActions.IdKey] = id.ToString() } },
        };

        var response = await _http.PostAsync(_bot.MessagesUrl, invoke);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(200, JsonNode.Parse(await response.Content.ReadAsStringAsync())!["statusCode"]!.GetValue<int>());
        // Already done when answered: nothing recorded for later, the promise changed, the reply sent.
        Assert.True(await _bot.WithDbAsync(db => db.Promises.Select(p => p.OnTrack).SingleAsync()));
        Assert.True(_connector.Delivered.Count > delivered);
        Assert.Equal(1, await _bot.WithDbAsync(InboxCounts.RecordedAsync));
    }

    [Fact]
    public async Task Post_RunsTheTurnOnTheRequest_WhenTheSenderExpectsReplies()
    {
        var activity = Activities.Message(_connector.ServiceUrl, "help", id: "m-expect");
        activity["deliveryMode"] = "expectReplies";

        var response = await _http.PostAsync(_bot.MessagesUrl, activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, _connector.Delivered.Count); // no waiting: done before the answer
        Assert.Equal(0, await _bot.WithDbAsync(InboxCounts.RecordedAsync));
    }

    private Task WaitForHandledAsync(int count) =>
        _bot.WaitUntilAsync(async db => await db.Inbox.CountAsync(i => i.Status != InboxStatus.Pending) >= count, $"{count} activities handled");
}
