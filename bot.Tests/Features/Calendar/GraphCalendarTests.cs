using AccountCoachBot.Conversation;
using AccountCoachBot.Features.Calendar;
using AccountCoachBot.Features.MeetingPrep;
using AccountCoachBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static AccountCoachBot.Tests.Features.Calendar.CalendarTestKit;

namespace AccountCoachBot.Tests.Features.Calendar;

/// <summary>
/// `calendar connect` in Teams: the person's Outlook calendar read through the real Graph SDK from a loopback fake of
/// Microsoft's token endpoint and Graph's calendarView (paged, one event a page).
/// </summary>
public sealed class GraphCalendarTests
{
    private const string DirectoryId = "aad-olga-0001";

    private static async Task<CoachTestHost> StartAsync(FakeGraph graph, DateTimeOffset now)
    {
        var settings = Settings();
        foreach (var (k, v) in graph.Settings()) settings[k] = v;
        return await CoachTestHost.StartAsync(now, settings: settings);
    }

    private static async Task<string> TeamsAsync(CoachTestHost host, string text, string? directoryId = DirectoryId, string locale = "en-US") =>
        PlainTextRenderer.Render((await host.SayAsync(text, email: Email, channel: "msteams", directoryId: directoryId, locale: locale))[^1]);

    private static async Task ClientsAsync(CoachTestHost host)
    {
        await host.TellAsync("account add Acme");
        await host.TellAsync("account Acme domain acme.com");
        await host.TellAsync("account add Globex");
        await host.TellAsync("account Globex domain globex.com");
    }

    private static System.Text.Json.Nodes.JsonObject[] Week(DateTime globexStart) =>
    [
        FakeGraph.Event("AAMk-acme", "Acme: renewal terms", new(2026, 3, 10, 14, 0, 0), new(2026, 3, 10, 15, 0, 0), ["ivan.petrov@acme.com"]),
        FakeGraph.Event("AAMk-globex", "Pilot kickoff", globexStart, globexStart.AddHours(1), ["john.smith@globex.com", "mary.jones@globex.com"]),
        FakeGraph.Event("AAMk-retro", "Team retro", new(2026, 3, 11, 13, 0, 0), new(2026, 3, 11, 14, 0, 0), ["kate@ourco.com"]),
        FakeGraph.Event("AAMk-declined", "Acme: golf", new(2026, 3, 9, 8, 0, 0), new(2026, 3, 9, 9, 0, 0), ["ivan.petrov@acme.com"], response: "declined"),
        FakeGraph.Event("AAMk-private", "Acme: doctor", new(2026, 3, 9, 10, 0, 0), new(2026, 3, 9, 11, 0, 0), ["ivan.petrov@acme.com"], sensitivity: "private"),
        FakeGraph.Event("AAMk-cancelled", "Globex: lunch", new(2026, 3, 9, 12, 0, 0), new(2026, 3, 9, 13, 0, 0), ["john.smith@globex.com"], cancelled: true),
    ];

