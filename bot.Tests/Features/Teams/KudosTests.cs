using AccountCoachBot.Conversation;
using AccountCoachBot.Features.Teams;
using AccountCoachBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AccountCoachBot.Tests.Features.Teams;

/// <summary>Kudos: stored for the digest, passed on at once, never to oneself; plain thanks to the bot stay thanks.</summary>
public sealed class KudosTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Wednesday = new(2026, 3, 4, 9, 0, 0, TimeSpan.Zero);
    private CoachTestHost _host = null!;

    public async Task InitializeAsync() => _host = await CoachTestHost.StartAsync(Wednesday);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task<string> Say(string text, string user, string? email = null) =>
        PlainTextRenderer.Render((await _host.SayAsync(text, user, email: email))[^1]);

    [Fact]
    public async Task Kudos_IsPassedOnAtOnce_AndFoundForTheDigest()
    {
        await Say("hi", "vera", "vera@example.com");
        await Say("hi", "olga", "olga@example.com");

        var saved = await Say("kudos vera@example.com for rescuing the Globex renewal", "olga");
        await _host.Dispatcher.RunAsync();

        Assert.Equal("Kudos to vera — I'm passing it on now.", saved);
        var told = Assert.Single(_host.Sender.Sent);
        Assert.Equal(("test|vera", "Kudos from olga: rescuing the Globex renewal\nPraise from a colleague counts for more than praise from the boss. `recognize-success-right-away`"), (told.Address.Key, told.Reply.Text));

        await using var scope = _host.Services.CreateAsyncScope();
        var log = scope.ServiceProvider.GetRequiredService<KudosLog>();
        var vera = await _host.WithDbAsync(db => db.People.SingleAsync(p => p.Email == "vera@example.com"));
        var week = await log.KudosInAsync([vera.Id], Wednesday.UtcDateTime.AddDays(-2), Wednesday.UtcDateTime.AddDays(5), default);
        var before = await log.KudosInAsync([vera.Id], Wednesday.UtcDateTime.AddDays(-9), Wednesday.UtcDateTime, default);
        var entry = Assert.Single(week);
        Assert.Equal(("olga", "vera", "rescuing the Globex renewal", Wednesday.UtcDateTime), (entry.From, entry.To, entry.Text, entry.AtUtc));
        Assert.Empty(before);                                      // the end of a period is exclusive: next week's start
    }

    [Fact]
    public async Task Kudos_InRussian_IsPassedOnInTheReceiversLanguage()
    {
        await Say("привет", "vera", "vera@example.com");
        await Say("привет", "olga", "olga@example.com");

        var saved = await Say("спасибо vera@example.com за спасённое продление Globex", "olga");
        await _host.Dispatcher.RunAsync();

        Assert.Equal("Благодарность отправлена: vera получит её прямо сейчас.", saved);
        Assert.Equal("olga благодарит вас: спасённое продление Globex\nПохвала коллег значит больше, чем похвала начальника. `recognize-success-right-away`", Assert.Single(_host.Sender.Sent).Reply.Text);
    }

    [Fact]
    public async Task Kudos_ToOneself_IsRefusedKindly()
    {
        var refused = await Say("kudos olga@example.com for closing Acme", "olga", "olga@example.com");

        Assert.Equal("Kind of you — but kudos are for colleagues. Who helped you this week?", refused);
        Assert.Equal(0, await _host.WithDbAsync(db => db.Set<Kudos>().CountAsync()));
    }

    [Fact]
    public async Task Kudos_ToSomeoneNew_WaitsUntilTheyWrite()
    {
        await Say("hi", "olga", "olga@example.com");
        var saved = await Say("kudos to gleb@example.com for the Initech demo", "olga");
        await _host.Dispatcher.RunAsync();
        Assert.Empty(_host.Sender.Sent);

        await Say("hello", "gleb", "gleb@example.com");
        await _host.Dispatcher.RunAsync();

        Assert.Equal("Kudos to gleb@example.com saved; they'll get it when they first write to me.", saved);
        Assert.Equal("Kudos from olga: the Initech demo\nPraise from a colleague counts for more than praise from the boss. `recognize-success-right-away`", Assert.Single(_host.Sender.Sent).Reply.Text);
    }

    [Theory]
    [InlineData("kudos", "Whom, and for what?")]
    [InlineData("kudos vera@example.com", "Whom, and for what?")]
    [InlineData("kudos vera@example.com and gleb@example.com for the demo", "One colleague at a time")]
    public async Task Kudos_ExplainsWhatItNeeds_WhenSomethingIsMissing(string text, string expected)
    {
        await Say("hi", "olga", "olga@example.com");
        Assert.Contains(expected, await Say(text, "olga"));
        Assert.Equal(0, await _host.WithDbAsync(db => db.Set<Kudos>().CountAsync()));
    }

    [Fact]
    public async Task Thanks_ToTheBot_IsNotKudos()
    {
        await Say("привет", "olga", "olga@example.com");
        var answer = await Say("спасибо за помощь", "olga");

        Assert.DoesNotContain("Кого и за что", answer);
        Assert.Equal(0, await _host.WithDbAsync(db => db.Set<Kudos>().CountAsync()));
    }
}
