using AccountCoachBot.Conversation;

namespace AccountCoachBot.Features.Promises;

public sealed class PromiseVerbs : IVerbSet
{
    public static readonly Verb Promise = new(VerbTopics.Promises, VerbArgs.Text, ["promise"], ["обещание", "обещаю"]);
    public static readonly Verb List = new(VerbTopics.Promises, VerbArgs.None, ["promises", "list", "open promises"], ["обещания", "мои обещания", "список"]);
    public static readonly Verb Done = new(VerbTopics.Promises, VerbArgs.Number, ["done"], ["готово", "сделано", "выполнено"]);
    public static readonly Verb Snooze = new(VerbTopics.Promises, VerbArgs.Number, ["snooze"], ["отложить"]);
    public static readonly Verb OnTrack = new(VerbTopics.Promises, VerbArgs.Number, ["on track", "ontrack"], ["успеваю"]);
    public static readonly Verb Cancel = new(VerbTopics.Promises, VerbArgs.Number, ["cancel"], ["отменить"]);
    public static readonly Verb Move = new(VerbTopics.Promises, VerbArgs.Number, ["move", "reschedule"], ["перенести"]);

    public IReadOnlyList<Verb> Verbs => [Promise, List, Done, Snooze, OnTrack, Cancel, Move];
}
