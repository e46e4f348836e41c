using AccountCoachBot.Channels.Inbox;
using System.Text;
using System.Text.Json.Nodes;
using AccountCoachBot.Channels.Slack;
using AccountCoachBot.Data;
using AccountCoachBot.Features.MeetingPrep;
using AccountCoachBot.Features.People;
using AccountCoachBot.Features.ProactiveCalls;
using AccountCoachBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AccountCoachBot.Tests.Features.People;

/// <summary>
/// The same manager in Slack and in Teams, with data in every feature on both sides, links the two chats through
/// the wire: nothing either side kept may be lost. The row counts walk the EF model, so a table added later
/// without merge support (or without data in this scenario) fails here.
/// </summary>
public sealed class LinkingAcrossChannelsTests : IAsyncLifetime
{
    private const string Secret = "test-signing-secret";
    private const string Token = "xoxb-test-token";
    private const string SlackUser = "U0OLGA";
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 4, 9, 0, 0, TimeSpan.Zero)); // Wed 10:00 Berlin
    private readonly TestDatabase _db = new();
    private readonly HttpClient _http = new();
    private FakeSlackApi _slack = null!;
    private FakeConnector _connector = null!;
    private Calendar.FeedServer _feeds = null!;
    private BotHost _bot = null!;
    private int _slackEvents;
    private int _slackRequests;

    public async Task InitializeAsync()
    {
        _slack = await FakeSlackApi.StartAsync(Token);
        // No email in Slack's profile: nothing links the two chats but the code.
        _slack.AddUser(new SlackUserSeed(SlackUser, "olga", Tz: "Europe/Berlin", RealName: "Olga Petrova"));
        _connector = await FakeConnector.StartAsync();
        _feeds = await Calendar.FeedServer.StartAsync();
        _bot = await BotHost.StartAsync(_db.Path, _time, new Dictionary<string, string?>
        {
            ["Calendar:AllowPrivateNetworks"] = "true",
            ["Slack:BotToken"] = Token,
            ["Slack:SigningSecret"] = Secret,
            ["Slack:ApiBaseUrl"] = _slack.BaseUrl,
        });
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _slack.DisposeAsync();
        await _connector.DisposeAsync();
        await _feeds.DisposeAsync();
        _http.Dispose();
        _db.Dispose();
    }

    [Fact]
    public async Task Link_KeepsMeetingsVacationSettingsAndCallHistory_OfThePersonWhoTypesTheCode()
    {
        await FillTeamsSideAsync();
        await FillSlackSideAsync();
        var before = await CountPersonRowsAsync();

        var issued = await TeamsAsync("link");
        var code = issued.Split(' ', StringSplitOptions.RemoveEmptyEntries)[3].TrimEnd('(');
        var linked = await SlackAsync($"link {code}");

        Assert.Contains("Linked: both chats are now one account with 4 open promises.", linked);
        var meetings = await TeamsAsync("meetings");
        Assert.Contains("Acme", meetings);
        Assert.Contains("Globex", meetings);
        var settings = await TeamsAsync("settings");
        Assert.Contains("08:00", settings);                   // the Slack side's working hours (Teams kept the default)
        Assert.Contains("10 Apr", settings);                  // the vacation set in Slack
        var accounts = await TeamsAsync("accounts");
        Assert.Contains("Globex", accounts);
        Assert.Contains("Acme", accounts);

        await using var scope = _bot.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoachDbContext>();
        // Besides the people added to a team by email, who have not written yet.
        var people = await db.People.Include(p => p.Identities).Where(p => p.Email == null || !p.Email.EndsWith("@example.com")).ToListAsync();
        Assert.True(people.Count == 1, string.Join("; ", people.Select(p => $"{p.Id} {p.DisplayName} [{string.Join(",", p.Identities.Select(i => i.Channel + ":" + i.ExternalId))}]")));
        var person = people[0];
        Assert.Equal(["msteams", SlackReference.Transport], (await db.ChannelIdentities.Select(i => i.Channel).ToListAsync()).Order());
        Assert.Equal(120, (await db.Set<MeetingPreferences>().SingleAsync()).LeadMinutes);
        Assert.True((await db.Set<NudgePreferences>().SingleAsync()).CallsMuted);
        var call = await db.Set<Touch>().SingleAsync(t => t.Kind == TouchKind.Call);
        Assert.Equal(("intro call", person.Id), (call.Note, call.PersonId)); // logged in Slack
        var acme = await db.Accounts.SingleAsync(a => a.NormalizedName == "ACME");
        var acmeCadence = await db.Set<AccountCadence>().SingleAsync(c => c.AccountId == acme.Id);
        Assert.Equal(AccountTier.Key, acmeCadence.Tier);     // key on the Teams side, standard on the Slack side
        var globex = await db.Accounts.SingleAsync(a => a.NormalizedName == "GLOBEX");
        var globexCadence = await db.Set<AccountCadence>().SingleAsync(c => c.AccountId == globex.Id);
        Assert.Equal((AccountTier.Key, call.AtUtc), (globexCadence.Tier, globexCadence.LastContactUtc)); // key and called in Slack
        var olga = await db.Set<ClientContact>().SingleAsync(c => c.AccountId == acme.Id);
        Assert.Contains("wants predictability", olga.Notes); // noted in Slack
        Assert.Contains("likes short decks", olga.Notes);    // noted in Teams

        var after = await CountPersonRowsAsync();
        // Rows that exist once per person or per account are combined (both sides have Acme and Globex, and know
        // Olga at Acme); every other row survives the merge.
        var combined = new Dictionary<string, int>
        {
            [nameof(Person)] = 1, [nameof(Account)] = 2, [nameof(AccountCadence)] = 1, [nameof(ClientContact)] = 1,
        };
        foreach (var (table, count) in before)
        {
            Assert.True(count.Rows > 0, $"The linking scenario puts no rows in {table}: give it data on the Slack side, and merge support.");
            Assert.True(after[table].Rows == count.Rows - combined.GetValueOrDefault(table),
                $"{table}: {count.Rows} rows before linking, {after[table].Rows} after (expected {count.Rows - combined.GetValueOrDefault(table)}).");
            if (count.PersonKeys > 0) // the table keys its rows to a person directly
                Assert.True(after[table].PersonKeys == count.PersonKeys - combined.GetValueOrDefault(table),
                $"{table}: {count.PersonKeys} rows referenced a person before linking, {after[table].PersonKeys} after: the merge dropped a person key.");
        }
    }

    private async Task FillTeamsSideAsync()
    {
        await TeamsAsync("promise Acme: send the revised quote 2026-03-12");
        await TeamsAsync("account add Acme key");
        await TeamsAsync("meeting Globex 2026-03-11 10:00");
        await TeamsAsync("meeting Acme 2026-03-06 11:00");
        await TeamsChecklistAsync("prep Acme", "Olga Petrova — likes short decks");
        // The first to write is the admin: a team, a lead and a member, all added by email.
        await TeamsAsync("team create Sales East lead vera@example.com");
        await TeamsAsync("team add Sales East boris@example.com");
        await TeamsAsync("digest time Sales East tuesday 10:00"); // an admin sets the team's weekly digest
    }

    private async Task FillSlackSideAsync()
    {
        await SlackAsync("meeting Acme 2026-03-05 15:00 important");
        await SlackFormAsync("prep Acme", MeetingActions.Save, new() { [ChecklistItemIds.ClientAttendees] = "Olga Petrova — CFO, wants predictability" });
        await SlackAsync("vacation 2026-04-10 2026-04-14");
        await SlackAsync("kudos vera@example.com for the intro to Globex");
        await SlackAsync("account add Globex key");
        await SlackAsync("called Globex: intro call");
        await SlackAsync("promise Acme: send the contract 2026-03-12");
        await SlackAsync("promise Globex: send the plan 2026-03-13");
        await SlackAsync("prep lead 2h");
        await SlackAsync("mute calls");
        await SlackAsync("hours 08:00-17:00");
        // A calendar brings a Globex meeting, recognised by its domain.
        await SlackAsync("account Globex domain globex.com");
        _feeds.Ics("/cal.ics", Calendar.Ics.Calendar(Calendar.Ics.Event("g@globex", "Pilot", "DTSTART:20260309T100000Z", "DTEND:20260309T110000Z",
            Calendar.Ics.Attendee("john@globex.com", "John Smith"))));
        await SlackAsync("calendar " + _feeds.Url("/cal.ics"));
        Assert.Equal(1, await _bot.Services.GetRequiredService<AccountCoachBot.Features.Calendar.CalendarReadJob>().RunAsync(CancellationToken.None));
        _time.SetUtcNow(new DateTimeOffset(2026, 3, 5, 16, 30, 0, TimeSpan.Zero)); // the Acme meeting is over
        await SlackFormAsync("debrief Acme", MeetingActions.DebriefSave, new() { [ChecklistItemIds.Promised] = "send the minutes by Friday" });
    }

    /// <summary>Per table whose rows belong to a person (directly or through one of their rows): rows, and rows keyed to a person.</summary>
    private async Task<Dictionary<string, (int Rows, int PersonKeys)>> CountPersonRowsAsync()
    {
        await using var scope = _bot.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoachDbContext>();
        var counts = new Dictionary<string, (int, int)>();
        foreach (var type in PersonOwnedTypes(db.Model))
        {
            var table = type.GetTableName()!;
            var personKeys = type.GetForeignKeys().Where(fk => fk.PrincipalEntityType.ClrType == typeof(Person))
                .SelectMany(fk => fk.Properties).Select(p => p.GetColumnName()).ToList();
            var rows = await ScalarAsync(db, $"SELECT COUNT(*) FROM \"{table}\"");
            var keyed = type.ClrType == typeof(Person) ? rows
                : personKeys.Count == 0 ? 0
                : await ScalarAsync(db, $"SELECT COUNT(*) FROM \"{table}\" WHERE {string.Join(" OR ", personKeys.Select(c => $"\"{c}\" IS NOT NULL"))}");
            counts[type.ClrType.Name] = (rows, keyed);
        }
        return counts;
    }

    /// <summary>The person, and every entity type whose foreign keys lead to a person, directly or through another such type.</summary>
    internal static IReadOnlyList<IEntityType> PersonOwnedTypes(IModel model)
    {
        var owned = new HashSet<IEntityType> { model.FindEntityType(typeof(Person))! };
        bool grew;
        do
        {
            grew = false;
            foreach (var type in model.GetEntityTypes())
                if (!owned.Contains(type) && type.GetForeignKeys().Any(fk => owned.Contains(fk.PrincipalEntityType)))
                    grew = owned.Add(type) || grew;
        } while (grew);
        return owned.OrderBy(t => t.ClrType.Name).ToList();
    }

    private static async Task<int> ScalarAsync(CoachDbContext db, string sql)
    {
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open) await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt32(await command.ExecuteScalarAsync());
    }

    private async Task<string> TeamsAsync(string text)
    {
        var count = _connector.Delivered.Count;
        var response = await _http.PostAsync(_bot.MessagesUrl, Activities.Message(_connector.ServiceUrl, text, channelId: "msteams"));
        Assert.True(response.IsSuccessStatusCode, $"{text}: {(int)response.StatusCode}");
        var delivered = await _connector.WaitForDeliveredAsync(count + 1);
        return string.Join("\n", delivered.Skip(count).Select(c => c.Activity.ToJsonString()));
    }

    /// <summary>The checklist as Teams shows it, an Adaptive Card form, submitted with the client's attendees filled in.</summary>
    private async Task TeamsChecklistAsync(string command, string attendees)
    {
        var form = JsonNode.Parse((await TeamsAsync(command)).Split('\n')[^1])!["attachments"]![0]!["content"]!;
        var inputs = form["body"]!.AsArray().Where(e => e!["type"]!.GetValue<string>().StartsWith("Input.")).Select(e => e!["id"]!.GetValue<string>());
        var data = form["actions"]!.AsArray().Single(a => a!["data"]?["action"]?.GetValue<string>() == MeetingActions.Save)!["data"]!.DeepClone().AsObject();
        foreach (var id in inputs) data[id] = id.StartsWith(ChecklistItemIds.ClientAttendees, StringComparison.Ordinal) ? attendees : "answered";
        var count = _connector.Delivered.Count;
        var submit = Activities.Submit(_connector.ServiceUrl, data);
        submit["channelId"] = "msteams";
        await _http.PostAsync(_bot.MessagesUrl, submit);
        await _connector.WaitForDeliveredAsync(count + 1);
    }

    /// <summary>A checklist as Slack shows it: a button that opens a modal, submitted with these answers (by item id) and "answered" elsewhere.</summary>
    private async Task SlackFormAsync(string command, string saveAction, Dictionary<string, string> answers)
    {
        await SlackAsync(command);
        var message = _slack.CallsTo("chat.postMessage")[^1];
        var button = message.Body["blocks"]!.AsArray().Where(b => b!["type"]!.GetValue<string>() == "actions")
            .SelectMany(b => b!["elements"]!.AsArray())
            .First(e => SlackActionParser.ActionIdOf(e!["action_id"]!.GetValue<string>()) == saveAction)!;
        var opened = _slack.CallsTo("views.open").Count;
        await SignedSlackAsync("slack/interactivity", Interaction(new JsonObject
        {
            ["type"] = "block_actions",
            ["user"] = new JsonObject { ["id"] = SlackUser, ["team_id"] = FakeSlackApi.TeamId },
            ["team"] = new JsonObject { ["id"] = FakeSlackApi.TeamId },
            ["trigger_id"] = "trigger-" + Guid.NewGuid().ToString("N"),
            ["container"] = new JsonObject { ["type"] = "message", ["channel_id"] = message.Arg("channel"), ["message_ts"] = message.Response!["ts"]!.GetValue<string>() },
            ["actions"] = new JsonArray(new JsonObject
            {
                ["type"] = "button", ["action_id"] = button["action_id"]!.GetValue<string>(), ["value"] = button["value"]!.GetValue<string>(),
                ["action_ts"] = "1700000100.000001", ["text"] = button["text"]!.DeepClone(),
            }),
        }), "application/x-www-form-urlencoded", recorded: false);
        var view = (await _slack.WaitForCallsAsync("views.open", opened + 1))[^1].Body["view"]!.DeepClone().AsObject();
        var values = new JsonObject();
        foreach (var block in view["blocks"]!.AsArray().Where(b => b!["type"]!.GetValue<string>() == "input"))
        {
            var actionId = block!["element"]!["action_id"]!.GetValue<string>();
            values[block["block_id"]!.GetValue<string>()] = new JsonObject
            {
                [actionId] = new JsonObject { ["type"] = "plain_text_input", ["value"] = answers.FirstOrDefault(a => actionId.Contains(a.Key)).Value ?? "answered" },
            };
        }
        view["id"] = "V-" + Guid.NewGuid().ToString("N");
        view["hash"] = "h1";
        view["state"] = new JsonObject { ["values"] = values };
        await SignedSlackAsync("slack/interactivity", Interaction(new JsonObject
        {
            ["type"] = "view_submission",
            ["user"] = new JsonObject { ["id"] = SlackUser, ["team_id"] = FakeSlackApi.TeamId },
            ["team"] = new JsonObject { ["id"] = FakeSlackApi.TeamId },
            ["view"] = view,
        }), "application/x-www-form-urlencoded");
        await WaitForInboxAsync(_slackRequests);
    }

    private static string Interaction(JsonObject payload) => "payload=" + Uri.EscapeDataString(payload.ToJsonString());

    /// <param name="recorded">False for a click that opens a modal: it is answered at once, not through the inbox.</param>
    private async Task SignedSlackAsync(string path, string body, string contentType, bool recorded = true)
    {
        if (recorded) _slackRequests++;
        var ts = _time.GetUtcNow().ToUnixTimeSeconds().ToString();
        using var request = new HttpRequestMessage(HttpMethod.Post, _bot.BaseUrl + path) { Content = new StringContent(body, Encoding.UTF8, contentType) };
        request.Content.Headers.ContentType!.CharSet = null;
        request.Headers.Add(SlackSignatureVerifier.TimestampHeader, ts);
        request.Headers.Add(SlackSignatureVerifier.SignatureHeader, SlackSignatureVerifier.Sign(Secret, ts, Encoding.UTF8.GetBytes(body)));
        var response = await _http.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode}");
    }

    private async Task<string> SlackAsync(string text)
    {
        var posts = _slack.CallsTo("chat.postMessage").Count;
        var eventId = $"Ev{++_slackEvents:D4}";
        var e = new JsonObject
        {
            ["type"] = "message", ["channel_type"] = "im", ["channel"] = _slack.DmChannelOf(SlackUser), ["user"] = SlackUser, ["text"] = text,
            ["ts"] = $"1700000{_slackEvents:D3}.000100",
        };
        var envelope = new JsonObject { ["type"] = "event_callback", ["team_id"] = FakeSlackApi.TeamId, ["event_id"] = eventId, ["event"] = e };
        await SignedSlackAsync("slack/events", envelope.ToJsonString(), "application/json");
        await _slack.WaitForCallsAsync("chat.postMessage", posts + 1);
        await WaitForInboxAsync(_slackRequests);
        return string.Join("\n", _slack.CallsTo("chat.postMessage").Skip(posts).Select(c => c.Body.ToJsonString()));
    }

    /// <summary>All of a turn's replies are out once the inbox row is marked handled.</summary>
    private Task WaitForInboxAsync(int handled) =>
        _bot.WaitUntilAsync(async db => await db.Inbox.CountAsync(i => i.Transport == "slack" && i.Status != InboxStatus.Pending) >= handled,
            $"the Slack inbox reaching {handled} handled requests");
}