    [Fact]
    public async Task CalendarConnect_ListsTheClientMeetingsFromOutlook_AndAMovedMeetingsPrepNudgeMoves()
    {
        await using var graph = await FakeGraph.StartAsync();
        graph.Events(Week(new DateTime(2026, 3, 12, 10, 0, 0))); // Globex Thu 12 Mar, 11:00 Berlin
        await using var host = await StartAsync(graph, Utc(2026, 3, 5, 9));
        await ClientsAsync(host);

        var connected = await TeamsAsync(host, "calendar connect");
        Assert.StartsWith("Outlook calendar connected.", connected);
        host.Time.Advance(TimeSpan.FromSeconds(40));
        Assert.Equal(1, await host.ReadCalendarsAsync());

        // Six events, one a page: every page read, in UTC, for the next 14 days, of the person found by their directory id.
        Assert.Equal(6, graph.CalendarRequests.Count);
        Assert.All(graph.CalendarRequests, r => Assert.StartsWith($"/v1.0/users/{DirectoryId}/calendarView?", r));
        Assert.Contains("endDateTime=2026-03-19T09%3A00%3A40Z", graph.CalendarRequests[0].Replace(":", "%3A"));

        var list = await host.TellAsync("meetings");
        Assert.Equal(
            """
            Upcoming meetings (2)
            #1 Acme · Tue 10 Mar, 15:00 · from calendar · with Ivan Petrov
            #2 Globex · Thu 12 Mar, 11:00 · from calendar · with John Smith, Mary Jones
            `prep Acme`, `brief Acme`, `cancel meeting N`
            """.ReplaceLineEndings("\n"), list.ReplaceLineEndings("\n"));
        Assert.StartsWith("Calendar: Outlook, last read", await TeamsAsync(host, "calendar"));

        // Outlook moves Globex to Fri 13 Mar; on the next poll the afternoon-before nudge moves from Wed 14:00 to Thu 14:00.
        graph.Events(Week(new DateTime(2026, 3, 13, 10, 0, 0)));
        host.Time.SetUtcNow(Utc(2026, 3, 11, 12, 30));
        await host.ReadCalendarsAsync();
        host.Time.SetUtcNow(Utc(2026, 3, 11, 13, 5));
        await host.Dispatcher.RunAsync();
        Assert.DoesNotContain(host.Sender.Sent, s => PlainTextRenderer.Render(s.Reply).Contains("Globex"));
        host.Time.SetUtcNow(Utc(2026, 3, 12, 13));
        await host.Dispatcher.RunAsync();
        var nudge = Assert.Single(host.Sender.Sent, s => PlainTextRenderer.Render(s.Reply).Contains("Globex")).Reply;
        Assert.StartsWith("Tomorrow 11:00 — Globex", nudge.Card!.Title);
    }

    [Fact]
    public async Task GraphToken_IsReusedUntilItExpires_WhenCalendarsAreReadAgain()
    {
        await using var graph = await FakeGraph.StartAsync();
        graph.Events(Week(new DateTime(2026, 3, 12, 10, 0, 0)));
        await using var host = await StartAsync(graph, Utc(2026, 3, 5, 9));
        await TeamsAsync(host, "calendar connect");
        await host.ReadCalendarsAsync();
        host.Time.Advance(TimeSpan.FromMinutes(30));
        await host.ReadCalendarsAsync();
        Assert.Equal(1, graph.TokensIssued);

        host.Time.Advance(TimeSpan.FromMinutes(40)); // past the hour the token lasts
        await host.ReadCalendarsAsync();
        Assert.Equal(2, graph.TokensIssued);
    }

    [Fact]
    public async Task CalendarRead_TellsOnceWhatTheAdminMustGrant_WhenGraphAnswers403()
    {
        await using var graph = await FakeGraph.StartAsync();
        graph.Fail(403);
        await using var host = await StartAsync(graph, Utc(2026, 3, 5, 9));
        await TeamsAsync(host, "calendar connect");
        for (var i = 0; i < 3; i++)
        {
            await host.ReadCalendarsAsync();
            await host.Dispatcher.RunAsync();
            host.Time.Advance(TimeSpan.FromHours(7)); // past the longest backoff
        }
        Assert.Equal(3, graph.CalendarRequests.Count);

        var told = Assert.Single(host.Sender.Sent).Reply.Text;
        Assert.Contains("Calendars.Read application permission", told);
        Assert.Contains("admin consent", told);
        Assert.Contains("Calendars.Read", await TeamsAsync(host, "calendar"));
    }

    [Fact]
    public async Task CalendarRead_WaitsTheRetryAfter_WhenGraphAnswers429()
    {
        await using var graph = await FakeGraph.StartAsync();
        graph.Fail(429, retryAfter: "7200");
        await using var host = await StartAsync(graph, Utc(2026, 3, 5, 9));
        await ClientsAsync(host);
        await TeamsAsync(host, "calendar connect");
        await host.ReadCalendarsAsync();

        var connection = await host.WithDbAsync(db => db.Set<CalendarConnection>().AsNoTracking().SingleAsync());
        Assert.Equal(Utc(2026, 3, 5, 11).UtcDateTime, connection.NextReadUtc);
        Assert.Null(connection.ToldProblem); // passing trouble is not told

        host.Time.Advance(TimeSpan.FromMinutes(90));
        graph.Events(Week(new DateTime(2026, 3, 12, 10, 0, 0)));
        Assert.Equal(0, await host.ReadCalendarsAsync()); // still inside the server's wait
        Assert.Single(graph.CalendarRequests);

        host.Time.Advance(TimeSpan.FromMinutes(31));
        Assert.Equal(1, await host.ReadCalendarsAsync());
        Assert.Equal(2, (await host.MeetingsAsync()).Count);
    }

