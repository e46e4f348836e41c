using System.Text.Json.Nodes;
using AccountCoachBot.Features.People;
using AccountCoachBot.Features.Teams;
using AccountCoachBot.Scheduling;
using AccountCoachBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AccountCoachBot.Tests.Features.Teams;

/// <summary>
/// Teams as Teams sends them: a lead names people with @mentions (the activity's mention entities) in a channel,
/// the people mentioned are found by their Teams id (and email, through the connector's member lookup), and each
/// new member hears once, in their own chat, who leads them.
/// </summary>
public sealed class TeamsWireTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 4, 9, 0, 0, TimeSpan.Zero));
    private readonly TestDatabase _db = new();
    private readonly HttpClient _http = new();
    private FakeConnector _connector = null!;
    private BotHost _bot = null!;

    public async Task InitializeAsync()
    {
        _connector = await FakeConnector.StartAsync();
        _connector.AddMember("29:boris", "Boris Ivanov", "boris@example.com");
        _bot = await BotHost.StartAsync(_db.Path, _time);
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _connector.DisposeAsync();
        _http.Dispose();
        _db.Dispose();
    }

    /// <summary>A message from <paramref name="user"/>; <paramref name="mentions"/> are (Teams id, name), written as &lt;at&gt;name&lt;/at&gt;.</summary>
    private async Task<string> TeamsAsync(string user, string conversation, string text, params (string Id, string Name)[] mentions)
    {
        var activity = Activities.Message(_connector.ServiceUrl, text, userId: user, conversationId: conversation, channelId: "msteams");
        activity["from"]!["name"] = user[3..];
        var entities = new JsonArray();
        foreach (var (id, name) in mentions)
            entities.Add(new JsonObject { ["type"] = "mention", ["text"] = $"<at>{name}</at>", ["mentioned"] = new JsonObject { ["id"] = id, ["name"] = name } });
        if (conversation.StartsWith("19:", StringComparison.Ordinal))
        {
            activity["conversation"] = new JsonObject { ["id"] = conversation, ["isGroup"] = true, ["conversationType"] = "channel" };
            activity["text"] = "<at>AccountCoachBot</at> " + text;
            entities.Add(new JsonObject { ["type"] = "mention", ["text"] = "<at>AccountCoachBot</at>", ["mentioned"] = new JsonObject { ["id"] = "28:bot", ["name"] = "AccountCoachBot" } });
        }
        activity["entities"] = entities;
        var count = _connector.Delivered.Count;
        var response = await _http.PostAsync(_bot.MessagesUrl, activity);
        Assert.True(response.IsSuccessStatusCode, $"{text}: {(int)response.StatusCode}");
        var delivered = await _connector.WaitForDeliveredAsync(count + 1);
        var last = delivered[^1].Activity;
        return last["text"]?.GetValue<string>() ?? last["summary"]?.GetValue<string>() ?? last.ToJsonString();
    }

    [Fact]
    public async Task Lead_AddsAndRemovesMembers_ByTeamsMention_AndEachIsToldOnceInTheirOwnChat()
    {
        await TeamsAsync("29:olga", "a:olga", "hello");                                    // the first to write: admin
        var created = await TeamsAsync("29:olga", "a:olga", "team create Sales East lead <at>Anna Petrova</at>", ("29:anna", "Anna Petrova"));
        var added = await TeamsAsync("29:anna", "19:sales@thread.tacv2", "team add <at>Boris Ivanov</at> <at>Vera Smirnova</at>",
            ("29:boris", "Boris Ivanov"), ("29:vera", "Vera Smirnova"));
        var removed = await TeamsAsync("29:anna", "19:sales@thread.tacv2", "team remove <at>Vera Smirnova</at>", ("29:vera", "Vera Smirnova"));

        Assert.Equal("Created Sales East, led by Anna Petrova. Anna Petrova adds the members: `team add @name`.", created);
        Assert.Equal("Added to Sales East: Boris Ivanov, Vera Smirnova. Each will hear once that you lead the team and what you'll see.", added);
        Assert.Equal("Removed from Sales East: Vera Smirnova.", removed);

        await using (var scope = _bot.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AccountCoachBot.Data.CoachDbContext>();
            var boris = await db.People.Include(p => p.Identities).SingleAsync(p => p.DisplayName == "Boris Ivanov");
            Assert.Equal("boris@example.com", boris.Email);                                 // from the connector's member lookup
            Assert.Equal("29:boris", Assert.Single(boris.Identities).ExternalId);
        }

        await TeamsAsync("29:boris", "a:boris", "hello");                                  // Boris's first message: the placeholder is him
        var before = _connector.Delivered.Count;
        var dispatcher = _bot.Services.GetRequiredService<NudgeDispatcher>();
        await dispatcher.RunAsync();
        await dispatcher.RunAsync();

        var notice = Assert.Single(_connector.Delivered.Skip(before));
        Assert.Equal("a:boris", notice.ConversationId);
        Assert.StartsWith("You're now in Sales East; your lead is anna.", notice.Activity["text"]?.GetValue<string>() ?? notice.Activity.ToJsonString());
        await using var check = _bot.Services.CreateAsyncScope();
        Assert.Equal(4, await check.ServiceProvider.GetRequiredService<AccountCoachBot.Data.CoachDbContext>().People.CountAsync()); // olga, anna, boris, vera
    }

    [Fact]
    public async Task Kudos_ByTeamsMention_ReachesTheColleagueAtOnce()
    {
        await TeamsAsync("29:vera", "a:vera", "hello");
        var saved = await TeamsAsync("29:olga", "19:sales@thread.tacv2", "kudos <at>Vera Smirnova</at> for rescuing the Globex renewal", ("29:vera", "Vera Smirnova"));
        var before = _connector.Delivered.Count;
        await _bot.Services.GetRequiredService<NudgeDispatcher>().RunAsync();

        Assert.Equal("Kudos to vera — I'm passing it on now.", saved);
        var told = Assert.Single(_connector.Delivered.Skip(before));
        Assert.Equal(("a:vera", "Kudos from olga: rescuing the Globex renewal\nPraise from a colleague counts for more than praise from the boss. `recognize-success-right-away`"), (told.ConversationId, told.Activity["text"]!.GetValue<string>()));
    }
}
