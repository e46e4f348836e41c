using AccountCoachBot.Conversation;

namespace AccountCoachBot.Features.ProactiveCalls;

public sealed class CallVerbs : IVerbSet
{
    public static readonly Verb AddAccount = new(VerbTopics.Calls, VerbArgs.Text, ["account add", "add account", "new account"], ["добавить клиента", "клиент добавить", "новый клиент"]);
    public static readonly Verb Accounts = new(VerbTopics.Calls, VerbArgs.None, ["accounts", "my accounts"], ["клиенты", "мои клиенты"]);
    public static readonly Verb Account = new(VerbTopics.Calls, VerbArgs.Text, ["account"], ["клиент"]);
    public static readonly Verb Called = new(VerbTopics.Calls, VerbArgs.Text, ["called"], ["позвонил", "позвонил(а)", "позвонила", "звонил", "звонила"]);
    public static readonly Verb DueCalls = new(VerbTopics.Calls, VerbArgs.None, ["due calls", "calls due", "calls"], ["кому позвонить", "звонки"]);
    public static readonly Verb Vacation = new(VerbTopics.Calls, VerbArgs.Optional, ["vacation"], ["отпуск"]);
    public static readonly Verb Mute = new(VerbTopics.Calls, VerbArgs.None, ["mute calls", "calls off"], ["выключить звонки", "без звонков"]);
    public static readonly Verb Unmute = new(VerbTopics.Calls, VerbArgs.None, ["unmute calls", "calls on"], ["включить звонки"]);

    public IReadOnlyList<Verb> Verbs => [AddAccount, Accounts, Account, Called, DueCalls, Vacation, Mute, Unmute];
}
