using AccountCoachBot.Conversation;

namespace AccountCoachBot.Features.Promises.Notes;

public sealed class NoteVerbs : IVerbSet
{
    public static readonly Verb Note = new(VerbTopics.Promises, VerbArgs.Number, ["note"], ["заметка"]);
    public static readonly Verb Gender = new(VerbTopics.Settings, VerbArgs.Text, ["gender"], ["пол"]);

    public IReadOnlyList<Verb> Verbs => [Note, Gender];
}
