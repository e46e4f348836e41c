using AccountCoachBot.Channels.Inbox;
using System.Net;
using System.Text.Json.Nodes;
using AccountCoachBot.Channels.Slack;
using AccountCoachBot.Features.Promises;
using AccountCoachBot.Scheduling;
using AccountCoachBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;


namespace AccountCoachBot.Tests.Channels.Slack;

/// <summary>
/// Slack's three endpoints as a person and Slack use them: commands, DMs, App Home, reminders, retries, restarts and
/// refusals.
/// </summary>
public sealed class SlackChannelTests : SlackBotTests
{
    [Fact]
    public async Task Events_EchoesChallenge_WhenUrlVerification()
    {
        var response = await PostSignedAsync("/slack/events", """{"type":"url_verification","challenge":"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P"}""", "application/json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("wrong-secret", 0)]
    [InlineData(Secret, -301)]
    [InlineData(Secret, 301)]
    public async Task Requests_AreRefusedAndChangeNothing_WhenNotSignedBySlack(string secret, int skewSeconds)
    {
        var ts = Time.GetUtcNow().ToUnixTimeSeconds() + skewSeconds;
        var command = await PostSignedAsync("/slack/commands", Form(new() { ["user_id"] = User, ["text"] = "promise Acme: send the quote tomorrow", ["trigger_id"] = "t1", ["team_id"] = "T" }),
            "application/x-www-form-urlencoded", secret, ts);
        var unsigned = await PostSignedAsync("/slack/events", """{"type":"url_verification","challenge":"x"}""", "application/json", secret: null);

        Assert.Equal(HttpStatusCode.Unauthorized, command.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unsigned.StatusCode);
        // Recording happens before the answer, so a refused request has left its trace (or not) by now.
        Assert.Equal(0, await Bot.WithDbAsync(InboxCounts.RecordedAsync));
        Assert.Equal(0, await Bot.WithDbAsync(db => db.People.CountAsync()));
        Assert.DoesNotContain(SlackApi.Calls, c => c.Method is "chat.postMessage" or FakeSlackApi.ResponseUrlMethod);
    }

    [Fact]
    public async Task Commands_AnswersEmptyOk_WhenSslCheck()
    {
        var response = await PostSignedAsync("/slack/commands", "ssl_check=1&token=abc", "application/x-www-form-urlencoded", secret: null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task SlashCommand_CapturesPromise_AndAnswersOnlyToThePerson()
    {
        var response = await CommandAsync("promise Acme: send the revised quote tomorrow", "trig-1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answers = await SlackApi.WaitForCallsAsync(FakeSlackApi.ResponseUrlMethod, 2);
        Assert.All(answers, a => Assert.Equal("ephemeral", a.Body["response_type"]!.GetValue<string>()));
        Assert.All(answers, a => Assert.True(a.ContentLength > 0, "response_url post without a Content-Length (chunked)"));
        Assert.Contains("Promise saved", BlocksText(answers[^1].Body["blocks"]));
        var promise = await Bot.WithDbAsync(db => db.Promises.SingleAsync());
        Assert.Equal(new DateTime(2026, 3, 5, 17, 0, 0, DateTimeKind.Utc), promise.DueUtc); // Berlin, from users.info
        var person = await Bot.WithDbAsync(db => db.People.SingleAsync());
        Assert.Equal(("Europe/Berlin", "olga@example.com"), (person.TimeZoneId, person.Email));
    }

    [Fact]
    public async Task DirectMessage_IsAnsweredInTheDm()
    {
        await DirectMessageAsync("promises", "Ev001");

        var posts = await SlackApi.WaitForCallsAsync("chat.postMessage", 2);
        Assert.All(posts, p => Assert.Equal(SlackApi.DmChannelOf(User), p.Arg("channel")));
        Assert.All(posts, p => Assert.Equal("Bearer " + Token, p.Authorization));
        Assert.All(posts, p => Assert.False(string.IsNullOrEmpty(p.Arg("text")))); // fallback text always set
    }

    [Fact]
    public async Task RetriedEvent_HasOneEffect()
    {
        await DirectMessageAsync("promise Acme: send the revised quote tomorrow", "Ev002");
        await DirectMessageAsync("promise Acme: send the revised quote tomorrow", "Ev002", retry: 1);
        await DirectMessageAsync("promise Acme: send the revised quote tomorrow", "Ev002", retry: 2);

        await SlackApi.WaitForCallsAsync("chat.postMessage", 2);
        await WaitForInboxAsync(1);
        Assert.Equal(2, SlackApi.CallsTo("chat.postMessage").Count);
        Assert.Equal(1, await Bot.WithDbAsync(db => db.Promises.CountAsync()));
    }

    [Fact]
    public async Task BotMessages_AreIgnored()
    {
        await DirectMessageAsync("promise Acme: send the revised quote tomorrow", "Ev003", user: FakeSlackApi.BotUserId);
        await DirectMessageAsync("promise Acme: send the revised quote tomorrow", "Ev004", botId: "B123");

        await WaitForInboxAsync(2);
        Assert.Empty(SlackApi.CallsTo("chat.postMessage"));
        Assert.Equal(0, await Bot.WithDbAsync(db => db.People.CountAsync()));
    }

    [Fact]
    public async Task Reminder_IsRescheduledAndDeliveredOnce_WhenSlackRateLimits()
    {
        await DirectMessageAsync("promise Acme: call Olga back in 5 minutes", "Ev007");
        await SlackApi.WaitForCallsAsync("chat.postMessage", 2);
        SlackApi.ScriptRateLimited("chat.postMessage", 20);

        Time.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(0, await Bot.RunDispatcherAsync());
        Time.Advance(TimeSpan.FromSeconds(19));
        Assert.Equal(0, await Bot.RunDispatcherAsync());
        Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, await Bot.RunDispatcherAsync());
        Assert.Equal(0, await Bot.RunDispatcherAsync());

        var posts = SlackApi.CallsTo("chat.postMessage");
        Assert.Equal(4, posts.Count); // 2 replies, 1 throttled, 1 delivered
        Assert.Equal(429, posts[2].Status);
        Assert.Equal(OutboxStatus.Sent, await Bot.WithDbAsync(db => db.Outbox.Where(o => o.Kind == ReminderPolicy.DueKind).Select(o => o.Status).SingleAsync()));
    }

    [Fact]
    public async Task AppHomeOpened_PublishesWelcomeAndOpenPromises()
    {
        await DirectMessageAsync("promise Acme: send the revised quote tomorrow", "Ev008");
        await SlackApi.WaitForCallsAsync("chat.postMessage", 2);
        var envelope = new JsonObject
        {
            ["type"] = "event_callback", ["team_id"] = FakeSlackApi.TeamId, ["event_id"] = "Ev009",
            ["event"] = new JsonObject { ["type"] = "app_home_opened", ["user"] = User, ["channel"] = SlackApi.DmChannelOf(User), ["tab"] = "home" },
        };

        await PostSignedAsync("/slack/events", envelope.ToJsonString(), "application/json");

        var publish = (await SlackApi.WaitForCallsAsync("views.publish", 1))[0];
        Assert.Equal(User, publish.Arg("user_id"));
        Assert.Contains("send the revised quote", publish.Body["view"]!.ToJsonString());
    }

    [Fact]
    public async Task AckedRequest_IsProcessedAfterRestart()
    {
        await Bot.DisposeAsync();
        // What an acknowledged request leaves behind if the process dies before working on it.
        await using (var db = new AccountCoachBot.Data.CoachDbContext(new DbContextOptionsBuilder<AccountCoachBot.Data.CoachDbContext>().UseSqlite(Database.ConnectionString).Options))
        {
            var e = new JsonObject { ["type"] = "message", ["channel_type"] = "im", ["channel"] = SlackApi.DmChannelOf(User), ["user"] = User, ["text"] = "promises", ["ts"] = "1.2" };
            db.Inbox.Add(new InboxItem
            {
                Transport = "slack", Key = "event:EvRestart", Kind = SlackInboxKinds.Event, ReceivedUtc = Time.GetUtcNow().UtcDateTime,
                PayloadJson = new JsonObject { ["type"] = "event_callback", ["team_id"] = FakeSlackApi.TeamId, ["event_id"] = "EvRestart", ["event"] = e }.ToJsonString(),
            });
            // A slash command as a version before this one recorded it: its fields as JSON, not the form Slack sent.
            db.Inbox.Add(new InboxItem
            {
                Transport = "slack", Key = "command:trig-old", Kind = SlackInboxKinds.Command, ReceivedUtc = Time.GetUtcNow().UtcDateTime,
                PayloadJson = new JsonObject
                {
                    ["team_id"] = FakeSlackApi.TeamId, ["channel_id"] = "C0SALES", ["user_id"] = User, ["command"] = "/coach",
                    ["text"] = "promise Acme: send the revised quote tomorrow", ["trigger_id"] = "trig-old", ["response_url"] = SlackApi.ResponseUrl("trig-old"),
                }.ToJsonString(),
            });
            await db.SaveChangesAsync();
            // And one this version recorded before its ack, not yet moved into the inbox: in the arrivals file, its id
            // going on from the inbox's, as the writer's would.
            var arrived = new JsonObject { ["type"] = "message", ["channel_type"] = "im", ["channel"] = SlackApi.DmChannelOf(User), ["user"] = User, ["text"] = "accounts", ["ts"] = "1.3" };
            using var arrivals = new ArrivalsFile(ArrivalsFile.PathFor(Database.Path));
            Assert.Equal(0, arrivals.Open(moved: 2));
            Assert.Equal(3, arrivals.Append(new InboxItem
            {
                Transport = "slack", Key = "event:EvArrived", Kind = SlackInboxKinds.Event, ReceivedUtc = Time.GetUtcNow().UtcDateTime,
                PayloadJson = new JsonObject { ["type"] = "event_callback", ["team_id"] = FakeSlackApi.TeamId, ["event_id"] = "EvArrived", ["event"] = arrived }.ToJsonString(),
            }));
        }

        Bot = await StartBotAsync();

        await SlackApi.WaitForCallsAsync("chat.postMessage", 3);
        await WaitForInboxAsync(3);
        var items = await Bot.WithDbAsync(db => db.Inbox.OrderBy(i => i.Id).ToListAsync());
        Assert.Equal(["event:EvRestart", "command:trig-old", "event:EvArrived"], items.Select(i => i.Key));
        Assert.All(items, item => Assert.Equal(InboxStatus.Done, item.Status));
        Assert.All(items, item => Assert.DoesNotContain("promise", item.PayloadJson)); // handled: only the key is kept
        Assert.Contains("revised quote", (await Bot.WithDbAsync(db => db.Promises.SingleAsync())).What);
    }
}
