using AccountCoachBot.Features.People;

namespace AccountCoachBot.Features.Promises.Parsing;

/// <summary>
/// Everything the parser needs besides the text: the current instant, the manager's zone (relative dates are
/// read on the manager's wall clock), the accounts the manager already has, and their working hours
/// (a date without a time means the end of the working day).
/// </summary>
public sealed record ParseContext(
    DateTimeOffset Now,
    TimeZoneInfo Zone,
    IReadOnlyCollection<string> KnownAccounts,
    WorkingHours Hours);
