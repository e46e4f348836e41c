using AccountCoachBot.Features.People;
using AccountCoachBot.Features.People.Declension;

namespace AccountCoachBot.Features.Promises.Parsing;

/// <summary>A person at the client named in the promise: the token to cut from the action and the name to keep.</summary>
internal sealed record ContactHit(int Index, string Name);

/// <summary>
/// Finds the client's contact in a Russian promise: «обещал Ольге из Ромашки прислать КП» (a name right before
/// «из/от/в» + the client) or «обещал Ивану прислать договор Ромашке» (a name right after the commitment when the
/// client is named elsewhere). The name is kept in the nominative («Ольга», «Иван») so a note can greet them.
/// </summary>
internal static class ContactFinder
{
    private static readonly HashSet<string> FromPrepositions = ["из", "от", "в", "во"];

    public static ContactHit? Find(IReadOnlyList<Token> tokens, AccountHit? account, MarkerHit marker, LanguageRules rules, Func<int, bool> isTaken)
    {
        if (rules.Language != Language.Ru || account is null) return null;

        var preposition = AccountFinder.PrepositionStart(tokens, account.Start, rules);
        if (preposition > 0 && FromPrepositions.Contains(tokens[preposition].Norm) && IsPersonName(tokens, preposition - 1, rules, isTaken))
            return Hit(tokens, preposition - 1);

        var next = marker.End;
        if (next < tokens.Count && (next < account.Start || next >= account.End) && (preposition < 0 || next < preposition) &&
            IsPersonName(tokens, next, rules, isTaken))
            return Hit(tokens, next);
        return null;
    }

    private static ContactHit Hit(IReadOnlyList<Token> tokens, int i) => new(i, RussianNames.Nominatives(tokens[i].Text)[0]);

    // A capitalized Cyrillic word the rest of the parser did not take, not a weekday, month or a known non-name.
    private static bool IsPersonName(IReadOnlyList<Token> tokens, int i, LanguageRules rules, Func<int, bool> isTaken)
    {
        var t = tokens[i];
        return t.IsCapitalized && !isTaken(i) && t.Text.All(c => c is >= '\u0400' and <= '\u04FF') && t.Text.Length > 2 && !t.Text.All(char.IsUpper) &&
               !rules.NotNames.Contains(t.Norm) && !rules.Weekdays.TryMatch(tokens, i, out _, out _) && !rules.Months.TryMatch(tokens, i, out _, out _) &&
               !rules.Markers.MatchesAt(tokens, i).Any();
    }
}
