using AccountCoachBot.Conversation;
using AccountCoachBot.Features.Calendar;
using AccountCoachBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static AccountCoachBot.Tests.Features.Calendar.CalendarTestKit;

namespace AccountCoachBot.Tests.Features.Calendar;

/// <summary>The feed address is a secret: encrypted at rest, shown as its host, never in logs, never in `export`.</summary>
public sealed class CalendarSecretTests : IAsyncLifetime
{
    private const string Secret = "private-9f8e7d6c5b4a";
    private const string Path = "/calendar/ical/olga/" + Secret + "/basic.ics";
    private CoachTestHost _host = null!;
    private FeedServer _feeds = null!;
    private LogCapture _logs = null!;

    public async Task InitializeAsync()
    {
        _feeds = await FeedServer.StartAsync();
        _host = await StartAsync(Utc(2026, 3, 25, 9), services => _logs = LogCapture.AddTo(services));
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _feeds.DisposeAsync();
    }

    [Fact]
    public async Task FeedAddress_NeverAppearsInRepliesLogsStorageOrExport_WhenReadsSucceedAndFail()
    {
        await _host.TellAsync("account add Acme");
        await _host.TellAsync("account Acme domain acme.com");
        _feeds.Ics(Path, Ics.Calendar(Ics.Event("a@acme", "Acme", "DTSTART:20260330T100000Z", "DTEND:20260330T110000Z", Ics.Attendee("ivan@acme.com"))));

        var replies = new List<string> { await _host.TellAsync("calendar " + _feeds.Url(Path)) };
        await _host.ReadCalendarsAsync();
        replies.Add(await _host.TellAsync("calendar"));
        _feeds.Status(Path, 404);
        _host.Time.Advance(TimeSpan.FromMinutes(30));
        await _host.ReadCalendarsAsync();
        await _host.Dispatcher.RunAsync();
        replies.AddRange(_host.Sender.Sent.Select(s => PlainTextRenderer.Render(s.Reply)));
        replies.Add(await _host.TellAsync("export"));
        var stored = await _host.WithDbAsync(db => db.Set<CalendarConnection>().SingleAsync());

        Assert.Contains(replies, r => r.Contains("127.0.0.1/…"));
        Assert.Contains(replies, r => r.Contains("\"source\": \"127.0.0.1/…\"") || r.Contains("127.0.0.1/…\""));
        Assert.All(replies, r => Assert.DoesNotContain(Secret, r));
        Assert.DoesNotContain(Secret, stored.ProtectedAddress);
        Assert.Equal("127.0.0.1/…", stored.Shown);
        Assert.Contains(_logs.Lines, l => l.Contains("Calendar") && l.Contains("could not be read: NotFound"));
        Assert.Contains(_logs.Lines, l => l.Contains("Calendar") && l.Contains("read: 1 events ahead"));
        Assert.DoesNotContain(_logs.Lines, l => l.Contains(Secret, StringComparison.OrdinalIgnoreCase));
    }
}
