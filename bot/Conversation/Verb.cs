using AccountCoachBot.Features.People;

namespace AccountCoachBot.Conversation;

/// <summary>What follows a command word.</summary>
public enum VerbArgs
{
    /// <summary>Nothing: `promises`, `settings`.</summary>
    None,

    /// <summary>A number first: `done 3`, `move 3 to Friday`.</summary>
    Number,

    /// <summary>Some text: `promise Acme: …`, `timezone Europe/Berlin`.</summary>
    Text,

    /// <summary>Alone or with text: `link`, `link 123456`.</summary>
    Optional,
}

/// <summary>
/// A command people type, with its spellings in both languages (the first of each is the one shown). Handlers
/// match it; the pipeline uses the same list to let a command win over a waiting question and to suggest one
/// for a typo, and help lists it by topic.
/// </summary>
public sealed record Verb(string Topic, VerbArgs Args, string[] En, string[] Ru)
{
    public IEnumerable<string> Words => En.Concat(Ru);

    /// <summary>The spelling shown to a person: the first in their language.</summary>
    public string Shown(Language language) => language == Language.Ru ? Ru[0] : En[0];

    public bool Matches(string text, out string rest) => Command.Matches(text, out rest, [.. Words]);

    public bool Is(string text) => Command.Is(text, [.. Words]);

    /// <summary>The length of the longest spelling that starts the text, or 0: how specifically this verb matches.</summary>
    public int MatchLength(string text) => Words.Where(w => Command.Matches(text, out _, w)).Select(w => w.Length).DefaultIfEmpty(0).Max();

    /// <summary>
    /// True when the text is this command with the argument it takes. While a free-text question waits (a reason,
    /// an answer), only a command that can't be a sentence counts: a bare word, or a word and a number.
    /// </summary>
    public bool IsComplete(string text, bool freeTextAwaited)
    {
        if (!Matches(text, out var rest)) return false;
        return Args switch
        {
            VerbArgs.None => Is(text),
            VerbArgs.Number => rest.TrimStart('#', '№', ' ').Length > 0 && char.IsAsciiDigit(rest.TrimStart('#', '№', ' ')[0]),
            VerbArgs.Text => rest.Length > 0 && !freeTextAwaited,
            _ => rest.Length == 0 || !freeTextAwaited,
        };
    }
}

/// <summary>A feature's commands: registered once, read by the pipeline, help and did-you-mean.</summary>
public interface IVerbSet
{
    IReadOnlyList<Verb> Verbs { get; }
}

/// <summary>Topics that help lists (the order is help's order).</summary>
public static class VerbTopics
{
    public const string Promises = "promises";
    public const string Meetings = "meetings";
    public const string Calls = "calls";
    public const string Settings = "settings";
    public const string Data = "data";
    public const string Coach = "coach";
}
