using AccountCoachBot.Features.Calendar;
using AccountCoachBot.Features.MeetingPrep;
using AccountCoachBot.Scheduling;
using AccountCoachBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static AccountCoachBot.Tests.Features.Calendar.CalendarTestKit;

namespace AccountCoachBot.Tests.Features.Calendar;

/// <summary>
/// ICS feeds from loopback Kestrel through the real read job: recurrence with exceptions, all-day events, the spring
/// DST change, an organiser in New York; private, declined, cancelled and internal events left out; moves and
/// cancellations followed. Olga is in Berlin; it is Wed 25 Mar 2026, 10:00 CET; clocks go forward on Sun 29 Mar.
/// </summary>
public sealed class IcsFeedTests : IAsyncLifetime
{
    private const string Path = "/calendar/ical/olga%40ourco.com/private-0a1b2c/basic.ics";
    private CoachTestHost _host = null!;
    private FeedServer _feeds = null!;

    public async Task InitializeAsync()
    {
        _feeds = await FeedServer.StartAsync();
        _host = await StartAsync(Utc(2026, 3, 25, 9));
        await _host.TellAsync("account add Acme");
        await _host.TellAsync("account Acme domain acme.com");
        await _host.TellAsync("account add Globex");
        await _host.TellAsync("account Globex domain globex.com");
        await _host.TellAsync("account add Ромашка");
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _feeds.DisposeAsync();
    }

    private async Task ConnectAndReadAsync(string ics)
    {
        _feeds.Ics(Path, ics);
        Assert.StartsWith("Calendar connected (127.0.0.1/…).", await _host.TellAsync("calendar " + _feeds.Url(Path)));
        Assert.Equal(1, await _host.ReadCalendarsAsync());
    }

    /// <summary>Half an hour on: every calendar is due again.</summary>
    private async Task ReadAgainAsync(string ics)
    {
        _feeds.Ics(Path, ics);
        _host.Time.Advance(TimeSpan.FromMinutes(30));
        Assert.Equal(1, await _host.ReadCalendarsAsync());
    }

    private static readonly string Series = Ics.Event("series-1@acme", "Acme weekly sync",
        "DTSTART;" + Ics.Berlin("20260319T150000"), "DTEND;" + Ics.Berlin("20260319T160000"),
        "RRULE:FREQ=WEEKLY;BYDAY=TU,TH", "EXDATE;" + Ics.Berlin("20260326T150000"), Ics.Attendee("ivan@acme.com", "Ivan Petrov"));

    private static readonly string SeriesMoved = Ics.Event("series-1@acme", "Acme weekly sync (moved)",
        "RECURRENCE-ID;" + Ics.Berlin("20260402T150000"), "DTSTART;" + Ics.Berlin("20260403T110000"), "DTEND;" + Ics.Berlin("20260403T120000"),
        Ics.Attendee("ivan@acme.com", "Ivan Petrov"));

