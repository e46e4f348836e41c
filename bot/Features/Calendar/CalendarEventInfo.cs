namespace AccountCoachBot.Features.Calendar;

/// <summary>Someone on an invite: used to match the client and to say who attends, then dropped.</summary>
public sealed record EventPerson(string? Name, string Email);

/// <summary>
/// One occurrence of a calendar event, in UTC, as much of it as matching needs. The key is the same for an
/// occurrence before and after it is moved (the event's UID and, in a series, its original start).
/// </summary>
public sealed record CalendarEventInfo(string Key, string Subject, DateTime StartUtc, DateTime EndUtc, bool AllDay,
    IReadOnlyList<EventPerson> People, bool ExecutiveNamed);
