using System.Globalization;
using AccountCoachBot.Conversation;
using AccountCoachBot.Features.People;

namespace AccountCoachBot.Features.Digests;

/// <summary>
/// A digest as a channel-neutral card: one person's figures (`digest me`), or a team's — a line per member, the
/// team's figures, the biggest risks and each member's focus. Figures, account names, counts and dates only.
/// </summary>
public static class DigestCards
{
    public const int ColdShown = 3;

    /// <summary>One person's own digest.</summary>
    public static Reply Person(Digest digest, Language l)
    {
        var me = digest.Members.Count == 1 ? digest.Members[0] : digest.Total;
        var facts = Figures(me, l);
        if (me.Focus is { } focus) facts.Add(new CardFact(DigestTexts.Focus[l], FocusLine(focus, l)));
        var card = new Card(DigestTexts.MeTitle.Format(l, digest.Period.Label(l)), Facts: facts,
            PrincipleIds: me.Focus is { } f ? [f.PrincipleId] : [], Footnote: DigestTexts.DefinitionsHint[l]);
        return new Reply(PlainTextRenderer.Render(new Reply("", card)), card);
    }

    /// <summary>A team's digest: members, the team's figures, risks, and a focus per member.</summary>
    public static Reply Team(Digest digest, Language l)
    {
        var lines = new List<string>();
        foreach (var m in digest.Members) lines.Add(MemberLine(m, l));
        lines.Add(digest.Risks.Count == 0 ? DigestTexts.NoRisks[l] : DigestTexts.Risks[l]);
        lines.AddRange(digest.Risks.Select(r => "• " + RiskLine(r, l)));
        foreach (var m in digest.Members.Where(m => m.Focus is not null))
            lines.Add($"{DigestTexts.Focus[l]} — {m.Name}: {FocusLine(m.Focus!, l)}");
        var card = new Card(DigestTexts.TeamTitle.Format(l, digest.Team ?? "", digest.Period.Label(l)), Lines: lines,
            Facts: Figures(digest.Total, l),
            PrincipleIds: digest.Members.Select(m => m.Focus?.PrincipleId).OfType<string>().Distinct().ToList(),
            Footnote: DigestTexts.DefinitionsHint[l]);
        return new Reply(PlainTextRenderer.Render(new Reply("", card)), card);
    }

    private static List<CardFact> Figures(DigestFigures f, Language l)
    {
        var p = f.Promises;
        var a = f.Accounts;
        var facts = new List<CardFact>
        {
            new(DigestTexts.Made[l], Number(p.Made)),
            new(DigestTexts.Due[l], DueValue(p, l)),
            new(DigestTexts.OnTime[l], DigestTexts.Trend.Format(l, Percent(p.OnTimeRate), string.Join(" ", f.Trend.Select(t => Percent(t.OnTimeRate))))),
            new(DigestTexts.ToldInTime[l], $"{DigestTexts.OfMoves.Format(l, p.MovedBeforeDue, p.Moved)} ({Percent(p.ToldInTimeRate)})"),
            new(DigestTexts.Calls[l], DigestTexts.CallsValue.Format(l, a.CallsInTime, a.CallsDue)),
        };
        if (f.Cold.Count > 0)
        {
            var cold = string.Join(", ", f.Cold.Take(ColdShown).Select(c => DigestTexts.ColdItem.Format(l, c.Account, c.DaysSinceContact)));
            if (f.Cold.Count > ColdShown) cold += ", " + DigestTexts.AndMore.Format(l, f.Cold.Count - ColdShown);
            facts.Add(new(DigestTexts.Cold[l], cold));
        }
        facts.Add(new(DigestTexts.Meetings[l], DigestTexts.MeetingsValue.Format(l, a.MeetingsHeld, a.MeetingsPrepared, a.MeetingsDebriefed)));
        facts.Add(new(DigestTexts.Regular[l], $"{DigestTexts.OfAccounts.Format(l, a.RegularAccounts, a.Accounts)} ({Percent(a.RegularShare)})"));
        facts.Add(new(DigestTexts.Churn[l], $"{DigestTexts.OfAccounts.Format(l, a.Lost, a.OwnedAtStart)} ({Percent(a.ChurnRate)})"));
        return facts;
    }

    private static string DueValue(PromiseCounts p, Language l)
    {
        if (p.Due == 0) return DigestTexts.DueNone[l];
        var parts = new (int N, Text Text)[]
        {
            (p.KeptOnTime, DigestTexts.KeptOnTime), (p.KeptLate, DigestTexts.KeptLate), (p.MovedBeforeDue, DigestTexts.MovedBefore),
            (p.MovedAfterDue, DigestTexts.MovedAfter), (p.Cancelled, DigestTexts.Cancelled), (p.StillOpen, DigestTexts.StillOpen), (p.NotYetDue, DigestTexts.NotYetDue),
        };
        return $"{Number(p.Due)}: " + string.Join(", ", parts.Where(x => x.N > 0).Select(x => x.Text.Format(l, x.N)));
    }

    private static string MemberLine(DigestFigures m, Language l) => DigestTexts.MemberLine.Format(l, m.Name,
        Ratio(m.Promises.KeptOnTime, m.Promises.Due), Ratio(m.Promises.MovedBeforeDue, m.Promises.Moved), Ratio(m.Accounts.CallsInTime, m.Accounts.CallsDue));

    public static string RiskLine(DigestRisk r, Language l)
    {
        var parts = new List<string>();
        if (r.DaysPastCadence > 0 || r.OverduePromises == 0) parts.Add(DigestTexts.RiskSilent.Format(l, r.DaysSinceContact, r.CadenceDays));
        if (r.OverduePromises > 0) parts.Add(DigestTexts.RiskOverdue.Format(l, r.OverduePromises));
        var who = r.Key ? $"{DigestTexts.RiskKey[l]}, {r.Owner}" : r.Owner;
        return $"{r.Account} ({who}): {string.Join("; ", parts)}";
    }

    public static string FocusLine(CoachingFocus focus, Language l) =>
        $"{DigestTexts.FocusText(focus.Kind).Format(l, focus.Count, focus.OutOf)} `{focus.PrincipleId}`";

    private static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static string Ratio(int part, int whole) => whole == 0 ? "–" : $"{part}/{whole}";

    /// <summary>"70%", or "–" when there was nothing to count.</summary>
    public static string Percent(double? rate) => rate is { } r ? Math.Round(r * 100, MidpointRounding.AwayFromZero).ToString("0", CultureInfo.InvariantCulture) + "%" : "–";
}
