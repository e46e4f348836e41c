using AccountCoachBot.Data;
using AccountCoachBot.Features.People;

namespace AccountCoachBot.Features.ProactiveCalls;

/// <summary>
/// What is open with a client, for a call nudge: a count-only <see cref="Summary"/> safe for a channel
/// ("1 promise due Fri") and <see cref="Details"/> shown only to the owner.
/// </summary>
public sealed record OpenItems(string Summary, IReadOnlyList<string> Details);

/// <summary>A source of open items (promises here; upcoming meetings when MeetingPrep registers one).</summary>
public interface IAccountOpenItems
{
    Task<OpenItems?> DescribeAsync(CoachDbContext db, Account account, Person owner, DateTime nowUtc, CancellationToken ct);
}
