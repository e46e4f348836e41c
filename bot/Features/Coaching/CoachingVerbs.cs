using AccountCoachBot.Conversation;

namespace AccountCoachBot.Features.Coaching;

public sealed class CoachingVerbs : IVerbSet
{
    public static readonly Verb Why = new(VerbTopics.Coach, VerbArgs.Text, ["why"], ["почему"]);

    public static readonly Verb Ask = new(VerbTopics.Coach, VerbArgs.Text, ["ask"], ["вопрос", "спросить"]);

    public IReadOnlyList<Verb> Verbs => [Why, Ask];
}
