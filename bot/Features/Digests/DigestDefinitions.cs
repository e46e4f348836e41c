using AccountCoachBot.Conversation;

namespace AccountCoachBot.Features.Digests;

/// <summary>Each figure in one line, so anyone can count it themselves from their own records (seed 004).</summary>
internal static class DigestDefinitions
{
    public static readonly Text Title = new("How the digest counts", "Как считается сводка");
    public static readonly Text Period = new(
        "Period: last week Mon–Sun in your time zone, or `last month`, or two dates (inclusive).",
        "Период: прошлая неделя пн–вс по вашему времени, `прошлый месяц` или две даты включительно.");
    public static readonly Text Made = new(
        "Promises made: promises you recorded in the period.",
        "Дано обещаний: обещания, записанные за период.");
    public static readonly Text Due = new(
        "Due: promises with a due time in the period (the first one or any they were moved to), each once, by the last such time.",
        "Со сроком в периоде: обещания, у которых срок (исходный или любой после переноса) попал в период; каждое один раз, по последнему такому сроку.");
    public static readonly Text Outcomes = new(
        "Of those: on time = done by that time; late = done after it; moved in time = moved before it; moved late = moved after it; cancelled; overdue = still open after it.",
        "Из них: в срок — выполнено к этому сроку; с опозданием — после; перенесено заранее — перенос до срока; после срока — перенос после; отменено; просрочено — открыто после срока.");
    public static readonly Text OnTimeRate = new(
        "On time: kept on time ÷ due, with the last 8 periods as a trend.",
        "В срок: выполнено в срок ÷ со сроком в периоде, с динамикой за 8 последних периодов.");
    public static readonly Text ToldInTime = new(
        "Told in time: moves made before the due time ÷ all moves.",
        "Перенесено заранее: переносы до срока ÷ все переносы.");
    public static readonly Text Calls = new(
        "Calls due: accounts whose cadence ran out in the period; in time: the next contact came before it ran out.",
        "Звонки по графику: клиенты, у которых в периоде истёк интервал контакта; вовремя — следующий контакт был до этого.");
    public static readonly Text Cold = new(
        "Cold now: accounts past their cadence today, with days since the last contact.",
        "Давно без контакта: клиенты, у которых интервал уже истёк, и сколько дней прошло с последнего контакта.");
    public static readonly Text Meetings = new(
        "Meetings: held in the period; prepared = checklist done before the start; debriefed = results recorded.",
        "Встречи: проведённые в периоде; подготовлено — чек-лист пройден до начала; с итогами — итоги записаны.");
    public static readonly Text Regular = new(
        "Regular clients (Kreg ÷ Ktotal): accounts with a contact in each of their last 3 cadence cycles ÷ accounts owned at the period's end.",
        "Постоянные клиенты (Kпост ÷ Kобщ): клиенты с контактом в каждом из 3 последних интервалов ÷ все клиенты на конец периода.");
    public static readonly Text Churn = new(
        "Churn (Klost ÷ Ktotal): accounts marked lost in the period ÷ accounts owned at its start.",
        "Отток (Kотс ÷ Kобщ): клиенты, отмеченные ушедшими за период ÷ клиенты на его начало.");
    public static readonly Text Risks = new(
        "Risks: days past cadence (×2 for a key account) + 7 per overdue promise; the top 3 are shown.",
        "Риски: дни сверх интервала (×2 для ключевого клиента) + 7 за каждое просроченное обещание; показаны 3 главных.");
    public static readonly Text Focus = new(
        "Focus: one thing to work on, from your own figures, with the principle behind it.",
        "Фокус: одна вещь, над которой стоит поработать, по вашим же показателям, с принципом за ней.");

    public static readonly IReadOnlyList<Text> All = [Period, Made, Due, Outcomes, OnTimeRate, ToldInTime, Calls, Cold, Meetings, Regular, Churn, Risks, Focus];
}
