using System.Globalization;
using System.Text.RegularExpressions;
using AccountCoachBot.Conversation;
using AccountCoachBot.Data;
using AccountCoachBot.Features.People;
using AccountCoachBot.Features.Teams;
using AccountCoachBot.Scheduling;
using Microsoft.EntityFrameworkCore;

namespace AccountCoachBot.Features.Digests;

/// <summary>
/// `digest off` / `digest on`, `digest channel here|me|#C0123ABCD`, `digest time monday 08:30`, `digest schedule`:
/// the weekly digest of the team the person leads (with several, named: `digest off Sales East`); an admin names
/// any team. Everyone else is refused and nothing changes.
/// </summary>
public sealed partial class DigestDeliveryCommands(TeamAccess access, Destinations destinations) : ITurnHandler
{
    /// <summary>`[team] [weekday] [at] HH:MM [team]`; the weekday, when given, is the last word before the time.</summary>
    [GeneratedRegex(@"^(?<before>.*?)\s*(?:\b(?:at|в)\s+)?(?<h>[0-9]{1,2})[:.](?<m>[0-9]{2})(?:\s+(?<after>.+))?$", RegexOptions.IgnoreCase)]
    private static partial Regex TimePattern();

    private static readonly string[] HereWords = ["here", "this", "здесь", "сюда", "тут"];
    private static readonly string[] MeWords = ["me", "dm", "chat", "мне", "лично", "личный", "чат"];

    public async Task<IReadOnlyList<Reply>?> TryHandleAsync(Turn turn, CancellationToken ct)
    {
        if (turn.Action is not null) return null;
        string rest;
        if (DigestDeliveryVerbs.Off.Matches(turn.Text, out rest)) return [await SwitchAsync(turn, rest, off: true, ct)];
        if (DigestDeliveryVerbs.On.Matches(turn.Text, out rest)) return [await SwitchAsync(turn, rest, off: false, ct)];
        if (DigestDeliveryVerbs.Time.Matches(turn.Text, out rest)) return [await TimeAsync(turn, rest, ct)];
        if (DigestDeliveryVerbs.Channel.Matches(turn.Text, out rest)) return [await ChannelAsync(turn, rest, ct)];
        if (DigestDeliveryVerbs.Schedule.Matches(turn.Text, out rest)) return [await ShowAsync(turn, rest, ct)];
        return null;
    }

    private async Task<Reply> SwitchAsync(Turn turn, string name, bool off, CancellationToken ct)
    {
        var (team, refusal) = await TeamAsync(turn, name, off ? DigestDeliveryVerbs.Off : DigestDeliveryVerbs.On, ct);
        if (team is null) return refusal!;
        var delivery = await ChangeAsync(turn, team, ct);
        delivery.Off = off;
        return off ? turn.T(DigestDeliveryTexts.TurnedOff, team.Name)
            : turn.T(DigestDeliveryTexts.TurnedOn, team.Name, await WhenAsync(turn, team, delivery, ct), await WhereAsync(turn, team, delivery, ct));
    }

    private async Task<Reply> TimeAsync(Turn turn, string rest, CancellationToken ct)
    {
        var m = TimePattern().Match(rest.Trim());
        if (!m.Success) return turn.T(DigestDeliveryTexts.TimeUsage);
        var before = m.Groups["before"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var day = before.Length > 0 ? WeekdayNames.Parse(before[^1].Trim(',')) : null;
        var name = string.Join(' ', day is null ? before : before[..^1]);
        if (m.Groups["after"].Success)
        {
            if (name.Length > 0) return turn.T(DigestDeliveryTexts.TimeUsage);
            name = m.Groups["after"].Value;
        }
        var hour = int.Parse(m.Groups["h"].Value, CultureInfo.InvariantCulture);
        var minute = int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture);
        if (hour > 23 || minute > 59) return turn.T(DigestDeliveryTexts.TimeInvalid, $"{m.Groups["h"].Value}:{m.Groups["m"].Value}");

        // `digest time someday 09:00`: a word that is neither a weekday nor a team is a weekday mistyped.
        if (day is null && name.Length > 0 && !m.Groups["after"].Success && await access.FindByNameAsync(name, ct) is null)
            return turn.T(DigestDeliveryTexts.TimeUsage);
        var (team, refusal) = await TeamAsync(turn, name, DigestDeliveryVerbs.Time, ct);
        if (team is null) return refusal!;
        var delivery = await ChangeAsync(turn, team, ct);
        if (day is { } d) delivery.Day = d;
        delivery.Time = new TimeOnly(hour, minute);
        return WithOff(turn, delivery, turn.T(DigestDeliveryTexts.TimeSet, team.Name, await WhenAsync(turn, team, delivery, ct)));
    }

