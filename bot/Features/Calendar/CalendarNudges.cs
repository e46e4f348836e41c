using AccountCoachBot.Conversation;
using AccountCoachBot.Data;
using AccountCoachBot.Features.People;
using AccountCoachBot.Scheduling;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AccountCoachBot.Features.Calendar;

/// <summary>Tells the person their calendar can't be read, as the trouble stands when the nudge goes out.</summary>
public sealed class CalendarNudges(CoachDbContext db, IOptions<CalendarOptions> options) : INudgeRenderer
{
    public const string ProblemKind = NudgeKinds.Prefix + "calendar.problem";

    public static string SubjectId(int connectionId) => $"calendar:{connectionId}";

    public bool CanRender(string kind) => kind == ProblemKind;

    public async Task<Reply?> RenderAsync(OutboxMessage message, Person person, DateTime nowUtc, CancellationToken ct)
    {
        var connection = await db.Set<CalendarConnection>().AsNoTracking().FirstOrDefaultAsync(c => c.PersonId == person.Id, ct);
        if (connection is null || SubjectId(connection.Id) != message.SubjectId) return null;
        // Disconnected, or read fine since: nothing to say.
        if (connection.ToldProblem is null || !Enum.TryParse<FeedProblem>(connection.ToldProblem, out var problem)) return null;
        // Every nudge names the principle behind it: the calendar is read so no client meeting goes unprepared.
        var l = person.Language;
        return new Reply($"{Say(problem, connection.Shown, l, options.Value.MaxFeedMegabytes)}\n{MeetingPrep.MeetingTexts.PreparePrinciple[l]} `{Coaching.PrincipleIds.PrepareForEveryMeeting}`");
    }

    /// <summary>The problem in plain words, naming the feed by its host.</summary>
    public static string Say(FeedProblem problem, string shown, Language l, int maxMegabytes) => problem switch
    {
        FeedProblem.Denied => CalendarTexts.ProblemDenied.Format(l, shown),
        FeedProblem.NotCalendar => CalendarTexts.ProblemNotCalendar.Format(l, shown),
        FeedProblem.TooBig => CalendarTexts.ProblemTooBig.Format(l, shown, maxMegabytes),
        FeedProblem.Unavailable => CalendarTexts.ProblemUnavailable.Format(l, shown),
        FeedProblem.NoConsent => CalendarTexts.ProblemNoConsent.Format(l, shown),
        FeedProblem.UserUnknown => CalendarTexts.ProblemUserUnknown.Format(l, shown),
        _ => CalendarTexts.ProblemNotFound.Format(l, shown),
    };
}
