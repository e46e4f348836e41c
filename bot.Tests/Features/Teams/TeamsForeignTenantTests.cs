using System.Text.Json.Nodes;
using AccountCoachBot.Data;
using AccountCoachBot.Features.Teams;
using AccountCoachBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AccountCoachBot.Tests.Features.Teams;

/// <summary>
/// A Teams mention of someone from another tenant (a federated chat) is refused, as Slack refuses a user of another
/// workspace: the mention entity names only the Teams id, and the connector's member lookup tells the tenant.
/// </summary>
public sealed class TeamsForeignTenantTests : IAsyncLifetime
{
    private const string Home = "tenant-home-0001";
    private const string Other = "tenant-partner-0002";
    private const string Chat = "19:sales@thread.tacv2";
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 4, 9, 0, 0, TimeSpan.Zero));
    private readonly TestDatabase _db = new();
    private readonly HttpClient _http = new();
    private FakeConnector _connector = null!;
    private BotHost _bot = null!;

    public async Task InitializeAsync()
    {
        _connector = await FakeConnector.StartAsync();
        _connector.AddMember("29:anna", "Anna Petrova", "anna@example.com", Home);
        _connector.AddMember("29:boris", "Boris Ivanov", "boris@example.com", Home);
        _connector.AddMember("29:ext", "Ext Partner", "ext@partner.example", Other);
        _bot = await BotHost.StartAsync(_db.Path, _time);
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _connector.DisposeAsync();
        _http.Dispose();
        _db.Dispose();
    }

    /// <summary>A message in a Teams conversation of the home tenant; <paramref name="mentions"/> are (Teams id, name).</summary>
    private async Task<string> TeamsAsync(string user, string conversation, string text, string locale, params (string Id, string Name)[] mentions)
    {
        var activity = Activities.Message(_connector.ServiceUrl, text, userId: user, conversationId: conversation, channelId: "msteams", locale: locale);
        activity["from"]!["name"] = user[3..];
        activity["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = Home } };
        var entities = new JsonArray();
        foreach (var (id, name) in mentions)
            entities.Add(new JsonObject { ["type"] = "mention", ["text"] = $"<at>{name}</at>", ["mentioned"] = new JsonObject { ["id"] = id, ["name"] = name } });
        if (conversation.StartsWith("19:", StringComparison.Ordinal))
        {
            activity["conversation"] = new JsonObject { ["id"] = conversation, ["isGroup"] = true, ["conversationType"] = "channel", ["tenantId"] = Home };
            activity["text"] = "<at>AccountCoachBot</at> " + text;
            entities.Add(new JsonObject { ["type"] = "mention", ["text"] = "<at>AccountCoachBot</at>", ["mentioned"] = new JsonObject { ["id"] = "28:bot", ["name"] = "AccountCoachBot" } });
        }
        activity["entities"] = entities;
        var count = _connector.Delivered.Count;
        var response = await _http.PostAsync(_bot.MessagesUrl, activity);
        Assert.True(response.IsSuccessStatusCode, $"{text}: {(int)response.StatusCode}");
        var last = (await _connector.WaitForDeliveredAsync(count + 1))[^1].Activity;
        return last["text"]?.GetValue<string>() ?? last["summary"]?.GetValue<string>() ?? last.ToJsonString();
    }

    private async Task<T> DbAsync<T>(Func<CoachDbContext, Task<T>> read)
    {
        await using var scope = _bot.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<CoachDbContext>());
    }

    [Fact]
    public async Task TeamCreate_RefusesALeadFromAnotherTenant_AndCreatesNothing()
    {
        await TeamsAsync("29:olga", "a:olga", "hello", "en-US");                                 // the first to write: admin

        var refused = await TeamsAsync("29:olga", Chat, "team create Sales East lead <at>Ext Partner</at>", "en-US", ("29:ext", "Ext Partner"));
        var created = await TeamsAsync("29:olga", Chat, "team create Sales East lead <at>Anna Petrova</at>", "en-US", ("29:anna", "Anna Petrova"));

        Assert.Equal("@Ext Partner is in another workspace or organisation, and I only work with people from this one. Nothing changed.", refused);
        Assert.StartsWith("Created Sales East, led by Anna Petrova.", created);
        Assert.Equal(1, await DbAsync(db => db.Set<Team>().CountAsync()));
        Assert.False(await DbAsync(db => db.People.AnyAsync(p => p.Email == "ext@partner.example" || p.DisplayName == "Ext Partner")));
    }

    [Fact]
    public async Task TeamAddAndKudos_RefuseSomeoneFromAnotherTenant_InRussian_AndChangeNothing()
    {
        await TeamsAsync("29:olga", "a:olga", "hello", "en-US");
        await TeamsAsync("29:olga", Chat, "team create Sales East lead <at>Anna Petrova</at>", "en-US", ("29:anna", "Anna Petrova"));
        await TeamsAsync("29:anna", "a:anna", "привет", "ru-RU");

        var add = await TeamsAsync("29:anna", Chat, "команда добавить <at>Boris Ivanov</at> <at>Ext Partner</at>", "ru-RU",
            ("29:boris", "Boris Ivanov"), ("29:ext", "Ext Partner"));
        var kudos = await TeamsAsync("29:anna", Chat, "благодарность <at>Ext Partner</at> за помощь с Globex", "ru-RU", ("29:ext", "Ext Partner"));
        var ours = await TeamsAsync("29:anna", Chat, "команда добавить <at>Boris Ivanov</at>", "ru-RU", ("29:boris", "Boris Ivanov"));

        const string refusal = "@Ext Partner — из другого рабочего пространства или организации, а я работаю только с людьми из этой. Ничего не изменилось.";
        Assert.Equal(refusal, add);
        Assert.Equal(refusal, kudos);
        Assert.StartsWith("В команду «Sales East» добавлены: Boris Ivanov.", ours);
        Assert.Equal(1, await DbAsync(db => db.Set<TeamMember>().CountAsync()));            // Boris, from the second command only
        Assert.Equal(0, await DbAsync(db => db.Set<Kudos>().CountAsync()));
        Assert.False(await DbAsync(db => db.People.AnyAsync(p => p.Email == "ext@partner.example" || p.DisplayName == "Ext Partner")));
    }
}
