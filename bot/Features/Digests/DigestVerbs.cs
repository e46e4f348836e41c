using AccountCoachBot.Conversation;

namespace AccountCoachBot.Features.Digests;

/// <summary>
/// A member's own digest and the definitions. The lead's `digest` / `digest &lt;team&gt;` come with teams; these are
/// matched first, so `digest me` is never read as a team called "me".
/// </summary>
public sealed class DigestVerbs : IVerbSet
{
    public static readonly Verb Me = new(VerbTopics.Coach, VerbArgs.Optional, ["digest me", "my digest"], ["сводка моя", "моя сводка"]);
    public static readonly Verb Definitions = new(VerbTopics.Coach, VerbArgs.None,
        ["digest definitions", "digest definition", "digest help"], ["сводка определения", "определения сводки", "сводка помощь"]);

    public IReadOnlyList<Verb> Verbs => [Me, Definitions];
}
