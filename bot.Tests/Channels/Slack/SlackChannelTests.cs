using AccountCoachBot.Channels.Inbox;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using AccountCoachBot.Channels.Slack;
using AccountCoachBot.Features.Promises;
using AccountCoachBot.Scheduling;
using AccountCoachBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace AccountCoachBot.Tests.Channels.Slack;

/// <summary>
/// The bot on real Kestrel with Slack on, a loopback fake of Slack's Web API, and requests signed the way
/// Slack signs them: commands, DMs, buttons, modals, reminders, retries, and refusals.
/// </summary>
public sealed class SlackChannelTests : IAsyncLifetime
{
    private const string Secret = "test-signing-secret";
    private const string Token = "xoxb-test-token";
    private const string User = "U0OLGA";
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 4, 9, 0, 0, TimeSpan.Zero));
    private readonly TestDatabase _db = new();
    private readonly HttpClient _http = new();
    private FakeSlackApi _slack = null!;
    private BotHost _bot = null!;

    public async Task InitializeAsync()
    {
        _slack = await FakeSlackApi.StartAsync(Token);
        _slack.AddUser(new SlackUserSeed(User, "olga", Tz: "Europe/Berlin", Email: "olga@example.com", RealName: "Olga Petrova"));
        _bot = await StartBotAsync();
    }

    private Task<BotHost> StartBotAsync() => BotHost.StartAsync(_db.Path, _time, new Dictionary<string, string?>
    {
        ["Slack:BotToken"] = Token,
        ["Slack:SigningSecret"] = Secret,
        ["Slack:ApiBaseUrl"] = _slack.BaseUrl,
    });

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _slack.DisposeAsync();
        _http.Dispose();
        _db.Dispose();
    }

    private async Task<HttpResponseMessage> PostSignedAsync(string path, string body, string contentType, string? secret = Secret, long? timestamp = null, int? retry = null)
    {
        var ts = (timestamp ?? _time.GetUtcNow().ToUnixTimeSeconds()).ToString();
        using var request = new HttpRequestMessage(HttpMethod.Post, _bot.BaseUrl + path.TrimStart('/'))
        {
            Content = new StringContent(body, Encoding.UTF8, contentType),
        };
        request.Content.Headers.ContentType!.CharSet = null;
        if (secret is not null)
        {
            request.Headers.Add(SlackSignatureVerifier.TimestampHeader, ts);
            request.Headers.Add(SlackSignatureVerifier.SignatureHeader, SlackSignatureVerifier.Sign(secret, ts, Encoding.UTF8.GetBytes(body)));
        }
        if (retry is not null) request.Headers.Add("X-Slack-Retry-Num", retry.ToString());
        return await _http.SendAsync(request);
    }

    private Task<HttpResponseMessage> CommandAsync(string text, string triggerId, string? secret = Secret) =>
        PostSignedAsync("/slack/commands", Form(new()
        {
            ["token"] = "legacy", ["team_id"] = FakeSlackApi.TeamId, ["channel_id"] = "C0SALES", ["user_id"] = User,
            ["command"] = "/coach", ["text"] = text, ["trigger_id"] = triggerId, ["response_url"] = _slack.ResponseUrl(triggerId),
        }), "application/x-www-form-urlencoded", secret);

    private Task<HttpResponseMessage> DirectMessageAsync(string text, string eventId, int? retry = null, string user = User, string? botId = null)
    {
        var e = new JsonObject { ["type"] = "message", ["channel_type"] = "im", ["channel"] = _slack.DmChannelOf(User), ["user"] = user, ["text"] = text, ["ts"] = "1700000001.000100" };
        if (botId is not null) e["bot_id"] = botId;
        var envelope = new JsonObject { ["type"] = "event_callback", ["team_id"] = FakeSlackApi.TeamId, ["event_id"] = eventId, ["event"] = e };
        return PostSignedAsync("/slack/events", envelope.ToJsonString(), "application/json", retry: retry);
    }

    private Task<HttpResponseMessage> InteractAsync(JsonObject payload) =>
        PostSignedAsync("/slack/interactivity", Form(new() { ["payload"] = payload.ToJsonString() }), "application/x-www-form-urlencoded");

    private static string Form(Dictionary<string, string> fields) =>
        string.Join('&', fields.Select(kv => $"{Uri.EscapeDataString(kv.Key)}={Uri.EscapeDataString(kv.Value)}"));

    /// <summary>Waits until this many recorded requests have been worked through (woken by the bot's writes).</summary>
    private Task WaitForInboxAsync(int count) =>
        _bot.WaitUntilAsync(async db => await db.Inbox.CountAsync(i => i.Transport == "slack" && i.Status != InboxStatus.Pending) >= count,
            $"the inbox reaching {count} processed requests");

    private static string BlocksText(JsonNode? message) => message?.ToJsonString() ?? "";

    /// <summary>The button with this action in the last message posted to the DM.</summary>
    private static JsonObject Button(FakeSlackApi.RecordedCall message, string actionId) =>
        message.Body["blocks"]!.AsArray()
            .Where(b => b!["type"]!.GetValue<string>() == "actions")
            .SelectMany(b => b!["elements"]!.AsArray())
            .First(e => SlackActionParser.ActionIdOf(e!["action_id"]!.GetValue<string>()) == actionId)!.AsObject();

    private JsonObject ClickPayload(JsonObject button, FakeSlackApi.RecordedCall message, string user = User) => new()
    {
        ["type"] = "block_actions",
        ["user"] = new JsonObject { ["id"] = user, ["team_id"] = FakeSlackApi.TeamId },
        ["team"] = new JsonObject { ["id"] = FakeSlackApi.TeamId },
        ["trigger_id"] = "trigger-" + Guid.NewGuid().ToString("N"),
        ["container"] = new JsonObject { ["type"] = "message", ["channel_id"] = message.Arg("channel"), ["message_ts"] = message.Response!["ts"]!.GetValue<string>() },
        ["actions"] = new JsonArray(new JsonObject
        {
            ["type"] = "button", ["action_id"] = button["action_id"]!.GetValue<string>(), ["value"] = button["value"]!.GetValue<string>(),
            ["action_ts"] = "1700000100." + Random.Shared.Next(100000, 999999), ["text"] = button["text"]!.DeepClone(),
        }),
    };

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
        var ts = _time.GetUtcNow().ToUnixTimeSeconds() + skewSeconds;
        var command = await PostSignedAsync("/slack/commands", Form(new() { ["user_id"] = User, ["text"] = "promise Acme: send the quote tomorrow", ["trigger_id"] = "t1", ["team_id"] = "T" }),
            "application/x-www-form-urlencoded", secret, ts);
        var unsigned = await PostSignedAsync("/slack/events", """{"type":"url_verification","challenge":"x"}""", "application/json", secret: null);

        Assert.Equal(HttpStatusCode.Unauthorized, command.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unsigned.StatusCode);
        // Recording happens before the answer, so a refused request has left its trace (or not) by now.
        Assert.Equal(0, await _bot.WithDbAsync(InboxCounts.RecordedAsync));
        Assert.Equal(0, await _bot.WithDbAsync(db => db.People.CountAsync()));
        Assert.DoesNotContain(_slack.Calls, c => c.Method is "chat.postMessage" or FakeSlackApi.ResponseUrlMethod);
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
        var answers = await _slack.WaitForCallsAsync(FakeSlackApi.ResponseUrlMethod, 2);
        Assert.All(answers, a => Assert.Equal("ephemeral", a.Body["response_type"]!.GetValue<string>()));
        Assert.All(answers, a => Assert.True(a.ContentLength > 0, "response_url post without a Content-Length (chunked)"));
        Assert.Contains("Promise saved", BlocksText(answers[^1].Body["blocks"]));
        var promise = await _bot.WithDbAsync(db => db.Promises.SingleAsync());
        Assert.Equal(new DateTime(2026, 3, 5, 17, 0, 0, DateTimeKind.Utc), promise.DueUtc); // Berlin, from users.info
        var person = await _bot.WithDbAsync(db => db.People.SingleAsync());
        Assert.Equal(("Europe/Berlin", "olga@example.com"), (person.TimeZoneId, person.Email));
    }

    [Fact]
    public async Task DirectMessage_IsAnsweredInTheDm()
    {
        await DirectMessageAsync("promises", "Ev001");

        var posts = await _slack.WaitForCallsAsync("chat.postMessage", 2);
        Assert.All(posts, p => Assert.Equal(_slack.DmChannelOf(User), p.Arg("channel")));
        Assert.All(posts, p => Assert.Equal("Bearer " + Token, p.Authorization));
        Assert.All(posts, p => Assert.False(string.IsNullOrEmpty(p.Arg("text")))); // fallback text always set
    }

    [Fact]
    public async Task RetriedEvent_HasOneEffect()
    {
        await DirectMessageAsync("promise Acme: send the revised quote tomorrow", "Ev002");
        await DirectMessageAsync("promise Acme: send the revised quote tomorrow", "Ev002", retry: 1);
        await DirectMessageAsync("promise Acme: send the revised quote tomorrow", "Ev002", retry: 2);

        await _slack.WaitForCallsAsync("chat.postMessage", 2);
        await WaitForInboxAsync(1);
        Assert.Equal(2, _slack.CallsTo("chat.postMessage").Count);
        Assert.Equal(1, await _bot.WithDbAsync(db => db.Promises.CountAsync()));
    }

    [Fact]
    public async Task BotMessages_AreIgnored()
    {
        await DirectMessageAsync("promise Acme: send the revised quote tomorrow", "Ev003", user: FakeSlackApi.BotUserId);
        await DirectMessageAsync("promise Acme: send the revised quote tomorrow", "Ev004", botId: "B123");

        await WaitForInboxAsync(2);
        Assert.Empty(_slack.CallsTo("chat.postMessage"));
        Assert.Equal(0, await _bot.WithDbAsync(db => db.People.CountAsync()));
    }

    [Fact]
    public async Task DoneButton_ClosesPromise_AndUpdatesTheMessageInPlace()
    {
        await DirectMessageAsync("promise Acme: call Olga back in 5 minutes", "Ev005");
        await _slack.WaitForCallsAsync("chat.postMessage", 2);
        _time.Advance(TimeSpan.FromMinutes(5));
        await _bot.RunDispatcherAsync();
        var reminder = (await _slack.WaitForCallsAsync("chat.postMessage", 3))[^1];
        Assert.Contains("Due now", BlocksText(reminder.Body));

        await InteractAsync(ClickPayload(Button(reminder, PromiseActions.Done), reminder));

        var update = (await _slack.WaitForCallsAsync("chat.update", 1))[0];
        Assert.Equal(reminder.Response!["ts"]!.GetValue<string>(), update.Arg("ts"));
        Assert.StartsWith("Done — on time", update.Arg("text"));
        Assert.Equal(PromiseStatus.Done, await _bot.WithDbAsync(db => db.Promises.Select(p => p.Status).SingleAsync()));
    }

    [Fact]
    public async Task NewDateButton_OpensModal_AndItsSubmissionMovesThePromise()
    {
        await DirectMessageAsync("promise Acme: call Olga back in 5 minutes", "Ev006");
        await _slack.WaitForCallsAsync("chat.postMessage", 2);
        _time.Advance(TimeSpan.FromMinutes(5));
        await _bot.RunDispatcherAsync();
        var reminder = (await _slack.WaitForCallsAsync("chat.postMessage", 3))[^1];

        var click = ClickPayload(Button(reminder, PromiseActions.Move), reminder);
        Assert.Equal(HttpStatusCode.OK, (await InteractAsync(click)).StatusCode);

        var open = Assert.Single(_slack.CallsTo("views.open")); // opened inside the request: the trigger lives 3 s
        var view = open.Body["view"]!.AsObject();
        Assert.Equal(click["trigger_id"]!.GetValue<string>(), open.Arg("trigger_id"));
        Assert.Contains("datepicker", view.ToJsonString());

        var state = new JsonObject();
        foreach (var block in view["blocks"]!.AsArray().Where(b => b!["type"]!.GetValue<string>() == "input"))
        {
            var blockId = block!["block_id"]!.GetValue<string>();
            var element = block["element"]!;
            var actionId = element["action_id"]!.GetValue<string>();
            state[blockId] = new JsonObject
            {
                [actionId] = element["type"]!.GetValue<string>() == "datepicker"
                    ? new JsonObject { ["type"] = "datepicker", ["selected_date"] = "2026-03-10" }
                    : new JsonObject { ["type"] = "plain_text_input", ["value"] = "legal is still reviewing" },
            };
        }
        var submitted = view.DeepClone().AsObject();
        submitted["id"] = "V123";
        submitted["hash"] = "h1";
        submitted["state"] = new JsonObject { ["values"] = state };
        var submission = new JsonObject
        {
            ["type"] = "view_submission",
            ["user"] = new JsonObject { ["id"] = User, ["team_id"] = FakeSlackApi.TeamId },
            ["team"] = new JsonObject { ["id"] = FakeSlackApi.TeamId },
            ["view"] = submitted,
        };
        Assert.Equal(HttpStatusCode.OK, (await InteractAsync(submission)).StatusCode);

        var update = (await _slack.WaitForCallsAsync("chat.update", 1))[0];
        Assert.StartsWith("Moved to Tue 10 Mar", update.Arg("text"));
        var promise = await _bot.WithDbAsync(db => db.Promises.Include(p => p.History).SingleAsync());
        Assert.Equal(new DateTime(2026, 3, 10, 17, 0, 0, DateTimeKind.Utc), promise.DueUtc);
        Assert.Equal("legal is still reviewing", promise.History.Single(h => h.Kind == PromiseEventKind.Moved).Reason);
    }

    [Fact]
    public async Task Reminder_IsRescheduledAndDeliveredOnce_WhenSlackRateLimits()
    {
        await DirectMessageAsync("promise Acme: call Olga back in 5 minutes", "Ev007");
        await _slack.WaitForCallsAsync("chat.postMessage", 2);
        _slack.ScriptRateLimited("chat.postMessage", 20);

        _time.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(0, await _bot.RunDispatcherAsync());
        _time.Advance(TimeSpan.FromSeconds(19));
        Assert.Equal(0, await _bot.RunDispatcherAsync());
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, await _bot.RunDispatcherAsync());
        Assert.Equal(0, await _bot.RunDispatcherAsync());

        var posts = _slack.CallsTo("chat.postMessage");
        Assert.Equal(4, posts.Count); // 2 replies, 1 throttled, 1 delivered
        Assert.Equal(429, posts[2].Status);
        Assert.Equal(OutboxStatus.Sent, await _bot.WithDbAsync(db => db.Outbox.Where(o => o.Kind == ReminderPolicy.DueKind).Select(o => o.Status).SingleAsync()));
    }

    [Fact]
    public async Task AppHomeOpened_PublishesWelcomeAndOpenPromises()
    {
        await DirectMessageAsync("promise Acme: send the revised quote tomorrow", "Ev008");
        await _slack.WaitForCallsAsync("chat.postMessage", 2);
        var envelope = new JsonObject
        {
            ["type"] = "event_callback", ["team_id"] = FakeSlackApi.TeamId, ["event_id"] = "Ev009",
            ["event"] = new JsonObject { ["type"] = "app_home_opened", ["user"] = User, ["channel"] = _slack.DmChannelOf(User), ["tab"] = "home" },
        };

        await PostSignedAsync("/slack/events", envelope.ToJsonString(), "application/json");

        var publish = (await _slack.WaitForCallsAsync("views.publish", 1))[0];
        Assert.Equal(User, publish.Arg("user_id"));
        Assert.Contains("send the revised quote", publish.Body["view"]!.ToJsonString());
    }

    [Fact]
    public async Task AckedRequest_IsProcessedAfterRestart()
    {
        await _bot.DisposeAsync();
        // What an acknowledged request leaves behind if the process dies before working on it.
        await using (var db = new AccountCoachBot.Data.CoachDbContext(new DbContextOptionsBuilder<AccountCoachBot.Data.CoachDbContext>().UseSqlite(_db.ConnectionString).Options))
        {
            var e = new JsonObject { ["type"] = "message", ["channel_type"] = "im", ["channel"] = _slack.DmChannelOf(User), ["user"] = User, ["text"] = "promises", ["ts"] = "1.2" };
            db.Inbox.Add(new InboxItem
            {
                Transport = "slack", Key = "event:EvRestart", Kind = SlackInboxKinds.Event, ReceivedUtc = _time.GetUtcNow().UtcDateTime,
                PayloadJson = new JsonObject { ["type"] = "event_callback", ["team_id"] = FakeSlackApi.TeamId, ["event_id"] = "EvRestart", ["event"] = e }.ToJsonString(),
            });
            // A slash command as a version before this one recorded it: its fields as JSON, not the form Slack sent.
            db.Inbox.Add(new InboxItem
            {
                Transport = "slack", Key = "command:trig-old", Kind = SlackInboxKinds.Command, ReceivedUtc = _time.GetUtcNow().UtcDateTime,
                PayloadJson = new JsonObject
                {
                    ["team_id"] = FakeSlackApi.TeamId, ["channel_id"] = "C0SALES", ["user_id"] = User, ["command"] = "/coach",
                    ["text"] = "promise Acme: send the revised quote tomorrow", ["trigger_id"] = "trig-old", ["response_url"] = _slack.ResponseUrl("trig-old"),
                }.ToJsonString(),
            });
            await db.SaveChangesAsync();
            // And one this version recorded before its ack, not yet moved into the inbox: in the arrivals file, its id
            // going on from the inbox's, as the writer's would.
            var arrived = new JsonObject { ["type"] = "message", ["channel_type"] = "im", ["channel"] = _slack.DmChannelOf(User), ["user"] = User, ["text"] = "accounts", ["ts"] = "1.3" };
            using var arrivals = new ArrivalsFile(ArrivalsFile.PathFor(_db.Path));
            Assert.Equal(0, arrivals.Open(moved: 2));
            Assert.Equal(3, arrivals.Append(new InboxItem
            {
                Transport = "slack", Key = "event:EvArrived", Kind = SlackInboxKinds.Event, ReceivedUtc = _time.GetUtcNow().UtcDateTime,
                PayloadJson = new JsonObject { ["type"] = "event_callback", ["team_id"] = FakeSlackApi.TeamId, ["event_id"] = "EvArrived", ["event"] = arrived }.ToJsonString(),
            }));
        }

        _bot = await StartBotAsync();

        await _slack.WaitForCallsAsync("chat.postMessage", 3);
        await WaitForInboxAsync(3);
        var items = await _bot.WithDbAsync(db => db.Inbox.OrderBy(i => i.Id).ToListAsync());
        Assert.Equal(["event:EvRestart", "command:trig-old", "event:EvArrived"], items.Select(i => i.Key));
        Assert.All(items, item => Assert.Equal(InboxStatus.Done, item.Status));
        Assert.All(items, item => Assert.DoesNotContain("promise", item.PayloadJson)); // handled: only the key is kept
        Assert.Contains("revised quote", (await _bot.WithDbAsync(db => db.Promises.SingleAsync())).What);
    }

    [Fact]
    public async Task MeetingChecklist_OpensAsModal_AndItsSubmissionStoresTheBrief()
    {
        await DirectMessageAsync("meeting Acme 2026-03-10 15:00 important", "Ev010");
        await _slack.WaitForCallsAsync("chat.postMessage", 2);
        await DirectMessageAsync("prep Acme", "Ev011");
        var form = (await _slack.WaitForCallsAsync("chat.postMessage", 3))[^1];

        var click = ClickPayload(Button(form, "meeting.save"), form);
        await InteractAsync(click);

        var view = Assert.Single(_slack.CallsTo("views.open")).Body["view"]!.AsObject();
        var inputs = view["blocks"]!.AsArray().Where(b => b!["type"]!.GetValue<string>() == "input").ToList();
        Assert.True(inputs.Count >= 9, $"expected the whole checklist in the modal, got {inputs.Count} inputs");
        Assert.Contains(inputs, b => b!["label"]!["text"]!.GetValue<string>().StartsWith("Who comes with you"));

        var state = new JsonObject();
        foreach (var block in inputs)
        {
            var actionId = block!["element"]!["action_id"]!.GetValue<string>();
            state[block["block_id"]!.GetValue<string>()] = new JsonObject
            {
                [actionId] = new JsonObject { ["type"] = "plain_text_input", ["value"] = actionId.Contains("attend") ? "no one" : "answered " + actionId },
            };
        }
        var submitted = view.DeepClone().AsObject();
        submitted["id"] = "V-form";
        submitted["hash"] = "h2";
        submitted["state"] = new JsonObject { ["values"] = state };
        await InteractAsync(new JsonObject
        {
            ["type"] = "view_submission",
            ["user"] = new JsonObject { ["id"] = User, ["team_id"] = FakeSlackApi.TeamId },
            ["team"] = new JsonObject { ["id"] = FakeSlackApi.TeamId },
            ["view"] = submitted,
        });

        await _slack.WaitForCallsAsync("chat.update", 1);
        await WaitForInboxAsync(3);
        var answers = await _bot.WithDbAsync(db => db.Set<AccountCoachBot.Features.MeetingPrep.MeetingAnswer>().CountAsync());
        Assert.Equal(inputs.Count, answers);
        Assert.NotNull(await _bot.WithDbAsync(db => db.Set<AccountCoachBot.Features.MeetingPrep.Meeting>().Select(m => m.PreparedUtc).SingleAsync()));
    }
}
