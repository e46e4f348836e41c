using AccountCoachBot.Data;
using AccountCoachBot.Features.People;

namespace AccountCoachBot.Features.MeetingPrep;

/// <summary>Another feature's words about some meetings in `meetings` ("from calendar · with Olga Petrova"), by meeting id.</summary>
public interface IMeetingLabels
{
    Task<IReadOnlyDictionary<int, string>> LabelsAsync(CoachDbContext db, IReadOnlyCollection<int> meetingIds, Language language, CancellationToken ct);
}