    private async Task<Reply> ChannelAsync(Turn turn, string rest, CancellationToken ct)
    {
        var words = rest.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0) return turn.T(DigestDeliveryTexts.ChannelUsage);
        // The place is the first word or the last; the rest names the team.
        string value, name;
        if (IsPlace(words[0])) (value, name) = (words[0], string.Join(' ', words[1..]));
        else if (IsPlace(words[^1])) (value, name) = (words[^1], string.Join(' ', words[..^1]));
        else return turn.T(DigestDeliveryTexts.ChannelUsage);

        // `here`: the conversation itself when others read it (Teams); else the channel it was typed in (a Slack
        // slash command or mention, answered in the DM), which is then taken as if named.
        var here = Command.Is(value, HereWords);
        SharedPlace? place = null;
        if (here && !turn.Address.IsShared && (place = turn.Message.TypedIn) is null) return turn.T(DigestDeliveryTexts.HereNotShared);
        if (!here && !Command.Is(value, MeWords)) place = destinations.ParsePlace(value)!;
        var (team, refusal) = await TeamAsync(turn, name, DigestDeliveryVerbs.Channel, ct);
        if (team is null) return refusal!;

        int? addressId = null;
        var access = PlaceAccess.Unchecked;
        if (place is not null)
        {
            access = await destinations.CheckAsync(place, ct);
            if (access == PlaceAccess.NotMember) return turn.T(DigestDeliveryTexts.NotInPlace, place.Label, place.Invite);
            if (access == PlaceAccess.NotFound) return turn.T(DigestDeliveryTexts.PlaceNotFound, place.Label, place.Invite);
            var address = await destinations.SharedAddressAsync(turn.Db, turn.Person.Id, place, turn.NowUtc, ct);
            if (address is null) return turn.T(DigestDeliveryTexts.NeedsSlack);
            await turn.Db.SaveChangesAsync(ct);
            addressId = address.Id;
        }
        else if (here) addressId = turn.Address.Id;
        var delivery = await ChangeAsync(turn, team, ct);
        delivery.AddressId = addressId;
        var said = place is null ? turn.T(DigestDeliveryTexts.WhereSet, team.Name, await WhereAsync(turn, team, delivery, ct))
            : access == PlaceAccess.Open ? turn.T(DigestDeliveryTexts.PlaceReady, team.Name, place.Label)
            : turn.T(DigestDeliveryTexts.PlaceSet, team.Name, place.Label, place.Invite);
        return WithOff(turn, delivery, said);
    }

    private async Task<Reply> ShowAsync(Turn turn, string name, CancellationToken ct)
    {
        var (team, refusal) = await TeamAsync(turn, name, DigestDeliveryVerbs.Schedule, ct);
        if (team is null) return refusal!;
        var delivery = await turn.Db.Set<DigestDelivery>().FirstOrDefaultAsync(d => d.TeamId == team.Id, ct) ?? DigestDelivery.Default(team.Id);
        return delivery.Off ? turn.T(DigestDeliveryTexts.ShownOff, team.Name)
            : turn.T(DigestDeliveryTexts.Shown, team.Name, await WhenAsync(turn, team, delivery, ct), await WhereAsync(turn, team, delivery, ct));
    }

    private bool IsPlace(string word) => Command.Is(word, HereWords) || Command.Is(word, MeWords) || destinations.ParsePlace(word) is not null;

    private static Reply WithOff(Turn turn, DigestDelivery delivery, string said) =>
        delivery.Off ? $"{said} {turn.T(DigestDeliveryTexts.StillOff)}" : said;

    /// <summary>The team named, when the person may change it; else the one team they lead; else why not.</summary>
    private async Task<(Team? Team, string? Refusal)> TeamAsync(Turn turn, string name, Verb verb, CancellationToken ct)
    {
        if (name.Trim().Length > 0)
        {
            var lookup = await access.FindTeamForAsync(turn.Person, name, ct);
            if (lookup.Team is not null) return (lookup.Team, null);
            return (null, lookup.Refusal == TeamTexts.NotYourTeam ? turn.T(DigestDeliveryTexts.NotYourTeam, lookup.Name) : lookup.RefusalIn(turn.Language));
        }
        var led = await access.TeamsLedByAsync(turn.Person.Id, ct);
        if (led.Count == 0) return (null, turn.T(DigestDeliveryTexts.LeadsNoTeam));
        if (led.Count > 1)
        {
            // The example is the whole command: `digest time Sales East monday 09:00`, `digest channel Sales East here`.
            var ru = turn.Language == Language.Ru;
            var tail = verb == DigestDeliveryVerbs.Time ? (ru ? " пн 09:00" : " monday 09:00") : verb == DigestDeliveryVerbs.Channel ? (ru ? " здесь" : " here") : "";
            return (null, turn.T(DigestDeliveryTexts.WhichTeam, string.Join(", ", led.Select(t => t.Name)), verb.Shown(turn.Language), led[0].Name + tail));
        }
        return (led[0], null);
    }

    /// <summary>
    /// The team's settings row, created on first change. A digest queued but not yet sent is withdrawn, so the
    /// planner queues it again under the new settings (a sent one stays sent: one per week).
    /// </summary>
    private static async Task<DigestDelivery> ChangeAsync(Turn turn, Team team, CancellationToken ct)
    {
        var delivery = await turn.Db.Set<DigestDelivery>().FirstOrDefaultAsync(d => d.TeamId == team.Id, ct);
        if (delivery is null)
        {
            delivery = DigestDelivery.Default(team.Id);
            turn.Db.Set<DigestDelivery>().Add(delivery);
        }
        delivery.UpdatedUtc = turn.NowUtc;
        var prefix = DigestNudges.SubjectPrefix(team.Id);
        await turn.Db.Outbox.Where(o => o.Kind == DigestNudges.Kind && o.Status == OutboxStatus.Pending && o.SubjectId!.StartsWith(prefix))
            .ExecuteDeleteAsync(ct);
        return delivery;
    }

    private static async Task<string> WhenAsync(Turn turn, Team team, DigestDelivery delivery, CancellationToken ct)
    {
        var lead = team.LeadId is { } id ? await turn.Db.People.FirstOrDefaultAsync(p => p.Id == id, ct) : null;
        var zone = (lead ?? turn.Person).TimeZoneId;
        return turn.T(DigestDeliveryTexts.When, turn.T(DigestDeliveryTexts.Every[(int)delivery.Day]),
            delivery.Time.ToString("HH:mm", CultureInfo.InvariantCulture), zone);
    }

    private async Task<string> WhereAsync(Turn turn, Team team, DigestDelivery delivery, CancellationToken ct)
    {
        if (delivery.AddressId is not { } id)
            return turn.T(team.LeadId == turn.Person.Id ? DigestDeliveryTexts.AtYourChat : DigestDeliveryTexts.AtLeadChat);
        if (id == turn.Address.Id) return turn.T(DigestDeliveryTexts.AtHere);
        var address = await turn.Db.Addresses.FirstOrDefaultAsync(a => a.Id == id, ct);
        return destinations.PlaceOf(address) is { } place ? turn.T(DigestDeliveryTexts.AtPlace, place.Label) : turn.T(DigestDeliveryTexts.AtChosen);
    }
}
