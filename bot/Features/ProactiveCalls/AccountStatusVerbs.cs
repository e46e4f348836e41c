using AccountCoachBot.Conversation;

namespace AccountCoachBot.Features.ProactiveCalls;

/// <summary>
/// Marking a client lost or won back. Said naturally with the name in the middle (`account Acme lost: chose a cheaper
/// vendor`, `клиент Ромашка ушёл: …`, `account Acme won back`, `клиент Ромашка вернулся`); these spellings, with the
/// name after them, are the ones help and did-you-mean know.
/// </summary>
public sealed class AccountStatusVerbs : IVerbSet
{
    public static readonly Verb Lost = new(VerbTopics.Calls, VerbArgs.Text, ["account lost", "lost account"], ["клиент ушёл", "клиент ушел", "ушёл клиент", "ушел клиент"]);
    public static readonly Verb WonBack = new(VerbTopics.Calls, VerbArgs.Text, ["account won back", "won back"], ["клиент вернулся", "вернулся клиент"]);

    public IReadOnlyList<Verb> Verbs => [Lost, WonBack];
}
