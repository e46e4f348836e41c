using AccountCoachBot.Features.People;
using AccountCoachBot.Scheduling;

namespace AccountCoachBot.Features.MeetingPrep;

public sealed record PlannedMeetingNudge(string Kind, DateTime AtUtc);

/// <summary>
/// When a meeting's nudges are due. Plain code on instants, tested with any clock:
/// prep the working afternoon before (14:00 local on the previous working day) and again an hour before;
/// a prep nudge that would fall before the working day starts goes out at its start, one that would fall
/// after it ends (or on a day off) comes earlier, never after the meeting; the hour-before one is dropped when
/// that would move it to an earlier day. The debrief comes an hour after the
/// meeting ends, in working hours.
/// </summary>
public static class MeetingPolicy
{
    // Outbox kinds, not button ids (those are MeetingActions).
    public const string KindPrefix = NudgeKinds.Prefix + "meeting.";
    public const string PrepDayBeforeKind = KindPrefix + "prep.daybefore";
    public const string PrepHourBeforeKind = KindPrefix + "prep.hourbefore";
    public const string DebriefKind = KindPrefix + "debrief";

    public static readonly IReadOnlyList<string> AllKinds = [PrepDayBeforeKind, PrepHourBeforeKind, DebriefKind];

    public static readonly TimeOnly AfternoonBefore = new(14, 0);
    public static readonly TimeSpan HourBefore = TimeSpan.FromHours(1);
    public static readonly TimeSpan DebriefAfter = TimeSpan.FromHours(1);
    public static readonly TimeSpan DefaultLength = TimeSpan.FromHours(1);

    public static bool IsPrep(string kind) => kind is PrepDayBeforeKind or PrepHourBeforeKind;

    public static IReadOnlyList<PlannedMeetingNudge> Plan(DateTime startUtc, DateTime endUtc, DateTime nowUtc, TimeZoneInfo zone, WorkingHours hours) =>
        Plan(startUtc, endUtc, nowUtc, zone, hours, MeetingLeads.Default);

    public static IReadOnlyList<PlannedMeetingNudge> Plan(DateTime startUtc, DateTime endUtc, DateTime nowUtc, TimeZoneInfo zone, WorkingHours hours, MeetingLeads leads)
    {
        var plan = new List<PlannedMeetingNudge>();

        var startLocal = TimeZones.ToLocal(startUtc, zone);
        if (leads.DayBefore)
        {
            var dayBefore = WorkingTime.PreviousWorkday(startLocal.Date, hours);
            var afternoon = Fit(TimeZones.ToUtc(dayBefore + AfternoonBefore.ToTimeSpan(), zone), startUtc, zone, hours);
            if (afternoon > nowUtc && afternoon < startUtc) plan.Add(new PlannedMeetingNudge(PrepDayBeforeKind, afternoon));
        }

        // The short lead means the meeting's own day: moved to an earlier day it would only repeat the afternoon one.
        if (leads.Short is { } lead)
        {
            var shortly = Fit(startUtc - lead, startUtc, zone, hours);
            if (shortly > nowUtc && shortly < startUtc && TimeZones.ToLocal(shortly, zone).Date == startLocal.Date && plan.All(p => p.AtUtc != shortly))
                plan.Add(new PlannedMeetingNudge(PrepHourBeforeKind, shortly));
        }

        var debrief = WorkingTime.NextWorkingInstant(endUtc + DebriefAfter, zone, hours);
        if (debrief > nowUtc) plan.Add(new PlannedMeetingNudge(DebriefKind, debrief));
        return plan;
    }

    /// <summary>Moves a prep instant into working time without passing the meeting.</summary>
    private static DateTime Fit(DateTime atUtc, DateTime startUtc, TimeZoneInfo zone, WorkingHours hours)
    {
        if (hours.Days.Count == 0 || WorkingTime.IsWorkingTime(atUtc, zone, hours)) return atUtc;
        var local = TimeZones.ToLocal(atUtc, zone);
        if (hours.IsWorkday(local.DayOfWeek) && TimeOnly.FromDateTime(local) < hours.Start)
        {
            // Before the working day starts: at its start, if that is still before the meeting.
            var dayStart = TimeZones.ToUtc(local.Date + hours.Start.ToTimeSpan(), zone);
            if (dayStart < startUtc) return dayStart;
        }
        return WorkingTime.PreviousWorkingInstant(atUtc, zone, hours);
    }

    public static string SubjectId(int meetingId) => $"meeting:{meetingId}";

    /// <summary>Per person, meeting and lead; the start time is part of it so a moved meeting is a new occurrence.</summary>
    public static string DedupeKey(string kind, int personId, int meetingId, DateTime startUtc) => $"{kind}:{personId}:{meetingId}:{startUtc.Ticks}";

    public static int? MeetingIdOf(string? subjectId) =>
        subjectId is not null && subjectId.StartsWith("meeting:", StringComparison.Ordinal) && int.TryParse(subjectId["meeting:".Length..], out var id) ? id : null;
}
