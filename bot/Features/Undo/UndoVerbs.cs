using AccountCoachBot.Conversation;

namespace AccountCoachBot.Features.Undo;

public sealed class UndoVerbs : IVerbSet
{
    public static readonly Verb Undo = new(VerbTopics.Promises, VerbArgs.None, ["undo", "undo last", "undo that"],
        ["отменить последнее", "отмени последнее", "отмени", "верни как было", "вернуть как было"]);

    public IReadOnlyList<Verb> Verbs => [Undo];
}
