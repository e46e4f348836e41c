using System.Collections.Concurrent;
using AccountCoachBot.Features.Calendar;
using AccountCoachBot.Features.MeetingPrep;
using AccountCoachBot.Scheduling;
using AccountCoachBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AccountCoachBot.Tests.Features.Calendar;

/// <summary>iCalendar text as Google and Outlook publish it, line by line.</summary>
internal static class Ics
{
    public static string Calendar(params string[] events) =>
        string.Join("\r\n", new[] { "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Test//Feeds//EN", "X-WR-CALNAME:olga@ourco.com" }
            .Concat(events).Append("END:VCALENDAR")) + "\r\n";

    /// <summary>An event; <paramref name="lines"/> carry DTSTART/DTEND, ATTENDEE, RRULE, STATUS… as they appear in a feed.</summary>
    public static string Event(string uid, string summary, params string[] lines) =>
        string.Join("\r\n", new[] { "BEGIN:VEVENT", $"UID:{uid}", "DTSTAMP:20260301T000000Z", $"SUMMARY:{summary}" }.Concat(lines).Append("END:VEVENT"));

    public static string Attendee(string email, string? name = null, string status = "ACCEPTED") =>
        $"ATTENDEE;{(name is null ? "" : $"CN={name};")}PARTSTAT={status}:mailto:{email}";

    public static string Berlin(string local) => $"TZID=Europe/Berlin:{local}";
}

/// <summary>Shortcuts for calendar tests on the real pipeline, with feeds on loopback.</summary>
internal static class CalendarTestKit
{
    public const string Email = "olga@ourco.com";

    public static Dictionary<string, string?> Settings(string? connectionString = null)
    {
        var settings = new Dictionary<string, string?> { ["Calendar:AllowPrivateNetworks"] = "true" };
        if (connectionString is not null) settings["ConnectionStrings:Coach"] = connectionString;
        return settings;
    }

    public static Task<CoachTestHost> StartAsync(DateTimeOffset now, Action<IServiceCollection>? services = null, string? connectionString = null) =>
        CoachTestHost.StartAsync(now, settings: Settings(connectionString), services: services);

    public static Task<string> TellAsync(this CoachTestHost host, string text) =>
        host.SayAsync(text, email: Email).ContinueWith(t => AccountCoachBot.Conversation.PlainTextRenderer.Render(t.Result[^1]));

    /// <summary>What Hangfire runs every minute.</summary>
    public static Task<int> ReadCalendarsAsync(this CoachTestHost host) => host.Services.GetRequiredService<CalendarReadJob>().RunAsync(CancellationToken.None);

    public static Task<List<Meeting>> MeetingsAsync(this CoachTestHost host) =>
        host.WithDbAsync(db => db.Set<Meeting>().Include(m => m.Account).AsNoTracking().OrderBy(m => m.StartUtc).ToListAsync());

    public static Task<List<OutboxMessage>> OutboxAsync(this CoachTestHost host, string kindPrefix) =>
        host.WithDbAsync(db => db.Outbox.AsNoTracking().Where(o => o.Kind.StartsWith(kindPrefix)).OrderBy(o => o.DueUtc).ToListAsync());

    public static DateTimeOffset Utc(int y, int mo, int d, int h, int mi = 0) => new(y, mo, d, h, mi, 0, TimeSpan.Zero);
}

/// <summary>Every log line any category writes, with its arguments rendered, at every level.</summary>
public sealed class LogCapture : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyList<string> Lines => _lines.ToList();

    public static LogCapture AddTo(IServiceCollection services)
    {
        var capture = new LogCapture();
        services.AddSingleton<ILoggerProvider>(capture);
        services.Configure<LoggerFilterOptions>(o =>
        {
            o.MinLevel = LogLevel.Trace;
            o.Rules.Clear();
        });
        return capture;
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(LogCapture capture, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            capture._lines.Enqueue($"{category} {logLevel}: {formatter(state, exception)} {exception} {state}");
    }
}
