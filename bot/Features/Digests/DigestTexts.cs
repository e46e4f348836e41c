using AccountCoachBot.Conversation;

namespace AccountCoachBot.Features.Digests;

internal static class DigestTexts
{
    // Period errors
    public static readonly Text PeriodMalformed = new(
        "I didn't catch the period. Try `digest me`, `digest me last month` or `digest me 2026-11-01 2026-11-30`.",
        "Не понял период. Попробуйте: `сводка моя`, `сводка моя прошлый месяц` или `сводка моя 2026-11-01 2026-11-30`.");
    public static readonly Text PeriodNoSuchDate = new(
        "One of those dates doesn't exist. Dates go as YYYY-MM-DD, e.g. `digest me 2026-11-01 2026-11-30`.",
        "Такой даты нет. Даты пишутся как ГГГГ-ММ-ДД, например: `сводка моя 2026-11-01 2026-11-30`.");
    public static readonly Text PeriodBackwards = new(
        "That period ends before it starts: put the earlier date first.",
        "Период заканчивается раньше, чем начинается: сначала укажите более раннюю дату.");
    public static readonly Text PeriodTooLong = new(
        "That's longer than a year: pick at most 366 days.",
        "Это больше года: выберите не больше 366 дней.");
    public static readonly Text PeriodInFuture = new(
        "That period hasn't started yet: pick dates up to today.",
        "Этот период ещё не начался: выберите даты не позже сегодняшней.");

    // Card
    public static readonly Text MeTitle = new("Your figures, {0}", "Ваши показатели, {0}");
    public static readonly Text TeamTitle = new("Team {0}, {1}", "Команда {0}, {1}");
    public static readonly Text Made = new("Promises made", "Дано обещаний");
    public static readonly Text Due = new("Due", "Со сроком в периоде");
    public static readonly Text DueNone = new("none", "нет");
    public static readonly Text KeptOnTime = new("{0} on time", "в срок: {0}");
    public static readonly Text KeptLate = new("{0} late", "с опозданием: {0}");
    public static readonly Text MovedBefore = new("{0} moved in time", "перенесено заранее: {0}");
    public static readonly Text MovedAfter = new("{0} moved late", "перенесено после срока: {0}");
    public static readonly Text Cancelled = new("{0} cancelled", "отменено: {0}");
    public static readonly Text StillOpen = new("{0} overdue", "просрочено: {0}");
    public static readonly Text NotYetDue = new("{0} not yet due", "срок ещё не наступил: {0}");
    public static readonly Text OnTime = new("On time", "В срок");
    public static readonly Text Trend = new("{0} · trend {1}", "{0} · динамика {1}");
    public static readonly Text ToldInTime = new("Told in time", "Перенесено заранее");
    public static readonly Text OfMoves = new("{0} of {1} moves", "{0} из {1} переносов");
    public static readonly Text Calls = new("Calls due", "Звонки по графику");
    public static readonly Text CallsValue = new("{0} of {1} in time", "вовремя {0} из {1}");
    public static readonly Text Cold = new("Cold now", "Давно без контакта");
    public static readonly Text ColdItem = new("{0} {1} d", "{0} {1} дн.");
    public static readonly Text AndMore = new("+{0} more", "и ещё {0}");
    public static readonly Text Meetings = new("Meetings", "Встречи");
    public static readonly Text MeetingsValue = new("{0} held, {1} prepared, {2} debriefed", "проведено {0}, подготовлено {1}, с итогами {2}");
    public static readonly Text Regular = new("Regular clients", "Постоянные клиенты");
    public static readonly Text Churn = new("Churn", "Отток клиентов");
    public static readonly Text OfAccounts = new("{0} of {1}", "{0} из {1}");
    public static readonly Text Focus = new("Focus", "Фокус");
    public static readonly Text Risks = new("Biggest risks:", "Главные риски:");
    public static readonly Text Kudos = new("Kudos this period:", "Благодарности за период:");
    public static readonly Text NoRisks = new("No account at risk.", "Клиентов в зоне риска нет.");
    public static readonly Text RiskKey = new("key", "ключевой");
    public static readonly Text RiskSilent = new("{0} days without contact (every {1})", "без контакта {0} дн. (раз в {1} дн.)");
    public static readonly Text RiskOverdue = new("overdue promises: {0}", "просроченных обещаний: {0}");
    public static readonly Text MemberLine = new("{0} — on time {1}, told in time {2}, calls {3}", "{0} — в срок {1}, перенесено заранее {2}, звонки {3}");
    public static readonly Text Team = new("Team", "Команда");
    public static readonly Text DefinitionsHint = new("`digest definitions` explains each figure.", "`сводка определения` объясняет каждый показатель.");

    // Coaching focus, one per kind
    public static readonly Text FocusMovedAfter = new(
        "{0} of {1} moves came after the date: move before it, and say why.",
        "{0} из {1} переносов — уже после срока: переносите до срока и называйте причину.");
    public static readonly Text FocusOverdue = new(
        "Still open past their date: {0}. Close or move each today.",
        "Просрочено обещаний: {0}. Закройте или перенесите каждое сегодня.");
    public static readonly Text FocusCalls = new(
        "{0} of {1} calls came late: call before the client calls you.",
        "{0} из {1} звонков — с опозданием: звоните раньше, чем позвонит клиент.");
    public static readonly Text FocusMeetings = new(
        "{0} of {1} meetings without the checklist: prepare before each one.",
        "{0} из {1} встреч — без чек-листа: готовьтесь перед каждой.");
    public static readonly Text FocusKeptLate = new(
        "Kept late: {0}. When a date slips, move it before it passes.",
        "Выполнено с опозданием: {0}. Если срок не выдерживается, переносите его заранее.");
    public static readonly Text FocusNothing = new(
        "Nothing recorded this period: log promises, calls and meetings as they happen.",
        "За период ничего не записано: отмечайте обещания, звонки и встречи сразу.");
    public static readonly Text FocusAllOnTime = new(
        "All {1} due kept or moved in time: worth saying so.",
        "Со сроком в периоде — {1}, и все выполнены или перенесены вовремя: стоит это отметить.");
    public static readonly Text FocusKeepGoing = new(
        "Keep a weekly look at open promises and due calls.",
        "Продолжайте раз в неделю сверять открытые обещания и звонки.");

    public static Text FocusText(FocusKind kind) => kind switch
    {
        FocusKind.MovedAfterDue => FocusMovedAfter,
        FocusKind.Overdue => FocusOverdue,
        FocusKind.CallsLate => FocusCalls,
        FocusKind.MeetingsUnprepared => FocusMeetings,
        FocusKind.KeptLate => FocusKeptLate,
        FocusKind.NothingRecorded => FocusNothing,
        FocusKind.AllOnTime => FocusAllOnTime,
        _ => FocusKeepGoing,
    };
}
