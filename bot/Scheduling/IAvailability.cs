using AccountCoachBot.Data;

namespace AccountCoachBot.Scheduling;

/// <summary>Whether a person is away (on vacation) on a day of their own calendar: nudges wait for their return.</summary>
public interface IAvailability
{
    Task<bool> IsAwayAsync(CoachDbContext db, int personId, DateOnly localDay, CancellationToken ct);

    /// <summary>Of these people, each on their own local day, those away: the dispatcher asks once per claimed batch.</summary>
    async Task<HashSet<int>> AwayAsync(CoachDbContext db, IReadOnlyDictionary<int, DateOnly> localDays, CancellationToken ct)
    {
        var away = new HashSet<int>();
        foreach (var (personId, day) in localDays)
            if (await IsAwayAsync(db, personId, day, ct)) away.Add(personId);
        return away;
    }
}
