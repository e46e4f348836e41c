using System.Text.RegularExpressions;
using AccountCoachBot.Conversation;

namespace AccountCoachBot.Features.Teams;

/// <summary>
/// A person named in a command: a channel mention (<see cref="Mention"/>), an email, or an "@word" the channel did
/// not turn into a mention (<see cref="Unresolved"/>), which can't be told apart from a typo.
/// </summary>
public sealed record PersonRef(string Shown, MentionedPerson? Mention, string? Email)
{
    public bool Unresolved => Mention is null && Email is null;
}

/// <summary>
/// Splits a command's text into what comes before the people it names (a team name), the people, and what
/// follows them (a kudos' reason): "Sales East lead @anna" → ("Sales East lead", [@anna], "").
/// </summary>
public static partial class PersonRefs
{
    [GeneratedRegex(@"(?<![\w.+-])[A-Za-z0-9._%+'-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}(?![\w-])")]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"(?<![\w@])@[\w.-]+")]
    private static partial Regex AtWordPattern();

    [GeneratedRegex(@"^(?:[,;&]|and|и)$", RegexOptions.IgnoreCase)]
    private static partial Regex Separator();

    public sealed record Split(string Head, IReadOnlyList<PersonRef> People, string Tail);

    public static Split Read(string text, IReadOnlyList<MentionedPerson> mentions)
    {
        var spans = new List<(int Start, int Length, PersonRef Ref)>();
        bool Free(int start, int length) => !spans.Any(s => start < s.Start + s.Length && s.Start < start + length);

        foreach (var mention in mentions)
        {
            var from = 0;
            while (from < text.Length)
            {
                var at = text.IndexOf(mention.Text, from, StringComparison.Ordinal);
                if (at < 0) break;
                if (Free(at, mention.Text.Length))
                {
                    spans.Add((at, mention.Text.Length, new PersonRef(mention.Text, mention, null)));
                    break;
                }
                from = at + 1;
            }
        }
        foreach (Match m in EmailPattern().Matches(text))
            if (Free(m.Index, m.Length))
                spans.Add((m.Index, m.Length, new PersonRef(m.Value, null, m.Value.ToLowerInvariant())));
        foreach (Match m in AtWordPattern().Matches(text))
            if (Free(m.Index, m.Length))
                spans.Add((m.Index, m.Length, new PersonRef(m.Value, null, null)));
        spans.Sort((a, b) => a.Start.CompareTo(b.Start));
        if (spans.Count == 0) return new Split(text.Trim(), [], "");

        // The people run from the first one on, with commas and "and" between; whatever else follows is the tail.
        var people = new List<PersonRef>();
        var end = spans[0].Start;
        foreach (var span in spans)
        {
            var between = text[end..span.Start].Split([' ', ','], StringSplitOptions.RemoveEmptyEntries);
            if (people.Count > 0 && !between.All(w => Separator().IsMatch(w))) break;
            people.Add(span.Ref);
            end = span.Start + span.Length;
        }
        return new Split(text[..spans[0].Start].Trim(), people, text[end..].Trim().TrimStart(',', ':').Trim());
    }
}
