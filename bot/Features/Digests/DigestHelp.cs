using AccountCoachBot.Features.People;

namespace AccountCoachBot.Features.Digests;

/// <summary>`help digest` / `помощь сводка`: your own figures, a lead's team digest, and what each figure means.</summary>
internal static class DigestHelp
{
    public const string TopicId = "digest";

    public static readonly HelpTexts.Topic Topic = new(TopicId, new("digest", "сводка"), ["digests", "figures", "сводки", "показатели"],
        new("Digests", "Сводки"),
        new(
            """
            • `digest me` — your own figures for last week; `digest me last month`, `digest me 2026-11-01 2026-11-30`.
            • Leads: `digest` — your team's last week (Monday to Sunday, in your time zone), each member's figures, the risks, kudos and a trend chart.
            • With several teams, name one: `digest Sales East last month`. Admins can read any team.
            • `digest definitions` — how each figure is counted.
            • Leads: the digest comes by itself every Monday at 09:00. `digest schedule` shows when and where; `digest time friday 16:00`; `digest off` / `digest on`; `digest channel here` typed in a Teams channel or group chat, or `/coach digest channel here` in a Slack channel, sends it there; `digest channel me` brings it back to your chat.
            • A lead sees figures, account names, counts and dates — never the text of your promises or briefs.
            """,
            """
            • `сводка моя` — ваши показатели за прошлую неделю; `сводка моя прошлый месяц`, `сводка моя 2026-11-01 2026-11-30`.
            • Руководителю: `сводка` — прошлая неделя команды (с понедельника по воскресенье, в вашем часовом поясе): показатели каждого, риски, благодарности и график динамики.
            • Если команд несколько, назовите нужную: `сводка Продажи Восток прошлый месяц`. Администратор может открыть любую команду.
            • `сводка определения` — как считается каждый показатель.
            • Руководителю: сводка приходит сама каждый понедельник в 09:00. `сводка расписание` — когда и куда; `сводка время пт 16:00`; `сводка выкл` / `сводка вкл`; `сводка канал здесь` в канале или групповом чате Teams или `/coach сводка канал здесь` в канале Slack — чтобы она приходила туда; `сводка канал мне` — снова в ваш личный чат.
            • Руководитель видит показатели, названия клиентов, количества и даты — но не текст ваших обещаний и брифов.
            """),
        new("digest me|digest|digest definitions", "сводка моя|сводка|сводка определения"));
}
