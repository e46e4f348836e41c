using AccountCoachBot.Features.MeetingPrep;
using AccountCoachBot.Scheduling;
using AccountCoachBot.Tests.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using static AccountCoachBot.Tests.Features.Calendar.CalendarTestKit;

namespace AccountCoachBot.Tests.Features.Calendar;

/// <summary>A calendar meeting's nudges come once each, however often the calendar is read and across a restart.</summary>
public sealed class CalendarNudgeOnceTests
{
    private const string Path = "/feeds/secret-77/calendar.ics";

    private static readonly string Feed = Ics.Calendar(
        Ics.Event("call@acme", "Acme renewal", "DTSTART;" + Ics.Berlin("20260330T100000"), "DTEND;" + Ics.Berlin("20260330T110000"),
            Ics.Attendee("ivan@acme.com", "Ivan Petrov")));

    /// <summary>Reads and dispatches every 20 minutes up to <paramref name="until"/>.</summary>
    private static async Task RunUntilAsync(CoachTestHost host, DateTimeOffset until)
    {
        while (host.Time.GetUtcNow() < until)
        {
            host.Time.Advance(TimeSpan.FromMinutes(20));
            await host.ReadCalendarsAsync();
            await host.Dispatcher.RunAsync();
        }
    }

    [Fact]
    public async Task Nudges_ComeExactlyOnce_AcrossManyReadsAndARestart()
    {
        using var database = new TestDatabase();
        var keys = new EphemeralDataProtectionProvider(); // the same key ring after the restart, as on disk
        void Services(IServiceCollection s) => s.AddSingleton<IDataProtectionProvider>(keys);
        await using var feeds = await FeedServer.StartAsync();
        feeds.Ics(Path, Feed);

        var first = await StartAsync(Utc(2026, 3, 26, 9), Services, database.ConnectionString);
        await first.TellAsync("account add Acme");
        await first.TellAsync("account Acme domain acme.com");
        await first.TellAsync("calendar " + feeds.Url(Path));
        await first.ReadCalendarsAsync();
        await RunUntilAsync(first, Utc(2026, 3, 27, 14)); // past Fri 14:00 CET: the afternoon-before nudge went out
        var sentBefore = first.Sender.Sent.Count;
        var readsBefore = feeds.Hits(Path);
        Assert.Equal(1, sentBefore);
        await first.DisposeAsync();

        var second = await StartAsync(first.Time.GetUtcNow(), Services, database.ConnectionString);
        await using (second)
        {
            await RunUntilAsync(second, Utc(2026, 3, 30, 16)); // past the meeting and its debrief

            Assert.Equal(2, second.Sender.Sent.Count); // the hour-before and the debrief; the afternoon-before not again
            Assert.True(feeds.Hits(Path) > readsBefore + 100, "the feed was read again and again after the restart");
            var rows = await second.OutboxAsync(MeetingPolicy.KindPrefix);
            Assert.Equal([MeetingPolicy.PrepDayBeforeKind, MeetingPolicy.PrepHourBeforeKind, MeetingPolicy.DebriefKind], rows.Select(r => r.Kind));
            Assert.All(rows, r => Assert.Equal(OutboxStatus.Sent, r.Status));
        }
    }
}
