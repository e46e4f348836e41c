using AccountCoachBot.Conversation;
using AccountCoachBot.Features.People;
using AccountCoachBot.Features.Teams;
using AccountCoachBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AccountCoachBot.Tests.Features.Teams;

/// <summary>Teams, leads and admins through the real pipeline: who may create, lead, add and remove, in both languages.</summary>
public class TeamCommandsTests : IAsyncLifetime
{
    /// <summary>The database of the PostgreSQL variant (Data/Postgres); null: a SQLite file of each test's own.</summary>
    protected virtual PostgresDatabase? Postgres => null;

    private static readonly DateTimeOffset Wednesday = new(2026, 3, 4, 9, 0, 0, TimeSpan.Zero); // 10:00 in Berlin
    private CoachTestHost _host = null!;

    public async Task InitializeAsync() => _host = await CoachTestHost.StartAsync(Wednesday, postgres: Postgres);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private Task<string> Say(string text, string user, string? email = null, string locale = "en-US") =>
        _host.SayAsync(text, user, email: email, locale: locale).ContinueWith(t => PlainTextRenderer.Render(t.Result[^1]));

    private Task<int> CountAsync<T>() where T : class => _host.WithDbAsync(db => db.Set<T>().CountAsync());

    [DbFact]
    public async Task Create_IsTheFirstPersonsToDo_WhenNoAdminsAreConfigured()
    {
        await Say("hello", "olga", "olga@example.com");          // the first person to write: the admin

        var refused = await Say("team create Sales East lead anna@example.com", "boris", "boris@example.com");
        var created = await Say("team create Sales East lead anna@example.com", "olga");

        Assert.Contains("Only an admin creates teams", refused);
        Assert.Equal("Created Sales East, led by anna@example.com. anna@example.com adds the members: `team add @name`.", created);
        var team = await _host.WithDbAsync(db => db.Set<Team>().SingleAsync());
        var lead = await _host.WithDbAsync(db => db.People.SingleAsync(p => p.Id == team.LeadId));
        Assert.Equal(("anna@example.com", false), (lead.Email, lead.Welcomed)); // a placeholder until Anna writes
    }

    [DbFact]
    public async Task Create_IsRefusedToTheFirstPerson_WhenAdminsAreConfigured()
    {
        await using var host = await CoachTestHost.StartAsync(Wednesday, settings: new Dictionary<string, string?> { ["Coach:Admins:0"] = "Boss@Example.com" });
        await host.SayAsync("hello", "olga", email: "olga@example.com");

        var refused = PlainTextRenderer.Render((await host.SayAsync("team create Sales East lead anna@example.com", "olga"))[^1]);
        var created = PlainTextRenderer.Render((await host.SayAsync("team create Sales East lead anna@example.com", "boss", email: "boss@example.com"))[^1]);

        Assert.Contains("Only an admin", refused);
        Assert.StartsWith("Created Sales East", created);
        Assert.Equal(0, await host.WithDbAsync(db => db.Set<TeamAdmin>().CountAsync()));
    }

    [DbFact]
    public async Task Add_IsRefused_WhenTheLeadOfOneTeamNamesAnother()
    {
        await Say("hello", "olga");
        await Say("team create Sales East lead anna@example.com", "olga");
        await Say("team create Sales West lead boris@example.com", "olga");
        await Say("hi", "anna", "anna@example.com");

        var refused = await Say("team add Sales West vera@example.com", "anna");
        Assert.Equal("You don't lead Sales West, so its members are not yours to change. Its lead or an admin can.", refused);
        Assert.Equal(0, await CountAsync<TeamMember>());
        Assert.False(await _host.WithDbAsync(db => db.People.AnyAsync(p => p.Email == "vera@example.com"))); // bad input changes nothing

        var added = await Say("team add vera@example.com, gleb@example.com", "anna");
        Assert.StartsWith("Added to Sales East: vera@example.com, gleb@example.com.", added);
        var again = await Say("team add Sales East vera@example.com", "anna");
        Assert.Equal("Already in Sales East: vera@example.com.", again);
        var removed = await Say("team remove gleb@example.com", "anna");
        Assert.Equal("Removed from Sales East: gleb@example.com.", removed);
        Assert.Equal(1, await CountAsync<TeamMember>());
    }

