using AccountCoachBot.Conversation;
using AccountCoachBot.Features.People;

namespace AccountCoachBot.Features.Teams;

/// <summary>`help teams`: teams, leads, what a lead sees, and kudos.</summary>
internal static class TeamsHelp
{
    public static readonly HelpTexts.Topic Topic = new(TeamVerbs.Topic, new("teams", "команды"), ["team", "kudos", "команда", "спасибо"],
        new("Teams and kudos", "Команды и благодарности"),
        new(
            """
            • `teams` — your teams, their leads and members.
            • Admins: `team create Sales East lead @anna`, `team lead Sales East @boris`.
            • Leads: `team add @boris @vera` (or an email), `team remove @boris`; with several teams, name it: `team add Sales East @boris`.
            • A lead sees figures, account names, counts and dates — never the text of your promises or briefs.
            • `kudos @vera for rescuing the Globex renewal` — I pass it on at once.
            """,
            """
            • `команды` — ваши команды, их руководители и участники.
            • Администратор: `команда создать Продажи Восток руководитель @anna`, `команда руководитель Продажи Восток @boris`.
            • Руководитель: `команда добавить @boris @vera` (или email), `команда убрать @boris`; если команд несколько, назовите её: `команда добавить Продажи Восток @boris`.
            • Руководитель видит показатели, названия клиентов, количества и даты — но не текст ваших обещаний и брифов.
            • `спасибо @vera за спасённое продление Globex` — передам сразу.
            """),
        new("teams|kudos @vera for rescuing the Globex renewal", "команды|спасибо @vera за спасённое продление Globex"));
}
