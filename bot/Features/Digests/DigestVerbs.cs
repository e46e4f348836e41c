using AccountCoachBot.Conversation;

namespace AccountCoachBot.Features.Digests;

/// <summary>
/// A member's own digest and the definitions, and the lead's `digest` / `digest &lt;team&gt;`. The longer words are
/// matched first, so `digest me` is never read as a team called "me" (nor will `digest off` and the other settings).
/// </summary>
public sealed class DigestVerbs : IVerbSet
{
    public static readonly Verb Me = new(VerbTopics.Coach, VerbArgs.Optional, ["digest me", "my digest"], ["сводка моя", "моя сводка"]);
    public static readonly Verb Definitions = new(VerbTopics.Coach, VerbArgs.None,
        ["digest definitions", "digest definition", "digest help"], ["сводка определения", "определения сводки", "сводка помощь"]);

    public static readonly Verb Team = new(VerbTopics.Coach, VerbArgs.Optional, ["digest", "team digest"], ["сводка", "сводка команды"]);

    public IReadOnlyList<Verb> Verbs => [Me, Definitions, Team];
}
