using AccountCoachBot.Conversation;
using AccountCoachBot.Features.MeetingPrep;
using static AccountCoachBot.Tests.Features.Calendar.CalendarTestKit;

namespace AccountCoachBot.Tests.Features.Calendar;

/// <summary>
/// Issue 13's "done when", tried as a new user would: a feed holding next week's meetings with two clients and one
/// internal meeting; `meetings` lists exactly the two; the calendar moves one, and its prep nudge moves with it.
/// </summary>
public sealed class CalendarDoneWhenTests
{
    private const string Path = "/calendar/ical/olga%40ourco.com/private-d0e/basic.ics";

    private static string Feed(string globexStart) => Ics.Calendar(
        Ics.Event("1@acme", "Acme: renewal terms", "DTSTART;" + Ics.Berlin("20260310T150000"), "DTEND;" + Ics.Berlin("20260310T160000"),
            "ORGANIZER;CN=Olga:mailto:" + Email, Ics.Attendee("ivan.petrov@acme.com", "Ivan Petrov")),
        Ics.Event("2@globex", "Pilot kickoff", "DTSTART;" + Ics.Berlin(globexStart), "DTEND;" + Ics.Berlin(globexStart[..9] + "120000"),
            Ics.Attendee("john@globex.com", "John Smith"), Ics.Attendee("mary@globex.com", "Mary Jones")),
        Ics.Event("3@ourco", "Team retro", "DTSTART;" + Ics.Berlin("20260311T140000"), "DTEND;" + Ics.Berlin("20260311T150000"),
            Ics.Attendee("kate@ourco.com", "Kate")));

    [Fact]
    public async Task NewUser_SeesExactlyTheTwoClientMeetings_AndAMovedMeetingsPrepNudgeMoves()
    {
        await using var feeds = await FeedServer.StartAsync();
        feeds.Ics(Path, Feed("20260312T110000")); // Globex on Thu 12 Mar, 11:00
        await using var host = await StartAsync(Utc(2026, 3, 5, 9)); // Thu 5 Mar, 10:00 Berlin: next week is 9–13 Mar

        await host.TellAsync("account add Acme");
        await host.TellAsync("account Acme domain acme.com");
        await host.TellAsync("account add Globex");
        await host.TellAsync("account Globex domain globex.com");
        await host.TellAsync("calendar " + feeds.Url(Path));
        host.Time.Advance(TimeSpan.FromSeconds(40)); // Hangfire's next minute
        await host.ReadCalendarsAsync();

        var list = await host.TellAsync("meetings");
        Assert.Equal(
            """
            Upcoming meetings (2)
            #1 Acme · Tue 10 Mar, 15:00 · from calendar · with Ivan Petrov
            #2 Globex · Thu 12 Mar, 11:00 · from calendar · with John Smith, Mary Jones
            `prep Acme`, `brief Acme`, `cancel meeting N`
            """.ReplaceLineEndings("\n"), list.ReplaceLineEndings("\n"));

        // The calendar moves Globex to Fri 13 Mar; the afternoon-before nudge moves from Wed 14:00 to Thu 14:00.
        feeds.Ics(Path, Feed("20260313T110000"));
        host.Time.SetUtcNow(Utc(2026, 3, 11, 12, 30)); // Wed 13:30
        await host.ReadCalendarsAsync();

        host.Time.SetUtcNow(Utc(2026, 3, 11, 13, 5)); // Wed 14:05: nothing for Globex any more
        await host.Dispatcher.RunAsync();
        Assert.DoesNotContain(host.Sender.Sent, s => PlainTextRenderer.Render(s.Reply).Contains("Globex"));

        host.Time.SetUtcNow(Utc(2026, 3, 12, 13)); // Thu 14:00
        await host.Dispatcher.RunAsync();
        var nudge = Assert.Single(host.Sender.Sent, s => PlainTextRenderer.Render(s.Reply).Contains("Globex")).Reply;
        Assert.StartsWith("Tomorrow 11:00 — Globex", nudge.Card!.Title);
        Assert.Contains(nudge.Card.Actions, a => a.Id == MeetingActions.Start);
    }
}