    [Fact]
    public async Task Read_TakesClientMeetingsFromTheFeed_WithRecurrenceExceptionsAllDayDstAndAnotherZone()
    {
        await ConnectAndReadAsync(Ics.Calendar(
            Series, SeriesMoved,
            Ics.Event("offsite@acme", "Offsite", "DTSTART;VALUE=DATE:20260327", "DTEND;VALUE=DATE:20260328", Ics.Attendee("anna@eu.acme.com", "Anna Berg")),
            Ics.Event("ny@globex", "Quarterly review", "DTSTART;TZID=America/New_York:20260326T090000", "DTEND;TZID=America/New_York:20260326T100000",
                "ORGANIZER;CN=John Smith:mailto:john@globex.com", Ics.Attendee(Email, "Olga")),
            Ics.Event("ru@x", "Встреча с Ромашкой", "DTSTART:20260330T070000Z", "DTEND:20260330T080000Z"),
            Ics.Event("internal@ourco", "Sprint planning", "DTSTART:20260326T080000Z", "DTEND:20260326T090000Z", Ics.Attendee("kate@ourco.com", "Kate")),
            Ics.Event("private@acme", "Acme (private)", "CLASS:PRIVATE", "DTSTART:20260326T100000Z", "DTEND:20260326T110000Z", Ics.Attendee("ivan@acme.com")),
            Ics.Event("declined@acme", "Acme demo", "DTSTART:20260326T110000Z", "DTEND:20260326T120000Z", Ics.Attendee("ivan@acme.com"), Ics.Attendee(Email, "Olga", "DECLINED")),
            Ics.Event("cancelled@acme", "Acme lunch", "STATUS:CANCELLED", "DTSTART:20260326T120000Z", "DTEND:20260326T130000Z", Ics.Attendee("ivan@acme.com")),
            Ics.Event("far@acme", "Acme planning", "DTSTART:20260420T080000Z", "DTEND:20260420T090000Z", Ics.Attendee("ivan@acme.com"))));

        var meetings = await _host.MeetingsAsync();

        Assert.Equal([
            ("Globex", Utc(2026, 3, 26, 13).UtcDateTime, Utc(2026, 3, 26, 14).UtcDateTime), // 09:00 in New York (already on summer time) = 14:00 Berlin
            ("Acme", Utc(2026, 3, 27, 8).UtcDateTime, Utc(2026, 3, 27, 17).UtcDateTime), // all day = Olga's working day
            ("Ромашка", Utc(2026, 3, 30, 7).UtcDateTime, Utc(2026, 3, 30, 8).UtcDateTime), // named in the subject, in the instrumental
            ("Acme", Utc(2026, 3, 31, 13).UtcDateTime, Utc(2026, 3, 31, 14).UtcDateTime), // 15:00 Berlin after the DST change; 26 Mar excluded
            ("Acme", Utc(2026, 4, 3, 9).UtcDateTime, Utc(2026, 4, 3, 10).UtcDateTime), // the 2 Apr occurrence, moved to Fri 11:00
            ("Acme", Utc(2026, 4, 7, 13).UtcDateTime, Utc(2026, 4, 7, 14).UtcDateTime),
        ], meetings.Select(m => (m.Account!.Name, m.StartUtc!.Value, m.EndUtc!.Value)));

        var list = await _host.TellAsync("meetings");
        Assert.Contains("Upcoming meetings (6)", list);
        Assert.Contains("Globex · Thu 26 Mar, 14:00 · from calendar · with John Smith", list);
        Assert.Contains("Acme · Fri 3 Apr, 11:00 · from calendar · with Ivan Petrov", list);
    }

    [Fact]
    public async Task Read_MovesTheNudgesOfAMovedEvent_AndWithdrawsThoseOfACancelledOne()
    {
        string Feed(string acmeStart, bool globexCancelled) => Ics.Calendar(
            Ics.Event("move@acme", "Acme pricing", "DTSTART;" + Ics.Berlin(acmeStart), "DURATION:PT1H", Ics.Attendee("ivan@acme.com")),
            Ics.Event("cancel@globex", "Globex kickoff", globexCancelled ? "STATUS:CANCELLED" : "STATUS:CONFIRMED",
                "DTSTART;" + Ics.Berlin("20260331T110000"), "DURATION:PT1H", Ics.Attendee("john@globex.com")));
        await ConnectAndReadAsync(Feed("20260330T100000", globexCancelled: false));
        var before = await _host.OutboxAsync(MeetingPolicy.KindPrefix);
        Assert.Equal(6, before.Count(o => o.Status == OutboxStatus.Pending));

        await ReadAgainAsync(Feed("20260331T140000", globexCancelled: true));

        var acme = (await _host.MeetingsAsync()).Single(m => m.Account!.Name == "Acme");
        Assert.Equal(Utc(2026, 3, 31, 12).UtcDateTime, acme.StartUtc);
        Assert.Equal(MeetingStatus.Cancelled, (await _host.MeetingsAsync()).Single(m => m.Account!.Name == "Globex").Status);
        var pending = (await _host.OutboxAsync(MeetingPolicy.KindPrefix)).Where(o => o.Status == OutboxStatus.Pending).ToList();
        Assert.Equal([
            (MeetingPolicy.PrepDayBeforeKind, Utc(2026, 3, 30, 12).UtcDateTime), // Mon 14:00 CEST
            (MeetingPolicy.PrepHourBeforeKind, Utc(2026, 3, 31, 11).UtcDateTime),
            (MeetingPolicy.DebriefKind, Utc(2026, 3, 31, 14).UtcDateTime),
        ], pending.Select(o => (o.Kind, o.DueUtc)));
        Assert.All(pending, o => Assert.Equal(MeetingPolicy.SubjectId(acme.Id), o.SubjectId));

        // Gone from the feed: withdrawn. Back again: scheduled again, at its time.
        await ReadAgainAsync(Ics.Calendar());
        Assert.All(await _host.MeetingsAsync(), m => Assert.Equal(MeetingStatus.Cancelled, m.Status));
        Assert.DoesNotContain(await _host.OutboxAsync(MeetingPolicy.KindPrefix), o => o.Status == OutboxStatus.Pending);
        await ReadAgainAsync(Feed("20260331T140000", globexCancelled: true));
        Assert.Equal(3, (await _host.OutboxAsync(MeetingPolicy.KindPrefix)).Count(o => o.Status == OutboxStatus.Pending));
        Assert.Equal(MeetingStatus.Scheduled, (await _host.MeetingsAsync()).Single(m => m.Account!.Name == "Acme").Status);
    }

