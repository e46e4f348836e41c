using AccountCoachBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AccountCoachBot.Tests.Features.People;

/// <summary>One person, two channels: linked by email, or by a one-time code.</summary>
public sealed class LinkingTests : IAsyncLifetime
{
    private CoachTestHost _host = null!;

    public async Task InitializeAsync() => _host = await CoachTestHost.StartAsync(new DateTimeOffset(2026, 3, 4, 9, 0, 0, TimeSpan.Zero));

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Link_MergesTheOtherChannelIntoThePersonWhoGotTheCode()
    {
        await _host.SayAsync("promise Acme: send the revised quote tomorrow", user: "29:olga", channel: "msteams");
        var issued = (await _host.SayAsync("link", user: "29:olga", channel: "msteams"))[^1].Text;
        var code = issued.Split(' ', StringSplitOptions.RemoveEmptyEntries)[3].TrimEnd('(');
        await _host.SayAsync("promise acme: send the contract 2026-03-12", user: "T1:U1", channel: "slack");

        var linked = (await _host.SayAsync($"link {code}", user: "T1:U1", channel: "slack"))[^1];

        Assert.StartsWith("Linked: both chats are now one account with 2 open promises.", linked.Text);
        var list = (await _host.SayAsync("promises", user: "T1:U1", channel: "slack"))[^1];
        Assert.Equal("Open promises (2)", list.Card!.Title);
        Assert.Equal(1, await _host.WithDbAsync(db => db.People.CountAsync()));
        Assert.Equal(1, await _host.WithDbAsync(db => db.Accounts.CountAsync()));
        Assert.Equal(2, await _host.WithDbAsync(db => db.ChannelIdentities.CountAsync()));
    }

    [Fact]
    public async Task Link_RefusesUnknownOrExpiredCode_AndChangesNothing()
    {
        var issued = (await _host.SayAsync("link", user: "29:olga", channel: "msteams"))[^1].Text;
        var code = issued.Split(' ', StringSplitOptions.RemoveEmptyEntries)[3].TrimEnd('(');
        _host.Time.Advance(TimeSpan.FromMinutes(11));

        var reply = (await _host.SayAsync($"link {code}", user: "T1:U1", channel: "slack"))[^1];

        Assert.StartsWith("That code is unknown or has expired.", reply.Text);
        Assert.Equal(2, await _host.WithDbAsync(db => db.People.CountAsync()));
    }

    [Fact]
    public async Task FirstContact_JoinsExistingPerson_WhenEmailMatches()
    {
        await _host.SayAsync("promise Acme: send the revised quote tomorrow", user: "29:olga", channel: "msteams", email: "Olga@Example.com");

        var list = (await _host.SayAsync("promises", user: "T1:U1", channel: "slack", email: "olga@example.com"))[^1];

        Assert.Equal("Open promises (1)", list.Card!.Title);
        Assert.Equal(1, await _host.WithDbAsync(db => db.People.CountAsync()));
    }
}
