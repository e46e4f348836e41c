using AccountCoachBot.Data;
using AccountCoachBot.Features.People;
using AccountCoachBot.Scheduling;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AccountCoachBot.Features.Calendar;

/// <summary>
/// One read of one person's calendar: fetch, parse, match, sync; or, when that fails, the next try later and the
/// person told once, in plain words. Logs name the connection and the feed's host, never its address.
/// </summary>
public sealed class CalendarRead(CoachDbContext db, CalendarSecrets secrets, IcsFeedReader feeds, GraphCalendarReader graph, IOptions<CalendarOptions> options,
    TimeProvider time, ILogger<CalendarRead> logger)
{
    /// <summary>Transient trouble is told only when it lasts this many reads.</summary>
    public const int TellUnavailableAfter = 3;

    public async Task RunAsync(int connectionId, CancellationToken ct)
    {
        var connection = await db.Set<CalendarConnection>().FirstOrDefaultAsync(c => c.Id == connectionId, ct);
        if (connection is null) return;
        var person = await db.People.FirstAsync(p => p.Id == connection.PersonId, ct);
        var address = await db.Addresses.FirstAsync(a => a.Id == connection.AddressId, ct);
        var now = time.GetUtcNow().UtcDateTime;
        var o = options.Value;

        var uri = secrets.Unprotect(connection.ProtectedAddress);
        var read = uri is null ? new EventsResult(null, FeedProblem.NotFound)
            : connection.Kind == CalendarKind.Graph
                ? GraphCalendarReader.UserOf(uri) is { } user ? await graph.ReadAsync(user, person, now, o.DaysAheadClamped, ct) : new EventsResult(null, FeedProblem.UserUnknown)
                : await ReadIcsAsync(connection, uri, person, now, ct);
        if (read.Events is not { } events)
        {
            await FailedAsync(connection, address, read.Problem ?? FeedProblem.NotCalendar, read.RetryAfter, now, ct);
            return;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var rule = await ClientMeetingRule.LoadAsync(db, person, o.ImportantAttendees, ct);
        var outcome = await CalendarSync.ApplyAsync(db, person, address, events, rule, now, ct);
        connection.Failures = 0;
        connection.ToldProblem = null;
        connection.LastReadUtc = now;
        connection.NextReadUtc = CalendarSchedule.Next(person.Id, now, o.ReadEvery);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        logger.LogInformation("Calendar {ConnectionId} ({Host}) read: {Events} events ahead, {Added} meetings added, {Moved} moved, {Removed} removed",
            connection.Id, connection.Shown, events.Count, outcome.Added, outcome.Moved, outcome.Removed);
    }

    private async Task<EventsResult> ReadIcsAsync(CalendarConnection connection, Uri uri, Person person, DateTime now, CancellationToken ct)
    {
        var feed = await feeds.ReadAsync(uri, ct);
        if (feed.Text is not { } text) return new EventsResult(null, feed.Problem, feed.RetryAfter);
        try
        {
            return new EventsResult(IcsEvents.Read(text, person, now, options.Value.DaysAheadClamped));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning("Calendar {ConnectionId} ({Host}): the feed is not readable iCalendar ({Error})", connection.Id, connection.Shown, e.GetType().Name);
            return new EventsResult(null, FeedProblem.NotCalendar);
        }
    }

    private async Task FailedAsync(CalendarConnection connection, ConversationAddress address, FeedProblem problem, TimeSpan? retryAfter, DateTime now, CancellationToken ct)
    {
        connection.Failures++;
        connection.NextReadUtc = CalendarSchedule.AfterFailure(connection.Failures, now, options.Value.ReadEvery, retryAfter);
        var tell = problem != FeedProblem.Unavailable || connection.Failures >= TellUnavailableAfter;
        if (tell && connection.ToldProblem != problem.ToString())
        {
            connection.ToldProblem = problem.ToString();
            await Outbox.EnqueueAsync(db, new NudgeRequest(CalendarNudges.ProblemKind, connection.PersonId, CalendarNudges.SubjectId(connection.Id), now, address,
                $"{CalendarNudges.ProblemKind}:{connection.Id}:{problem}:{now.Ticks}"), now, ct);
        }
        await db.SaveChangesAsync(ct);
        logger.LogWarning("Calendar {ConnectionId} ({Host}) could not be read: {Problem}, failure {Failures}; next try {Next:u}",
            connection.Id, connection.Shown, problem, connection.Failures, connection.NextReadUtc);
    }
}
