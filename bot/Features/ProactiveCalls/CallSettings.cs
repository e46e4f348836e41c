using AccountCoachBot.Conversation;
using AccountCoachBot.Features.People;
using Microsoft.EntityFrameworkCore;

namespace AccountCoachBot.Features.ProactiveCalls;

/// <summary>Call nudges in `settings`: on or muted, the daily budget, and a vacation if one is set.</summary>
public sealed class CallSettings : ISettingsSection
{
    private static readonly Text Calls = new("Call nudges", "Напоминания о звонках");
    private static readonly Text CallsOn = new("on, up to {0} a day (`mute calls`)", "включены, до {0} в день (`выключить звонки`)");
    private static readonly Text CallsMuted = new("muted (`unmute calls`)", "выключены (`включить звонки`)");
    private static readonly Text Away = new("Vacation", "Отпуск");

    public int Order => 20;

    public async Task<IReadOnlyList<CardFact>> DescribeAsync(Turn turn, CancellationToken ct)
    {
        var preferences = await turn.Db.Set<NudgePreferences>().FirstOrDefaultAsync(n => n.PersonId == turn.Person.Id, ct);
        var facts = new List<CardFact>
        {
            new(turn.T(Calls), preferences?.CallsMuted == true
                ? turn.T(CallsMuted)
                : turn.T(CallsOn, preferences?.DailyCallBudget ?? NudgePreferences.DefaultDailyCallBudget)),
        };
        var today = DateOnly.FromDateTime(TimeZones.ToLocal(turn.NowUtc, turn.Person.Zone));
        var vacation = await turn.Db.Set<Vacation>().Where(v => v.PersonId == turn.Person.Id && v.LastDay >= today)
            .OrderBy(v => v.FirstDay).FirstOrDefaultAsync(ct);
        if (vacation is not null)
        {
            var culture = Formats.Culture(turn.Language);
            facts.Add(new(turn.T(Away), $"{vacation.FirstDay.ToString("d MMM", culture)} – {vacation.LastDay.ToString("d MMM", culture)}"));
        }
        return facts;
    }
}
