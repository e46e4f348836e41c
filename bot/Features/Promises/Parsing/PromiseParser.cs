using AccountCoachBot.Features.People;

namespace AccountCoachBot.Features.Promises.Parsing;

/// <summary>
/// Reads a manager's message: is it their own promise to a client, to which account, what, and by when.
/// Deterministic and table-driven: the word tables are in <see cref="EnglishRules"/> and <see cref="RussianRules"/>,
/// the language is picked by script (Cyrillic → Russian).
/// </summary>
public static class PromiseParser
{
    /// <summary>Free text: "I'll send Initech the draft contract by Monday" / «обещал Globex перезвонить завтра в 9».</summary>
    public static PromiseParse Parse(string text, ParseContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var language = LanguageExtensions.FromScript(text) ?? Language.En;
        if (string.IsNullOrWhiteSpace(text)) return PromiseParse.None(language);

        var rules = LanguageRules.For(language);
        var tokens = Tokenizer.Tokenize(text);
        if (IntentDetector.IsQuestion(tokens, rules) || IntentDetector.HasNonPromisePhrase(tokens, rules))
            return PromiseParse.None(language);

        var dues = DueParser.FindAll(tokens, context, language);
        var isDue = Flags(tokens.Count, dues.Select(d => (d.First, d.End)));
        var addressee = AccountFinder.InflectedKnownTokens(tokens, context.KnownAccounts ?? []);
        var markers = IntentDetector.FindMarkers(tokens, rules, i => isDue[i] || addressee[i]);

        foreach (var marker in markers)
        {
            var sentenceEnd = IntentDetector.SentenceEnd(tokens, marker.Start);
            var due = DueOf(marker, sentenceEnd, tokens, dues);
            if (marker.Marker.Traits.HasFlag(MarkerTraits.NeedsDue) && due is null) continue;

            var taken = Flags(tokens.Count, dues.Select(d => (d.First, d.End)).Concat(markers.Select(m => (m.Start, m.End))));
            var account = AccountFinder.Find(tokens, context.KnownAccounts ?? [], rules, i => taken[i], marker.End);

            // With neither a client nor a date there is nothing to track ("I'll think about it").
            if (account is null && due is null) return PromiseParse.None(language);

            var (removed, replaced) = ActionExtractor.Cuts(tokens, rules, account, due, markers.Where(m => m.Start >= marker.End && m.Start < sentenceEnd));
            // «обещал Ольге из Ромашки прислать КП»: the contact is kept apart, not in the action.
            var contact = ContactFinder.Find(tokens, account, marker, rules, i => taken[i] || removed.Contains(i));
            if (contact is not null) removed.Add(contact.Index);
            var order = new List<int>();
            if (marker.Marker.Infinitive is { } infinitive)
            {
                // «Договор Ромашке пришлю завтра»: the verb leads as an infinitive, then what was said before it.
                replaced[marker.Start] = infinitive;
                order.Add(marker.Start);
                order.AddRange(ActionExtractor.WordsBefore(tokens, marker.Start, rules, i => isDue[i], replaced));
            }

            order.AddRange(Enumerable.Range(marker.End, sentenceEnd - marker.End));
            var action = ActionExtractor.Extract(text, tokens, order, removed, replaced, rules);
            return new PromiseParse(true, account?.Name, account?.IsKnown ?? false, action, due?.Due, language, contact?.Name);
        }

        return PromiseParse.None(language);
    }

    /// <summary>
    /// The explicit command form <c>promise &lt;account&gt;: &lt;body&gt;</c>; the caller has split off the account.
    /// Always a promise. Action is the body without the date words (and without leading commitment words or a
    /// mention of the account); Due is null when the body has no date.
    /// </summary>
    public static PromiseParse ParseExplicit(string account, string body, ParseContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        body ??= string.Empty;
        var language = LanguageExtensions.FromScript(body) ?? LanguageExtensions.FromScript(account) ?? Language.En;
        var rules = LanguageRules.For(language);
        var known = context.KnownAccounts ?? [];

        var knownName = string.IsNullOrWhiteSpace(account) ? null : AccountFinder.KnownSpelling(account, known);
        var name = knownName ?? (string.IsNullOrWhiteSpace(account) ? null : account.Trim());

        var tokens = Tokenizer.Tokenize(body);
        var dues = DueParser.FindAll(tokens, context, language);
        var due = dues.FirstOrDefault();
        var isDue = Flags(tokens.Count, dues.Select(d => (d.First, d.End)));

        // "I'll send the quote by Friday" as a body: the commitment words go, like in free text.
        var markers = IntentDetector.FindMarkers(tokens, rules, i => isDue[i]);
        var lead = markers.FirstOrDefault(m => IntentDetector.SentenceStart(tokens, m.Start) == 0 &&
                                               IntentDetector.OnlyFillerBefore(tokens, m.Start, rules, i => isDue[i]));

        var taken = Flags(tokens.Count, dues.Select(d => (d.First, d.End)));
        var mention = name is null ? null : AccountFinder.FindKnown(tokens, [name], i => taken[i]);
        var (removed, replaced) = ActionExtractor.Cuts(tokens, rules, mention, due, markers.Where(m => lead is not null && m.Start >= lead.End));
        var from = 0;
        if (lead is not null)
        {
            from = lead.Marker.Infinitive is null ? lead.End : lead.Start;
            if (lead.Marker.Infinitive is not null) replaced[lead.Start] = lead.Marker.Infinitive;
        }

        var action = ActionExtractor.Extract(body, tokens, Enumerable.Range(from, tokens.Count - from), removed, replaced, rules);
        return new PromiseParse(true, name, knownName is not null, action, due?.Due, language);
    }

    // The due said after the commitment in its sentence, else one said before it in that sentence
    // ("Tomorrow I'll ..."); dates in other sentences belong to other statements.
    private static DueSpan? DueOf(MarkerHit marker, int sentenceEnd, IReadOnlyList<Token> tokens, IReadOnlyList<DueSpan> dues)
    {
        var sentenceStart = IntentDetector.SentenceStart(tokens, marker.Start);
        return dues.FirstOrDefault(d => d.First >= marker.End && d.First < sentenceEnd)
               ?? dues.FirstOrDefault(d => d.First >= sentenceStart && d.End <= marker.Start);
    }

    private static bool[] Flags(int count, IEnumerable<(int Start, int End)> ranges)
    {
        var flags = new bool[count];
        foreach (var (start, end) in ranges)
            for (var i = start; i < end; i++) flags[i] = true;
        return flags;
    }
}
