using AccountCoachBot.Conversation;

namespace AccountCoachBot.Features.Digests;

internal static class TeamDigestTexts
{
    public static readonly Text LeadsNothing = new(
        "You don't lead a team, so there's no team digest for you. Your own figures: `digest me`.",
        "Вы не руководите командой, поэтому сводки по команде для вас нет. Ваши показатели: `сводка моя`.");
    public static readonly Text AdminNamesTeam = new(
        "You don't lead a team yourself; as an admin you can read any: {0}, e.g. `digest {1}`.",
        "Вы сами не руководите командой; как администратор вы можете открыть любую: {0}, например: `сводка {1}`.");
    public static readonly Text NoTeamsYet = new(
        "There are no teams yet: `team create Sales East lead @anna`.",
        "Команд пока нет: `команда создать Продажи Восток руководитель @anna`.");
    public static readonly Text WhichTeam = new(
        "You lead {0} teams: {1}. Name one, e.g. `digest {2}`.",
        "Вы руководите несколькими командами ({0}): {1}. Назовите одну, например: `сводка {2}`.");
    public static readonly Text UnknownTeam = new(
        "I don't know a team called {0}. `teams` lists yours.",
        "Команды «{0}» я не знаю. Ваши команды: `команды`.");
    public static readonly Text NotYourTeam = new(
        "You don't lead {0}, so its digest isn't yours to read. Your own figures: `digest me`.",
        "Вы не руководите командой «{0}», поэтому её сводка вам недоступна. Ваши показатели: `сводка моя`.");
    public static readonly Text NotYourButton = new(
        "That digest is for the lead of its team, and you don't lead it. Your own figures: `digest me`.",
        "Эта сводка — для руководителя команды, а вы ею не руководите. Ваши показатели: `сводка моя`.");
    public static readonly Text StaleButton = new(
        "That button is out of date: type `digest` for a fresh one.",
        "Эта кнопка устарела: напишите `сводка`, чтобы получить свежую.");
    public static readonly Text NoMembers = new(
        "{0} has no members yet, so there's nothing to count. Add them: `team add @name`.",
        "В команде «{0}» пока никого нет, считать нечего. Добавьте участников: `команда добавить @имя`.");
    public static readonly Text Empty = new(
        "{0}, {1}: nothing recorded — no promises made or due, no calls due, no meetings, no kudos.",
        "«{0}», {1}: ничего не записано — ни обещаний, ни звонков по графику, ни встреч, ни благодарностей.");
    public static readonly Text PeriodMalformed = new(
        "I didn't catch the period. Try `digest`, `digest last month` or `digest Sales East 2026-11-01 2026-11-30`.",
        "Не понял период. Попробуйте: `сводка`, `сводка прошлый месяц` или `сводка Продажи Восток 2026-11-01 2026-11-30`.");
    public static readonly Text PeriodNoSuchDate = new(
        "One of those dates doesn't exist. Dates go as YYYY-MM-DD, e.g. `digest 2026-11-01 2026-11-30`.",
        "Такой даты нет. Даты пишутся как ГГГГ-ММ-ДД, например: `сводка 2026-11-01 2026-11-30`.");
    public static readonly Text PreviousWeek = new("Previous week", "Неделя раньше");
    public static readonly Text PreviousMonth = new("Previous month", "Месяц раньше");
    public static readonly Text PreviousPeriod = new("Period before", "Период раньше");
    public static readonly Text LastMonth = new("Last month", "Прошлый месяц");
}
