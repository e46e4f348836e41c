using System.Text.RegularExpressions;

namespace AccountCoachBot.Features.MeetingPrep;

/// <summary>What the brief warns about.</summary>
public sealed record BriefFlags(bool GoingAlone, bool NoAsk, int Overdue)
{
    public bool Any => GoingAlone || NoAsk || Overdue > 0;
}

public static partial class BriefRules
{
    public static BriefFlags Flags(Meeting meeting, IReadOnlyDictionary<string, string> answers, AccountFacts facts)
    {
        answers.TryGetValue(ChecklistItemIds.OurAttendees, out var ours);
        answers.TryGetValue(ChecklistItemIds.OutcomeAndAsk, out var ask);
        return new BriefFlags(
            GoingAlone: meeting.Important && IsNoOne(ours),
            NoAsk: string.IsNullOrWhiteSpace(ask) || NoAskWords().IsMatch(ask.Trim().TrimEnd('.', '!')),
            Overdue: facts.Overdue.Count);
    }

    /// <summary>An empty answer, or one that says nobody comes along ("no one", "just me", «никто», «сам»).</summary>
    public static bool IsNoOne(string? answer) =>
        string.IsNullOrWhiteSpace(answer) || NoOne().IsMatch(answer.Trim().TrimEnd('.', '!', ')').TrimStart('('));

    public static bool IsSkip(string? answer) =>
        answer is not null && SkipWords().IsMatch(answer.Trim().TrimEnd('.', '!'));

    [GeneratedRegex(@"^(no one|no-one|noone|nobody|none|alone|i go alone|going alone|just me|only me|me|myself|me alone|-|—|никто|нет|один|одна|я один|я одна|сам|сама|только я|в одиночку|одна пойду|один пойду)$", RegexOptions.IgnoreCase)]
    private static partial Regex NoOne();

    [GeneratedRegex(@"^(-|—|no|none|нет)$", RegexOptions.IgnoreCase)]
    private static partial Regex NoAskWords();

    [GeneratedRegex(@"^(skip|pass|next|пропустить|пропуск|дальше|следующий)$", RegexOptions.IgnoreCase)]
    private static partial Regex SkipWords();
}
