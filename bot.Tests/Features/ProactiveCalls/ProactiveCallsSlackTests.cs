using AccountCoachBot.Channels.Inbox;
using System.Text;
using System.Text.Json.Nodes;
using AccountCoachBot.Channels.Slack;
using AccountCoachBot.Cli;
using AccountCoachBot.Features.ProactiveCalls;
using AccountCoachBot.Scheduling;
using AccountCoachBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AccountCoachBot.Tests.Features.ProactiveCalls;

/// <summary>
/// Call nudges end to end on real Kestrel with a loopback fake of Slack's Web API: in the account's channel
/// with the owner mentioned, once; buttons that only the owner can press; a channel that refuses; restarts.
/// </summary>
public sealed class ProactiveCallsSlackTests : IAsyncLifetime
{
    private const string Secret = "test-signing-secret";
    private const string Token = "xoxb-test-token";
    private const string Olga = "U0OLGA";
    private const string Boris = "U0BORIS";
    private const string AcmeChannel = "C0ACME";
    private const string Outside = "C0OUTSIDE";
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 4, 9, 0, 0, TimeSpan.Zero)); // Wed 10:00 Berlin
    private readonly TestDatabase _db = new();
    private readonly HttpClient _http = new();
    private FakeSlackApi _slack = null!;
    private BotHost _bot = null!;
    private int _events;

    public async Task InitializeAsync()
    {
        _slack = await FakeSlackApi.StartAsync(Token);
        _slack.AddUser(new SlackUserSeed(Olga, "olga", Tz: "Europe/Berlin", Email: "olga@example.com", RealName: "Olga Petrova"));
        _slack.AddUser(new SlackUserSeed(Boris, "boris", Tz: "Europe/Berlin", Email: "boris@example.com", RealName: "Boris Ivanov"));
        _slack.AddChannel(AcmeChannel, "acme");
        _slack.AddChannel(Outside, "outside", botIsMember: false);
        _bot = await StartBotAsync();
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _slack.DisposeAsync();
        _http.Dispose();
        _db.Dispose();
    }

    private Dictionary<string, string?> Settings() => new()
    {
        ["Slack:BotToken"] = Token,
        ["Slack:SigningSecret"] = Secret,
        ["Slack:ApiBaseUrl"] = _slack.BaseUrl,
    };

    private Task<BotHost> StartBotAsync() => BotHost.StartAsync(_db.Path, _time, Settings());

    private void At(int month, int day, int hour, int minute = 0) => _time.SetUtcNow(new DateTimeOffset(2026, month, day, hour, minute, 0, TimeSpan.Zero));

    // ---- talking to the bot as Slack would ----

    private async Task PostSignedAsync(string path, string body, string contentType)
    {
        var ts = _time.GetUtcNow().ToUnixTimeSeconds().ToString();
        using var request = new HttpRequestMessage(HttpMethod.Post, _bot.BaseUrl + path.TrimStart('/')) { Content = new StringContent(body, Encoding.UTF8, contentType) };
        request.Content.Headers.ContentType!.CharSet = null;
        request.Headers.Add(SlackSignatureVerifier.TimestampHeader, ts);
        request.Headers.Add(SlackSignatureVerifier.SignatureHeader, SlackSignatureVerifier.Sign(Secret, ts, Encoding.UTF8.GetBytes(body)));
        using var response = await _http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        await WaitForInboxAsync();
    }

    /// <summary>Until the bot has worked through everything Slack sent it.</summary>
    private Task WaitForInboxAsync() =>
        _bot.WaitUntilAsync(async db => await InboxCounts.PendingAsync(db) == 0,
            "the Slack inbox being worked through");

    private Task SayAsync(string text, string user = Olga)
    {
        var e = new JsonObject { ["type"] = "message", ["channel_type"] = "im", ["channel"] = _slack.DmChannelOf(user), ["user"] = user, ["text"] = text, ["ts"] = "1700000001.000100" };
        var envelope = new JsonObject { ["type"] = "event_callback", ["team_id"] = FakeSlackApi.TeamId, ["event_id"] = $"Ev{++_events:D5}", ["event"] = e };
        return PostSignedAsync("/slack/events", envelope.ToJsonString(), "application/json");
    }

    private Task ClickAsync(FakeSlackApi.RecordedCall message, string label, string user = Olga)
    {
        var button = Buttons(message).First(b => b["text"]!["text"]!.GetValue<string>() == label);
        var payload = new JsonObject
        {
            ["type"] = "block_actions",
            ["user"] = new JsonObject { ["id"] = user, ["team_id"] = FakeSlackApi.TeamId },
            ["team"] = new JsonObject { ["id"] = FakeSlackApi.TeamId },
            ["trigger_id"] = "trigger-" + Guid.NewGuid().ToString("N"),
            ["container"] = new JsonObject { ["type"] = "message", ["channel_id"] = message.Response!["channel"]!.GetValue<string>(), ["message_ts"] = message.Response!["ts"]!.GetValue<string>() },
            ["actions"] = new JsonArray(new JsonObject
            {
                ["type"] = "button", ["action_id"] = button["action_id"]!.GetValue<string>(), ["value"] = button["value"]!.GetValue<string>(),
                ["action_ts"] = "1700000100." + Random.Shared.Next(100000, 999999), ["text"] = button["text"]!.DeepClone(),
            }),
        };
        var form = "payload=" + Uri.EscapeDataString(payload.ToJsonString());
        return PostSignedAsync("/slack/interactivity", form, "application/x-www-form-urlencoded");
    }

    private static IEnumerable<JsonObject> Buttons(FakeSlackApi.RecordedCall message) =>
        message.Body["blocks"]!.AsArray().Where(b => b!["type"]!.GetValue<string>() == "actions")
            .SelectMany(b => b!["elements"]!.AsArray()).Select(e => e!.AsObject());

    /// <summary>Every "text" a Slack message holds (its fallback and its blocks'), unescaped, one per line.</summary>
    private static string AllText(FakeSlackApi.RecordedCall call)
    {
        var texts = new List<string>();
        void Walk(JsonNode? node)
        {
            switch (node)
            {
                case JsonObject o:
                    foreach (var (key, value) in o)
                    {
                        if (key == "text" && value is JsonValue v && v.TryGetValue<string>(out var s)) texts.Add(s);
                        else Walk(value);
                    }
                    break;
                case JsonArray a:
                    foreach (var item in a) Walk(item);
                    break;
            }
        }
        Walk(call.Body);
        return string.Join('\n', texts);
    }

    private IReadOnlyList<FakeSlackApi.RecordedCall> PostsTo(string channel) =>
        _slack.CallsTo("chat.postMessage").Where(c => c.Arg("channel") == channel && c.Status == 200 && c.Response?["ok"]?.GetValue<bool>() == true).ToList();

    private IReadOnlyList<FakeSlackApi.RecordedCall> CallNudgesIn(string channel) =>
        PostsTo(channel).Where(c => c.Body.ToJsonString().Contains(CallActions.CallFirst)).ToList();

    private Task<AccountCadence> AcmeAsync() => _bot.WithDbAsync(db => db.Set<AccountCadence>().Include(c => c.Account).SingleAsync(c => c.Account!.Name == "Acme"));

    /// <summary>Olga's key account Acme, its nudges in #acme, a contact on Wed 4 Mar and a promise (due Fri 20 Mar unless said).</summary>
    private async Task AcmeInItsChannelAsync(string promiseDue = "20 Mar")
    {
        await SayAsync("account add Acme key");
        await SayAsync("called Acme: kickoff");
        await SayAsync($"promise Acme: send the secret pricing sheet by {promiseDue}");
        Assert.Equal(1, await _bot.WithDbAsync(db => db.Promises.CountAsync()));
        // Set last, so the channel is the newest place Olga's name is on: her private nudges must still go to her DM.
        _time.Advance(TimeSpan.FromMinutes(1));
        await SayAsync($"account Acme channel <#{AcmeChannel}|acme>");
    }

    /// <summary>The last thing the bot said to <paramref name="user"/> in their DM.</summary>
    private string LastReplyTo(string user) => AllText(PostsTo(_slack.DmChannelOf(user))[^1]).Split('\n')[0];

    [Theory]
    [InlineData(Outside, "I'm not in <#C0OUTSIDE> yet, so I couldn't post call nudges there. Invite me (`/invite @AccountCoachBot` in the channel) and try again. Nothing changed.")]
    [InlineData("C0GHOST", "I can't see <#C0GHOST>: check the channel, and if it's private, invite me first (`/invite @AccountCoachBot` in the channel). Nothing changed.")]
    public async Task AccountChannel_IsRefusedAndChangesNothing_WhenTheBotCannotPostThere(string channel, string answer)
    {
        await SayAsync("account add Acme key");
        await SayAsync($"account Acme channel {channel}");

        Assert.Equal(answer, LastReplyTo(Olga));
        Assert.Null((await AcmeAsync()).ChannelAddressId);
        Assert.Contains(_slack.CallsTo("conversations.info"), c => c.Arg("channel") == channel);
        Assert.Equal(0, await _bot.WithDbAsync(db => db.Addresses.CountAsync(a => a.Key.Contains(channel))));
    }

    [Theory]
    [InlineData(Outside, "Меня пока нет в <#C0OUTSIDE>, поэтому писать туда напоминания о звонках я не смогу. Пригласите меня (`/invite @AccountCoachBot` в канале) и повторите команду. Ничего не изменилось.")]
    [InlineData("C0GHOST", "Я не вижу <#C0GHOST>: проверьте канал, а если он закрытый, сначала пригласите меня (`/invite @AccountCoachBot` в канале). Ничего не изменилось.")]
    public async Task AccountChannel_IsRefusedInRussian_WhenTheBotCannotPostThere(string channel, string answer)
    {
        await SayAsync("язык ru", Boris);
        await SayAsync("account add Acme key", Boris);
        await SayAsync($"account Acme channel {channel}", Boris);

        Assert.Equal(answer, LastReplyTo(Boris));
        Assert.Null((await AcmeAsync()).ChannelAddressId);
    }

    [Fact]
    public async Task AccountChannel_IsTakenWithoutAnInvitation_WhenTheBotIsInTheChannel()
    {
        await SayAsync("account add Acme key");
        await SayAsync($"account Acme channel {AcmeChannel}");

        Assert.Equal($"Call nudges for Acme will go to <#{AcmeChannel}>, mentioning you.", LastReplyTo(Olga));
        Assert.NotNull((await AcmeAsync()).ChannelAddressId);
    }

    [Fact]
    public async Task ChannelNudge_MentionsTheOwnerOnce_ShowsOnlyCounts_AndCalledClosesIt()
    {
        await AcmeInItsChannelAsync();

        At(3, 18, 7, 59);
        await _bot.RunDispatcherAsync();
        Assert.Empty(CallNudgesIn(AcmeChannel));
        At(3, 18, 8);
        await _bot.RunDispatcherAsync();
        At(3, 18, 8, 1);
        await _bot.RunDispatcherAsync();

        var nudge = Assert.Single(CallNudgesIn(AcmeChannel));
        var json = AllText(nudge);
        Assert.StartsWith($"<@{Olga}> Acme hasn't heard from you for 14 days (key account, every 14).", nudge.Arg("text"));
        Assert.Contains($"<@{Olga}> Call before they call you", json);
        Assert.Contains("Open with Acme: 1 promise due Fri.", json);
        Assert.DoesNotContain("secret pricing", json); // a channel sees counts, never the promise itself
        Assert.Equal(["Called", "Snooze 3 days", "Snooze 1 day", "Snooze 7 days", "Skip…", "Why?"], Buttons(nudge).Select(b => b["text"]!["text"]!.GetValue<string>()));

        await ClickAsync(nudge, "Called");

        var update = Assert.Single(_slack.CallsTo("chat.update"));
        Assert.Equal((AcmeChannel, nudge.Response!["ts"]!.GetValue<string>()), (update.Arg("channel"), update.Arg("ts")));
        Assert.StartsWith("Logged: call with Acme, 14 days after the last contact. Next one due by Wed 1 Apr.", update.Arg("text"));
        Assert.Equal(new DateTime(2026, 3, 18, 8, 1, 0, DateTimeKind.Utc), (await AcmeAsync()).LastContactUtc);
        foreach (var day in new[] { 19, 20, 23, 31 })
        {
            At(3, day, 9);
            await _bot.RunDispatcherAsync();
        }
        Assert.Single(CallNudgesIn(AcmeChannel));
        At(4, 1, 7);
        await _bot.RunDispatcherAsync();
        Assert.Equal(2, CallNudgesIn(AcmeChannel).Count);
        // The promise's own reminders and the overdue list went to Olga's DM, never to the channel.
        Assert.All(PostsTo(AcmeChannel), c => Assert.Contains(CallActions.CallFirst, c.Body.ToJsonString()));
        Assert.Contains(PostsTo(_slack.DmChannelOf(Olga)), c => AllText(c).Contains("secret pricing"));
    }

    [Fact]
    public async Task ChannelClick_ByAnotherPerson_IsRefusedEphemerally_AndChangesNothing()
    {
        await AcmeInItsChannelAsync();
        At(3, 18, 8);
        await _bot.RunDispatcherAsync();
        var nudge = Assert.Single(CallNudgesIn(AcmeChannel));
        var before = await AcmeAsync();

        await ClickAsync(nudge, "Called", user: Boris);
        await ClickAsync(nudge, "Snooze 7 days", user: Boris);

        var refusals = _slack.CallsTo("chat.postEphemeral").Where(c => c.Arg("text")!.Contains("only they can")).ToList();
        Assert.Equal(2, refusals.Count);
        Assert.All(refusals, r => Assert.Equal((AcmeChannel, Boris), (r.Arg("channel"), r.Arg("user"))));
        Assert.StartsWith("This nudge is for Olga Petrova: only they can log, snooze or skip it.", refusals[0].Arg("text"));
        Assert.Empty(_slack.CallsTo("chat.update"));
        Assert.DoesNotContain(_slack.CallsTo("chat.postMessage"), c => c.Arg("channel") == AcmeChannel && !c.Body.ToJsonString().Contains(CallActions.CallFirst));
        var after = await AcmeAsync();
        Assert.Equal((before.LastContactUtc, before.Cycle, before.AnnouncedByKey), (after.LastContactUtc, after.Cycle, after.AnnouncedByKey));
        Assert.Equal(1, await _bot.WithDbAsync(db => db.Set<Touch>().CountAsync()));
    }

    [Fact]
    public async Task Snooze_BringsTheChannelNudgeBack_OnTheRightWorkingDay()
    {
        await AcmeInItsChannelAsync();
        At(3, 20, 8); // Fri
        await _bot.RunDispatcherAsync();
        var nudge = Assert.Single(CallNudgesIn(AcmeChannel));

        await ClickAsync(nudge, "Snooze 3 days");

        Assert.Equal("Snoozed: Acme comes back Mon 23 Mar.", Assert.Single(_slack.CallsTo("chat.update")).Arg("text"));
        At(3, 23, 7, 59);
        await _bot.RunDispatcherAsync();
        Assert.Single(CallNudgesIn(AcmeChannel));
        At(3, 23, 8);
        await _bot.RunDispatcherAsync();
        var back = CallNudgesIn(AcmeChannel);
        Assert.Equal(2, back.Count);
        Assert.StartsWith($"<@{Olga}> Acme hasn't heard from you for 19 days", back[1].Arg("text"));
    }

    [Fact]
    public async Task ChannelThatRefuses_SendsTheNudgeToTheOwnersDmOnceWithTheFix_NotInALoop()
    {
        await AcmeInItsChannelAsync(promiseDue: "10 Apr"); // no promise reminder shares the scripted refusal
        var dm = _slack.DmChannelOf(Olga);
        var dmPostsBefore = PostsTo(dm).Count;
        At(3, 18, 8);
        _slack.ScriptError("chat.postMessage", "not_in_channel");

        await _bot.RunDispatcherAsync();
        At(3, 18, 8, 1);
        await _bot.RunDispatcherAsync();
        for (var minute = 2; minute < 6; minute++)
        {
            At(3, 18, 8, minute);
            await _bot.RunDispatcherAsync();
        }

        var toChannel = _slack.CallsTo("chat.postMessage").Where(c => c.Arg("channel") == AcmeChannel).ToList();
        Assert.Single(toChannel); // the refused one; no retries
        var fallback = Assert.Single(PostsTo(dm).Skip(dmPostsBefore));
        var json = AllText(fallback);
        Assert.Contains($"I couldn't post in <#{AcmeChannel}>. Invite me there with `/invite @AccountCoachBot`; until then I'll nudge you here.", json);
        Assert.Contains("Acme hasn't heard from you for 14 days", json);
        Assert.Contains("secret pricing", json); // the owner's own chat gets the details
        Assert.DoesNotContain($"<@{Olga}>", json);

        // The next cycle tries the channel again; refused again, the owner is not told the fix a second time.
        await ClickAsync(fallback, "Snooze 1 day");
        At(3, 19, 8);
        _slack.ScriptError("chat.postMessage", "not_in_channel");
        await _bot.RunDispatcherAsync();
        At(3, 19, 8, 1);
        await _bot.RunDispatcherAsync();

        Assert.Equal(2, _slack.CallsTo("chat.postMessage").Count(c => c.Arg("channel") == AcmeChannel));
        var second = PostsTo(dm).Skip(dmPostsBefore).ToList();
        Assert.Equal(2, second.Count);
        Assert.DoesNotContain("/invite", AllText(second[1]));
        Assert.Contains("Acme hasn't heard from you for 15 days", AllText(second[1]));

        // Invited at last: the cycle after goes to the channel again.
        await ClickAsync(second[1], "Snooze 1 day");
        At(3, 20, 8);
        await _bot.RunDispatcherAsync();
        Assert.Single(CallNudgesIn(AcmeChannel));
    }

    [Fact]
    public async Task Restart_DoesNotDoubleTheNudge_WhenItWasThrottledBeforeTheRestart()
    {
        await AcmeInItsChannelAsync();
        At(3, 18, 8);
        _slack.ScriptRateLimited("chat.postMessage", 30);
        await _bot.RunDispatcherAsync();
        Assert.Empty(CallNudgesIn(AcmeChannel));

        await _bot.DisposeAsync();
        _bot = await StartBotAsync();
        await _bot.RunDispatcherAsync();
        At(3, 18, 8, 1);
        await _bot.RunDispatcherAsync();
        await _bot.RunDispatcherAsync();

        await _bot.DisposeAsync();
        _bot = await StartBotAsync();
        At(3, 18, 9);
        await _bot.RunDispatcherAsync();
        var second = ActivatorUtilities.CreateInstance<NudgeDispatcher>(_bot.Services);
        await Task.WhenAll(_bot.RunDispatcherAsync(), second.RunAsync());

        Assert.Single(CallNudgesIn(AcmeChannel));
        Assert.Equal(1, await _bot.WithDbAsync(db => db.Outbox.CountAsync(o => o.Kind.StartsWith(CallNudgeKinds.Prefix))));
    }

    /// <summary>`accounts import file.csv` on the same executable, configuration and database as the running bot.</summary>
    private async Task<string> ImportAsync(string csv)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await AccountsCommand.RunAsync(["import", csv, $"--ConnectionStrings:Coach=Data Source={_db.Path}",
            $"--Slack:BotToken={Token}", $"--Slack:SigningSecret={Secret}", $"--Slack:ApiBaseUrl={_slack.BaseUrl}"], output, error, _time);
        Assert.True(exit == 0, error.ToString());
        return output.ToString().Trim();
    }

    [Fact]
    public async Task PrivateNudges_StayInTheOwnersDm_WhenTheAccountsChannelIsTheNewerAddress()
    {
        await SayAsync("promise Acme: send the secret pricing sheet by 20 Mar");
        At(3, 10, 9); // the import, days after Olga last wrote to the bot, makes #acme her newest address
        var csv = Path.Combine(_db.Directory, "acme.csv");
        await File.WriteAllTextAsync(csv, $"name,owner_email,tier,cadence_days,last_contact,slack_channel\nAcme,olga@example.com,key,,2026-03-09,{AcmeChannel}\n");
        Assert.Equal("Imported 1 accounts: 0 new, 1 updated.", await ImportAsync(csv));

        At(3, 23, 9); // the promise is overdue and Acme is due a call
        await _bot.RunDispatcherAsync();

        Assert.Single(CallNudgesIn(AcmeChannel));
        Assert.All(PostsTo(AcmeChannel), c => Assert.DoesNotContain("secret pricing", AllText(c)));
        Assert.Contains(PostsTo(_slack.DmChannelOf(Olga)), c => AllText(c).Contains("Overdue promises (1)"));
    }

    [Fact]
    public async Task ImportedAccounts_AreNudgedExactlyWhenOverdue_InTheirChannels_DuringEachOwnersWorkingHours()
    {
        const string Sam = "U0SAM", Kenji = "U0KENJI";
        _slack.AddUser(new SlackUserSeed(Sam, "sam", Tz: "America/New_York", RealName: "Sam Lee")); // no email in his profile yet
        _slack.AddUser(new SlackUserSeed(Kenji, "kenji", Tz: "Asia/Tokyo", Email: "kenji@example.com", RealName: "Kenji Sato"));
        await SayAsync("hello");
        await SayAsync("hello", Sam);
        await SayAsync("hello", Kenji);
        _slack.AddUser(new SlackUserSeed(Sam, "sam", Tz: "America/New_York", Email: "sam@example.com", RealName: "Sam Lee")); // found by users.lookupByEmail
        Assert.Null(await _bot.WithDbAsync(db => db.People.Where(p => p.DisplayName == "Sam Lee").Select(p => p.Email).SingleAsync()));

        At(3, 18, 6); // Wed: 07:00 Berlin, 02:00 New York, 15:00 Tokyo
        var csv = Path.Combine(_db.Directory, "accounts.csv");
        await File.WriteAllTextAsync(csv, """
            name,owner_email,tier,cadence_days,last_contact,slack_channel
            Orion,olga@example.com,key,,2026-03-01,C0O1
            Polaris,olga@example.com,key,,2026-03-10,C0O2
            Quasar,olga@example.com,standard,,2026-02-01,C0O3
            Rigel,olga@example.com,,,2026-03-01,#C0O4
            Sirius,olga@example.com,,7,2026-03-09,C0O5
            Tau,olga@example.com,,20,2026-02-27,C0O6
            Vega,olga@example.com,key,,,C0O7
            Atlas,sam@example.com,key,,2026-03-02,C0S1
            Boreal,sam@example.com,key,,2026-03-05,C0S2
            Cirrus,sam@example.com,,,2026-01-15,
            "Delta, Inc",sam@example.com,,,2026-02-20,C0S4
            Ember,sam@example.com,standard,10,2026-03-08,C0S5
            Fjord,sam@example.com,,60,2026-02-01,C0S6
            Glacier,sam@example.com,,,,C0S7
            Hikari,kenji@example.com,key,,2026-03-01,C0K1
            Izumi,kenji@example.com,,,2026-02-10,C0K2
            Jin,kenji@example.com,key,,2026-03-12,C0K3
            Kaze,kenji@example.com,,5,2026-03-16,C0K4
            Mori,kenji@example.com,,,2026-02-20,
            Nami,kenji@example.com,,3,2026-03-14,C0K6
            """);
        Assert.Equal("Imported 20 accounts: 20 new, 0 updated.", await ImportAsync(csv));
        Assert.NotEmpty(_slack.CallsTo("users.lookupByEmail"));

        IEnumerable<string> Nudged() => _slack.CallsTo("chat.postMessage")
            .Where(c => c.Body.ToJsonString().Contains(CallActions.CallFirst)).Select(c => c.Arg("channel")!).Order();

        await _bot.RunDispatcherAsync(); // only Tokyo is at work
        Assert.Equal(["C0K1", "C0K2", "C0K6"], Nudged());
        Assert.All(_slack.CallsTo("chat.postMessage").Where(c => c.Arg("channel")!.StartsWith("C0K")), c => Assert.StartsWith($"<@{Kenji}> ", c.Arg("text")));

        At(3, 18, 8); // 09:00 Berlin
        await _bot.RunDispatcherAsync();
        Assert.Equal(["C0K1", "C0K2", "C0K6", "C0O1", "C0O3", "C0O5"], Nudged());

        At(3, 18, 12, 59);
        await _bot.RunDispatcherAsync();
        At(3, 18, 13); // 09:00 New York
        await _bot.RunDispatcherAsync();
        At(3, 18, 16);
        await _bot.RunDispatcherAsync();
        Assert.Equal(["C0K1", "C0K2", "C0K6", "C0O1", "C0O3", "C0O5", "C0S1", "C0S5", _slack.DmChannelOf(Sam)], Nudged().OrderBy(c => c.StartsWith('D')).ThenBy(c => c));
        Assert.Contains("Cirrus hasn't heard from you", AllText(_slack.CallsTo("chat.postMessage").Single(c => c.Arg("channel") == _slack.DmChannelOf(Sam) && c.Body.ToJsonString().Contains(CallActions.CallFirst))));
    }
}
