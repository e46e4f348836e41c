using AccountCoachBot.Conversation;
using AccountCoachBot.Features.People;

namespace AccountCoachBot.Features.MeetingPrep;

/// <summary>Prep nudges in `settings`: the lead times chosen with `prep lead` / `prep day-before`.</summary>
public sealed class MeetingSettings : ISettingsSection
{
    private static readonly Text Prep = new("Meeting prep", "Подготовка к встречам");
    private static readonly Text DayBefore = new("the afternoon before", "накануне днём");
    private static readonly Text Before = new("{0} min before", "за {0} мин");
    private static readonly Text None = new("off (`prep lead 1h`)", "выключено (`подготовка за 1ч`)");

    public int Order => 10;

    public async Task<IReadOnlyList<CardFact>> DescribeAsync(Turn turn, CancellationToken ct)
    {
        var leads = (await turn.Db.Set<MeetingPreferences>().FindAsync([turn.Person.Id], ct))?.Leads ?? MeetingLeads.Default;
        var parts = new List<string>();
        if (leads.DayBefore) parts.Add(turn.T(DayBefore));
        if (leads.Short is { } lead) parts.Add(turn.T(Before, (int)lead.TotalMinutes));
        return [new CardFact(turn.T(Prep), parts.Count == 0 ? turn.T(None) : string.Join(", ", parts))];
    }
}