    [DbFact]
    public async Task Create_IsRefused_ForAMemberOfATeam()
    {
        await Say("hello", "olga");
        await Say("team create Sales East lead anna@example.com", "olga");
        await Say("hi", "anna", "anna@example.com");
        await Say("team add vera@example.com", "anna");
        await Say("hi", "vera", "vera@example.com");

        var create = await Say("team create Vera's Team lead vera@example.com", "vera");
        var add = await Say("team add gleb@example.com", "vera");
        var teams = await Say("teams", "vera");

        Assert.Contains("Only an admin", create);
        Assert.StartsWith("You don't lead a team", add);
        Assert.Contains("Sales East — lead: anna; members: vera", teams);
        Assert.Equal(1, await CountAsync<Team>());
    }

    [DbFact]
    public async Task Add_NamesTheTeam_WhenTheLeadLeadsSeveral()
    {
        await Say("hello", "olga");
        await Say("team create Sales East lead anna@example.com", "olga");
        await Say("team create Key Accounts lead anna@example.com", "olga");
        await Say("hi", "anna", "anna@example.com");

        var which = await Say("team add vera@example.com", "anna");
        var unknown = await Say("team add Sales North vera@example.com", "anna");

        Assert.Equal("You lead Key Accounts, Sales East: say which, e.g. `team add Key Accounts @boris`.", which);
        Assert.Equal("I don't know a team called Sales North. Yours: `teams`.", unknown);
        Assert.Equal(0, await CountAsync<TeamMember>());
    }

    [DbFact]
    public async Task Placeholder_BecomesThePerson_AndIsToldOnce_WhenTheyFirstWriteWithThatEmail()
    {
        await Say("hello", "olga");
        await Say("team create Sales East lead anna@example.com", "olga");
        await Say("hi", "anna", "anna@example.com");
        await Say("team add vera@example.com", "anna");
        await _host.Dispatcher.RunAsync();
        Assert.Empty(_host.Sender.Sent);                          // Vera has no chat with the bot yet

        await Say("hello", "vera", "VERA@example.com");
        await _host.Dispatcher.RunAsync();
        await _host.Dispatcher.RunAsync();

        Assert.Equal(3, await CountAsync<Person>());               // olga, anna, vera: the placeholder became Vera
        var notice = Assert.Single(_host.Sender.Sent);
        Assert.Equal("test|vera", notice.Address.Key);
        Assert.Equal("You're now in Sales East; your lead is anna. anna will see your figures, account names, counts and dates — never the text of your promises or briefs.\nThe figures are ones you control and can count yourself. `kpi-in-your-control`",
            notice.Reply.Text);
        Assert.Contains("vera", await Say("teams", "anna"));
        Assert.DoesNotContain("hasn't written", await Say("teams", "anna"));
    }

    [DbFact]
    public async Task Add_TellsAKnownPersonOnce_EvenWhenRemovedAndAddedAgain()
    {
        await Say("hello", "olga");
        await Say("team create Sales East lead anna@example.com", "olga");
        await Say("hi", "anna", "anna@example.com");
        await Say("привет", "vera", "vera@example.com", locale: "ru-RU");
        await Say("team add vera@example.com", "anna");
        await _host.Dispatcher.RunAsync();
        await Say("team remove vera@example.com", "anna");
        await Say("team add vera@example.com", "anna");
        await _host.Dispatcher.RunAsync();

        var notice = Assert.Single(_host.Sender.Sent);
        Assert.Equal("Вы теперь в команде «Sales East», ваш руководитель — anna. anna будет видеть ваши показатели, названия клиентов, количества и даты — но никогда не текст ваших обещаний и брифов.\nЭто показатели, на которые влияете вы сами и которые можете пересчитать. `kpi-in-your-control`",
            notice.Reply.Text);
    }

