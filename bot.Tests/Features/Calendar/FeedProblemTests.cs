using AccountCoachBot.Conversation;
using AccountCoachBot.Features.Calendar;
using AccountCoachBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static AccountCoachBot.Tests.Features.Calendar.CalendarTestKit;

namespace AccountCoachBot.Tests.Features.Calendar;

/// <summary>A feed that fails is told once, in plain words, and retried later and later; a good read clears it.</summary>
public sealed class FeedProblemTests : IAsyncLifetime
{
    private const string Path = "/ical/secret-abc/basic.ics";
    private CoachTestHost _host = null!;
    private FeedServer _feeds = null!;

    public async Task InitializeAsync()
    {
        _feeds = await FeedServer.StartAsync();
        _host = await StartAsync(Utc(2026, 3, 25, 9)); // Wed 10:00 CET: working hours, nudges go at once
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _feeds.DisposeAsync();
    }

    private Task<CalendarConnection> ConnectionAsync() => _host.WithDbAsync(db => db.Set<CalendarConnection>().AsNoTracking().SingleAsync());

    /// <summary>
    /// Reads whenever the calendar is due, <paramref name="times"/> times, sending what that says; returns the messages
    /// sent, each checked for the principle line every nudge ends with and returned without it.
    /// </summary>
    private async Task<List<string>> ReadAsync(int times)
    {
        for (var i = 0; i < times; i++)
        {
            _host.Time.SetUtcNow((await ConnectionAsync()).NextReadUtc);
            Assert.Equal(1, await _host.ReadCalendarsAsync());
            await _host.Dispatcher.RunAsync();
        }
        return _host.Sender.Sent.Select(s => PlainTextRenderer.Render(s.Reply)).Select(WithoutPrinciple).ToList();
    }

    private static string WithoutPrinciple(string nudge)
    {
        Assert.EndsWith("\nKnow what you came to ask for. `prepare-for-every-meeting`", nudge);
        return nudge[..nudge.LastIndexOf('\n')];
    }

    [Theory]
    [InlineData(404, "I can't read your calendar (127.0.0.1/…): the address no longer works. If its secret address was reset, send me the new one: `calendar https://…`.")]
    [InlineData(403, "Your calendar (127.0.0.1/…) refuses me access. Send its secret address again: `calendar https://…`.")]
    public async Task Read_TellsOnce_WhenTheFeedRefuses(int status, string told)
    {
        _feeds.Status(Path, status);
        await _host.TellAsync("calendar " + _feeds.Url(Path));

        var sent = await ReadAsync(3);

        Assert.Equal([told], sent);
        Assert.Equal(3, _feeds.Hits(Path));
        Assert.EndsWith("\n" + told, await _host.TellAsync("calendar")); // asked, the bot says it again
    }

    [Fact]
    public async Task Read_TellsOnce_WhenTheAddressGivesAWebPage()
    {
        _feeds.Html(Path);
        await _host.TellAsync("calendar " + _feeds.Url(Path));

        Assert.Equal(["The address (127.0.0.1/…) gives a web page, not a calendar. Copy the ICS address (it ends in .ics): `calendar https://…`."], await ReadAsync(2));
    }

    [Fact]
    public async Task Read_StopsAtTheCap_WhenTheFeedIs20Megabytes()
    {
        _feeds.Huge(Path, 20L * 1024 * 1024);
        await _host.TellAsync("calendar " + _feeds.Url(Path));

        Assert.Equal(["Your calendar (127.0.0.1/…) is over 5 MB, more than I read. Publish just your own calendar, not all of them."], await ReadAsync(1));
    }

    [Fact]
    public async Task Read_TellsOnlyWhenAnOutageLasts_BacksOff_AndAGoodReadClearsIt()
    {
        _feeds.Status(Path, 503);
        await _host.TellAsync("calendar " + _feeds.Url(Path));

        Assert.Empty(await ReadAsync(2));
        var second = await ConnectionAsync();
        Assert.Equal(TimeSpan.FromMinutes(30), second.NextReadUtc - _host.Time.GetUtcNow().UtcDateTime); // doubled after the second failure
        Assert.Single(await ReadAsync(3));
        Assert.StartsWith("I haven't been able to reach your calendar (127.0.0.1/…)", _host.Sender.Sent[0].Reply.Text);

        _feeds.Ics(Path, Ics.Calendar());
        await ReadAsync(1);
        var healed = await ConnectionAsync();
        Assert.Null(healed.ToldProblem);
        Assert.Equal(0, healed.Failures);
        Assert.Single(_host.Sender.Sent);
    }

    [Theory]
    [InlineData("calendar ftp://example.com/cal.ics", "That isn't a calendar address I can read.")]
    [InlineData("calendar next week", "That isn't a calendar address I can read.")]
    [InlineData("calendar connect", "Reading Outlook directly isn't set up on this bot yet.")]
    [InlineData("calendar", "Paste your calendar's secret ICS address")]
    public async Task Calendar_AnswersPolitelyAndConnectsNothing_WhenThereIsNoUsableAddress(string text, string expected)
    {
        Assert.StartsWith(expected, await _host.TellAsync(text));
        Assert.Equal(0, await _host.WithDbAsync(db => db.Set<CalendarConnection>().CountAsync()));
    }

    [Fact]
    public async Task Calendar_RefusesPlainHttp_WhenPrivateNetworksAreNotAllowed()
    {
        await using var strict = await CoachTestHost.StartAsync(Utc(2026, 3, 25, 9));

        var reply = (await strict.SayAsync("calendar http://calendar.example.com/basic.ics"))[^1].Text;

        Assert.Equal("The address must start with https://: it is a secret and must not travel unencrypted.", reply);
    }
}
