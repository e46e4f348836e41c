using AccountCoachBot.Data;

namespace AccountCoachBot.Scheduling;

/// <summary>Whether a person is away (on vacation) on a day of their own calendar: nudges wait for their return.</summary>
public interface IAvailability
{
    Task<bool> IsAwayAsync(CoachDbContext db, int personId, DateOnly localDay, CancellationToken ct);
}