    [Fact]
    public async Task CalendarRead_RetriesLaterWithoutLoggingTheSecret_WhenTheTokenEndpointRefusesTheApp()
    {
        await using var graph = await FakeGraph.StartAsync();
        var settings = Settings();
        foreach (var (k, v) in graph.Settings()) settings[k] = v;
        settings["Calendar:Graph:ClientSecret"] = "wrong-secret-value";
        LogCapture? logs = null;
        await using var host = await CoachTestHost.StartAsync(Utc(2026, 3, 5, 9), settings: settings, services: s => logs = LogCapture.AddTo(s));
        await TeamsAsync(host, "calendar connect");
        await host.ReadCalendarsAsync();

        var connection = await host.WithDbAsync(db => db.Set<CalendarConnection>().AsNoTracking().SingleAsync());
        Assert.Equal(1, connection.Failures);
        Assert.Empty(graph.CalendarRequests);
        Assert.Contains(logs!.Lines, l => l.Contains("invalid_client"));
        Assert.DoesNotContain(logs.Lines, l => l.Contains("wrong-secret-value"));
    }

    [Fact]
    public async Task CalendarRead_BacksOffAndTellsOnce_WhenGraphKeepsAnswering503()
    {
        await using var graph = await FakeGraph.StartAsync();
        graph.Fail(503);
        await using var host = await StartAsync(graph, Utc(2026, 3, 5, 9));
        await TeamsAsync(host, "calendar connect");
        var waits = new List<TimeSpan>();
        for (var i = 0; i < 4; i++)
        {
            await host.ReadCalendarsAsync();
            await host.Dispatcher.RunAsync();
            var next = (await host.WithDbAsync(db => db.Set<CalendarConnection>().AsNoTracking().SingleAsync())).NextReadUtc;
            waits.Add(next - host.Time.GetUtcNow().UtcDateTime);
            host.Time.SetUtcNow(new DateTimeOffset(next, TimeSpan.Zero));
        }
        Assert.Equal([TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(60), TimeSpan.FromMinutes(120)], waits);
        var told = Assert.Single(host.Sender.Sent).Reply.Text;
        Assert.StartsWith("I haven't been able to reach your calendar (Outlook)", told);
    }

    [Fact]
    public async Task CalendarConnect_SuggestsIcs_WhenWrittenInSlack()
    {
        await using var graph = await FakeGraph.StartAsync();
        await using var host = await StartAsync(graph, Utc(2026, 3, 5, 9));
        var reply = PlainTextRenderer.Render((await host.SayAsync("calendar connect", email: Email, channel: "slack"))[^1]);
        Assert.StartsWith("Reading Outlook directly isn't set up", reply);
        Assert.Empty(await host.WithDbAsync(db => db.Set<CalendarConnection>().ToListAsync()));
    }

    [Fact]
    public async Task CalendarConnect_SuggestsIcsInRussian_WhenGraphIsNotConfigured()
    {
        await using var host = await CalendarTestKit.StartAsync(Utc(2026, 3, 5, 9));
        var reply = await TeamsAsync(host, "календарь подключить", locale: "ru-RU");
        Assert.StartsWith("Чтение Outlook напрямую в этом боте пока не настроено", reply);
        Assert.Empty(await host.WithDbAsync(db => db.Set<CalendarConnection>().ToListAsync()));
    }

    [Fact]
    public async Task CalendarConnect_FindsThePersonByEmail_WhenTeamsGaveNoDirectoryId()
    {
        await using var graph = await FakeGraph.StartAsync();
        graph.Events(Week(new DateTime(2026, 3, 12, 10, 0, 0)));
        await using var host = await StartAsync(graph, Utc(2026, 3, 5, 9));
        await TeamsAsync(host, "calendar connect", directoryId: null);
        await host.ReadCalendarsAsync();
        Assert.StartsWith($"/v1.0/users/{Uri.EscapeDataString(Email)}/calendarView?", graph.CalendarRequests[0].Replace("@", "%40"));
    }
}