    [Fact]
    public async Task NotAClientMeeting_TakesOneOff_AndTheCalendarDoesNotBringItBack()
    {
        var feed = Ics.Calendar(Ics.Event("lunch@acme", "Lunch with Ivan", "DTSTART:20260330T100000Z", "DTEND:20260330T110000Z", Ics.Attendee("ivan@acme.com")));
        await ConnectAndReadAsync(feed);
        var meeting = Assert.Single(await _host.MeetingsAsync());
        await _host.TellAsync("meeting Globex 2026-03-31 10:00");

        Assert.Equal("Done: Acme, Mon 30 Mar, 12:00 is not a client meeting. No checklist for it, and it won't come back from the calendar.",
            await _host.TellAsync($"not a client meeting {meeting.Number}"));
        Assert.Equal("#2 is a meeting you typed in, not one from the calendar: `cancel meeting 2` removes it.", await _host.TellAsync("not a client meeting 2"));
        Assert.Equal("I have no meeting #9. `meetings` lists them.", await _host.TellAsync("not a client meeting 9"));
        await ReadAgainAsync(feed);

        Assert.Equal(MeetingStatus.Cancelled, (await _host.MeetingsAsync()).Single(m => m.Account!.Name == "Acme").Status);
        Assert.DoesNotContain(await _host.OutboxAsync(MeetingPolicy.KindPrefix), o => o.Status == OutboxStatus.Pending && o.SubjectId == MeetingPolicy.SubjectId(meeting.Id));
    }

    [Fact]
    public async Task CalendarOff_ForgetsTheConnectionAndItsMeetings_AndTypedMeetingsStay()
    {
        await ConnectAndReadAsync(Ics.Calendar(Series));
        await _host.TellAsync("meeting Globex 2026-03-31 10:00");

        Assert.Equal("Calendar disconnected: I forgot its address and the upcoming meetings it brought (3). Meetings you typed in stay.",
            await _host.TellAsync("calendar off"));

        var left = Assert.Single(await _host.MeetingsAsync());
        Assert.Equal("Globex", left.Account!.Name);
        Assert.Equal(0, await _host.WithDbAsync(db => db.Set<CalendarConnection>().CountAsync()));
        Assert.Equal(3, (await _host.OutboxAsync(MeetingPolicy.KindPrefix)).Count(o => o.Status == OutboxStatus.Pending));
        Assert.Equal("No calendar was connected.", await _host.TellAsync("calendar off"));
    }

    [Fact]
    public async Task Calendar_InRussian_ConnectsAndDisconnects()
    {
        await _host.TellAsync("language ru");
        _feeds.Ics(Path, Ics.Calendar());

        Assert.StartsWith("Календарь подключён (127.0.0.1/…).", await _host.TellAsync("календарь " + _feeds.Url(Path)));
        Assert.Equal("Календарь: 127.0.0.1/…, прочитаю в течение минуты.", await _host.TellAsync("календарь"));
        Assert.StartsWith("Календарь отключён", await _host.TellAsync("календарь выкл"));
    }
}