    [DbFact]
    public async Task Commands_WorkInRussian()
    {
        await Say("привет", "olga");
        var created = await Say("команда создать Продажи Восток руководитель anna@example.com", "olga");
        var lead = await Say("команда руководитель продажи восток boris@example.com", "olga");
        var teams = await Say("команды", "olga");
        var exists = await Say("команда создать ПРОДАЖИ восток руководитель anna@example.com", "olga");

        Assert.Equal("Команда «Продажи Восток» создана, руководитель — anna@example.com. Участников добавляет руководитель: `команда добавить @имя`.", created);
        Assert.Equal("Теперь командой «Продажи Восток» руководит boris@example.com.", lead);
        Assert.Contains("«Продажи Восток» — руководитель: boris@example.com (сообщений ещё не было); участники: пока никого", teams);
        Assert.Equal("Команда «Продажи Восток» уже есть.", exists);
    }

    [DbFact]
    public async Task Add_RefusesAnAtNameTheChannelDidNotLink_AndChangesNothing()
    {
        await Say("hello", "olga");
        await Say("team create Sales East lead olga@example.com", "olga", "olga@example.com");

        var refused = await Say("team add vera@example.com @boris", "olga");

        Assert.Equal("I can't tell who @boris is: mention them so the app turns the name into a link, or write their email.", refused);
        Assert.Equal(0, await CountAsync<TeamMember>());
        Assert.Equal(1, await CountAsync<Person>());
    }

    [DbFact]
    public async Task Help_HasATeamsTopic_InBothLanguages()
    {
        Assert.Contains("`team create Sales East lead @anna`", await Say("help teams", "olga"));
        Assert.Contains("`команда создать Продажи Восток руководитель @anna`", await Say("помощь команды", "olga"));
    }

    [DbFact]
    public async Task Teams_IsSuggested_ForATypo()
    {
        Assert.Contains("`teams`", await Say("taems", "olga"));
    }

    [DbFact]
    public async Task TeamAccess_GivesALeadTheirTeamOnly()
    {
        await Say("hello", "olga");
        await Say("team create Sales East lead anna@example.com", "olga");
        await Say("team create Sales West lead boris@example.com", "olga");
        await Say("hi", "anna", "anna@example.com");
        await Say("team add vera@example.com", "anna");

        await using var scope = _host.Services.CreateAsyncScope();
        var access = scope.ServiceProvider.GetRequiredService<TeamAccess>();
        var db = scope.ServiceProvider.GetRequiredService<AccountCoachBot.Data.CoachDbContext>();
        var anna = await db.People.SingleAsync(p => p.Email == "anna@example.com");
        var olga = await db.People.SingleAsync(p => p.DisplayName == "olga");
        var own = await access.FindTeamForAsync(anna, "sales east", default);
        var other = await access.FindTeamForAsync(anna, "Sales West", default);
        var asAdmin = await access.FindTeamForAsync(olga, "Sales West", default);

        Assert.Equal("Sales East", own.Team?.Name);
        Assert.Null(other.Team);
        Assert.Equal("Вы не руководите командой «Sales West», поэтому менять её состав не можете. Это может её руководитель или администратор.", other.RefusalIn(Language.Ru));
        Assert.Equal("Sales West", asAdmin.Team?.Name);
        Assert.Equal(["Sales East"], (await access.TeamsLedByAsync(anna.Id, default)).Select(t => t.Name));
        Assert.Equal(["vera@example.com"], (await access.MembersAsync(own.Team!.Id, default)).Select(p => p.Email));
        Assert.True(await access.IsAdminAsync(olga, default));
        Assert.False(await access.IsAdminAsync(anna, default));
    }
}
