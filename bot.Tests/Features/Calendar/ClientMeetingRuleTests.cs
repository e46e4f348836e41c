using AccountCoachBot.Features.Calendar;
using AccountCoachBot.Tests.Infrastructure;
using static AccountCoachBot.Tests.Features.Calendar.CalendarTestKit;

namespace AccountCoachBot.Tests.Features.Calendar;

/// <summary>Which events are client meetings (by an invitee's domain, or the client named in the subject) and which are important.</summary>
public sealed class ClientMeetingRuleTests : IAsyncLifetime
{
    private CoachTestHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await StartAsync(Utc(2026, 3, 25, 9));
        await _host.TellAsync("account add Acme");
        await _host.TellAsync("account Acme domain acme.com");
        await _host.TellAsync("account add Globex key");
        await _host.TellAsync("account Globex domain globex.com");
        await _host.TellAsync("account add Северная звезда");
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private Task<ClientMatch?> MatchAsync(string subject, params string[] emails) =>
        _host.WithDbAsync(async db =>
        {
            var person = db.People.Single();
            var rule = await ClientMeetingRule.LoadAsync(db, person, importantAttendees: 3, CancellationToken.None);
            var people = emails.Select(e => new EventPerson(e.Split('@')[0], e)).ToList();
            var text = string.Join(' ', people.Select(p => p.Name).Prepend(subject));
            return rule.Match(new CalendarEventInfo("k", subject, DateTime.UtcNow, DateTime.UtcNow.AddHours(1), false, people, ClientMeetingRule.NamesExecutive(text)));
        });

    [Fact]
    public async Task Match_FindsTheClientByAnInviteesDomain_SubdomainsIncluded()
    {
        var match = await MatchAsync("Weekly sync", "kate@ourco.com", "ivan@mail.acme.com");

        Assert.Equal("Acme", match!.Account.Name);
        Assert.Equal(["ivan"], match.ClientPeople);
        Assert.False(match.Important);
    }

    [Fact]
    public async Task Match_FindsTheClientNamedInTheSubject_InAnyRussianCase()
    {
        var match = await MatchAsync("Созвон с Северной звездой по договору", "sergey@sz-partner.ru");

        Assert.Equal("Северная звезда", match!.Account.Name);
    }

    [Theory]
    [InlineData("Sprint planning", "kate@ourco.com")]
    [InlineData("Acmeville trip")]
    [InlineData("Lunch", "friend@gmail.com")]
    public async Task Match_IsNull_ForInternalAndUnrelatedEvents(string subject, params string[] emails) =>
        Assert.Null(await MatchAsync(subject, emails));

    [Fact]
    public async Task Match_PrefersTheClientWithMostPeopleOnTheInvite()
    {
        var match = await MatchAsync("Acme and Globex", "a@globex.com", "b@acme.com", "c@acme.com");

        Assert.Equal("Acme", match!.Account.Name);
    }

    [Theory]
    [InlineData("Review", false, "a@acme.com", "b@acme.com", "c@acme.com")]
    [InlineData("Review", true, "a@acme.com", "b@acme.com", "c@acme.com", "d@acme.com")] // more than 3 of theirs
    [InlineData("Review with their CFO", true, "a@acme.com")] // an executive on the invite
    [InlineData("Встреча с генеральным директором", true, "a@acme.com")]
    [InlineData("Review", true, "a@globex.com")] // a key account
    public async Task Match_IsImportant_ForAKeyAccountManyOfTheirPeopleOrAnExecutive(string subject, bool important, params string[] emails) =>
        Assert.Equal(important, (await MatchAsync(subject, emails))!.Important);
}
