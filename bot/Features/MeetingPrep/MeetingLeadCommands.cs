using System.Globalization;
using System.Text.RegularExpressions;
using AccountCoachBot.Conversation;

namespace AccountCoachBot.Features.MeetingPrep;

/// <summary>
/// `prep lead 2h` / `prep lead off` and `prep day-before on|off`: the lead times of prep nudges, chosen by
/// the person: words → <see cref="SetPrepLeads"/> → a reply.
/// </summary>
public sealed partial class MeetingLeadCommands : ITurnHandler
{
    private static readonly TimeSpan Shortest = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan Longest = TimeSpan.FromHours(24);

    private static readonly Text LeadsAre = new("Prep reminders: {0}.", "Напоминания о подготовке: {0}.");
    private static readonly Text AfternoonBefore = new("the working afternoon before", "накануне днём");
    private static readonly Text ShortBefore = new("{0} before", "за {0}");
    private static readonly Text NoneAtAll = new("none (you can still type `prep Acme`)", "нет (можно написать `подготовка Acme`)");
    private static readonly Text LeadInvalid = new(
        "Give a lead between 5 minutes and 24 hours: `prep lead 2h`, `prep lead 30m`, or `prep lead off`.",
        "Укажите срок от 5 минут до 24 часов: `подготовка за 2ч`, `подготовка за 30м` или `подготовка за выкл`.");
    private static readonly Text DayBeforeInvalid = new("Say `prep day-before on` or `prep day-before off`.", "Напишите `подготовка накануне вкл` или `подготовка накануне выкл`.");
    private static readonly Text Hours = new("{0} h", "{0} ч");
    private static readonly Text Minutes = new("{0} min", "{0} мин");

    public async Task<IReadOnlyList<Reply>?> TryHandleAsync(Turn turn, CancellationToken ct)
    {
        if (turn.Action is not null) return null;
        if (MeetingVerbs.PrepLead.Matches(turn.Text, out var lead))
        {
            if (!TryParseLead(lead, out var minutes)) return [turn.T(LeadInvalid)];
            return [await SetAsync(turn, new SetPrepLeads(LeadMinutes: minutes), ct)];
        }
        if (MeetingVerbs.PrepDayBefore.Matches(turn.Text, out var onOff))
        {
            bool? on = onOff.Trim().ToLowerInvariant() switch
            {
                "on" or "yes" or "вкл" or "да" => true,
                "off" or "no" or "выкл" or "нет" => false,
                _ => null,
            };
            if (on is null) return [turn.T(DayBeforeInvalid)];
            return [await SetAsync(turn, new SetPrepLeads(DayBefore: on.Value), ct)];
        }
        return null;
    }

    private static async Task<Reply> SetAsync(Turn turn, SetPrepLeads command, CancellationToken ct)
    {
        var preferences = await SetPrepLeadsHandler.HandleAsync(turn.Db, turn.Person, turn.Address, command, turn.NowUtc, ct);
        return turn.T(LeadsAre, Describe(preferences, turn));
    }

    private static string Describe(MeetingPreferences p, Turn turn)
    {
        var parts = new List<string>();
        if (p.DayBefore) parts.Add(turn.T(AfternoonBefore));
        if (p.LeadMinutes > 0)
        {
            var span = p.LeadMinutes % 60 == 0 ? turn.T(Hours, p.LeadMinutes / 60) : turn.T(Minutes, p.LeadMinutes);
            parts.Add(turn.T(ShortBefore, span));
        }
        return parts.Count == 0 ? turn.T(NoneAtAll) : string.Join(turn.Language == People.Language.Ru ? " и " : " and ", parts);
    }

    /// <summary>"2h", "90m", "1.5 hours", "2ч", "30 мин", or off.</summary>
    internal static bool TryParseLead(string text, out int minutes)
    {
        minutes = 0;
        var t = text.Trim().ToLowerInvariant();
        if (t is "off" or "none" or "выкл" or "нет") return true;
        var m = Lead().Match(t);
        if (!m.Success) return false;
        var amount = double.Parse(m.Groups[1].Value.Replace(',', '.'), CultureInfo.InvariantCulture);
        var span = m.Groups[2].Value[0] is 'h' or 'ч' ? TimeSpan.FromHours(amount) : TimeSpan.FromMinutes(amount);
        if (span < Shortest || span > Longest) return false;
        minutes = (int)Math.Round(span.TotalMinutes);
        return true;
    }

    [GeneratedRegex(@"^([0-9]+(?:[.,][0-9]+)?)\s*(h|hr|hrs|hour|hours|ч|час|часа|часов|m|min|mins|minute|minutes|м|мин|минут|минуты)$")]
    private static partial Regex Lead();
}
