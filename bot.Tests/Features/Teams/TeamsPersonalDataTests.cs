using System.Text.Json.Nodes;
using AccountCoachBot.Conversation;
using AccountCoachBot.Features.People;
using AccountCoachBot.Features.Teams;
using AccountCoachBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AccountCoachBot.Tests.Features.Teams;

/// <summary>Teams, memberships and kudos in `export`, `forget me` and linking two chats.</summary>
public sealed class TeamsPersonalDataTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Wednesday = new(2026, 3, 4, 9, 0, 0, TimeSpan.Zero);
    private CoachTestHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await CoachTestHost.StartAsync(Wednesday);
        await Say("hello", "olga", "olga@example.com");
        await Say("team create Sales East lead anna@example.com", "olga");
        await Say("hi", "anna", "anna@example.com");
        await Say("team add vera@example.com", "anna");
        await Say("hi", "vera", "vera@example.com");
        await Say("kudos anna@example.com for the Globex rescue", "vera");
        await Say("kudos vera@example.com for the Initech deck", "anna");
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task<string> Say(string text, string user, string? email = null) =>
        PlainTextRenderer.Render((await _host.SayAsync(text, user, email: email))[^1]);

    [Fact]
    public async Task Export_ShowsTeamsLedAndJoined_AndKudosBothWays()
    {
        var export = await Say("export", "vera");
        var json = JsonNode.Parse(export[export.IndexOf('{')..(export.LastIndexOf('}') + 1)])!["teams"]!;

        Assert.Equal("Sales East", json["memberOf"]![0]!["team"]!.GetValue<string>());
        Assert.Empty(json["leads"]!.AsArray());
        Assert.Equal(("anna", "the Globex rescue"), (json["kudosGiven"]![0]!["to"]!.GetValue<string>(), json["kudosGiven"]![0]!["text"]!.GetValue<string>()));
        Assert.Equal("the Initech deck", json["kudosReceived"]![0]!["text"]!.GetValue<string>());
        Assert.False(json["admin"]!.GetValue<bool>());
    }

    [Fact]
    public async Task ForgetMe_OfTheLead_LeavesTheTeamWithoutLead_AndTheirKudosGo()
    {
        await _host.SayAsync("forget me", "anna");
        await _host.PressAsync(MyDataCommands.ForgetAction, new Dictionary<string, string> { ["confirm"] = "yes" }, "anna");

        var team = await _host.WithDbAsync(db => db.Set<Team>().SingleAsync());
        Assert.Null(team.LeadId);
        Assert.Equal(1, await _host.WithDbAsync(db => db.Set<TeamMember>().CountAsync()));   // Vera stays in the team
        Assert.Equal(0, await _host.WithDbAsync(db => db.Set<Kudos>().CountAsync()));        // both involved Anna
        Assert.Contains("Sales East — lead: none yet; members: vera", await Say("teams", "olga"));
    }

    [Fact]
    public async Task Merge_MovesLeadershipMembershipKudosAndAdmin_ToThePersonKept()
    {
        await using var scope = _host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AccountCoachBot.Data.CoachDbContext>();
        var ids = await db.People.ToDictionaryAsync(p => p.DisplayName, p => p.Id);
        // Olga's second chat (the admin) and Anna's (lead) become one: the olga person moves into anna.
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            await scope.ServiceProvider.GetRequiredService<PersonMerge>().MergeAsync(db, ids["olga"], ids["anna"], default);
            await transaction.CommitAsync();
        }

        Assert.Equal(ids["anna"], (await db.Set<TeamAdmin>().SingleAsync()).PersonId);
        Assert.Equal(ids["anna"], (await db.Set<Team>().SingleAsync()).LeadId);
        Assert.Equal(2, await db.Set<Kudos>().CountAsync());
        // Vera in a second chat of hers: her membership and kudos follow her.
        var veraToo = new Person { DisplayName = "vera2", CreatedUtc = Wednesday.UtcDateTime };
        db.People.Add(veraToo);
        await db.SaveChangesAsync();
        await scope.ServiceProvider.GetRequiredService<PersonMerge>().MergeAsync(db, ids["vera"], veraToo.Id, default);
        Assert.Equal(veraToo.Id, (await db.Set<TeamMember>().SingleAsync()).PersonId);
        Assert.Equal(2, await db.Set<Kudos>().CountAsync(k => k.FromId == veraToo.Id || k.ToId == veraToo.Id));
    }
}
