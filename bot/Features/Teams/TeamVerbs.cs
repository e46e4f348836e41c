using AccountCoachBot.Conversation;

namespace AccountCoachBot.Features.Teams;

public sealed class TeamVerbs : IVerbSet
{
    /// <summary>Help's topic for teams, leads and kudos.</summary>
    public const string Topic = "teams";

    public static readonly Verb Create = new(Topic, VerbArgs.Text, ["team create", "create team"], ["команда создать", "создать команду"]);
    public static readonly Verb Lead = new(Topic, VerbArgs.Text, ["team lead"], ["команда руководитель", "руководитель команды"]);
    public static readonly Verb Add = new(Topic, VerbArgs.Text, ["team add", "add to team"], ["команда добавить", "добавить в команду"]);
    public static readonly Verb Remove = new(Topic, VerbArgs.Text, ["team remove", "remove from team"], ["команда убрать", "убрать из команды"]);
    public static readonly Verb Show = new(Topic, VerbArgs.Optional, ["teams", "team", "my team", "my teams"], ["команды", "команда", "моя команда", "мои команды"]);
    public static readonly Verb Kudos = new(Topic, VerbArgs.Text, ["kudos", "thanks to"], ["благодарность", "спасибо", "похвала"]);

    public IReadOnlyList<Verb> Verbs => [Create, Lead, Add, Remove, Show, Kudos];
}
