using AccountCoachBot.Conversation;
using AccountCoachBot.Features.People;

namespace AccountCoachBot.Features.ProactiveCalls;

internal static class CallTexts
{
    // Counting words: one / few / many (English uses "one" and "many").
    public static readonly Text DayOne = new("{0} day", "{0} день");
    public static readonly Text DayFew = new("{0} days", "{0} дня");
    public static readonly Text DayMany = new("{0} days", "{0} дней");
    public static readonly Text PromiseOne = new("{0} promise", "{0} обещание");
    public static readonly Text PromiseFew = new("{0} promises", "{0} обещания");
    public static readonly Text PromiseMany = new("{0} promises", "{0} обещаний");
    public static readonly Text AccountOne = new("{0} account", "{0} клиент");
    public static readonly Text AccountFew = new("{0} accounts", "{0} клиента");
    public static readonly Text AccountMany = new("{0} accounts", "{0} клиентов");

    public static string Days(int n, Language l) => Count(n, l, DayOne, DayFew, DayMany);
    public static string Promises(int n, Language l) => Count(n, l, PromiseOne, PromiseFew, PromiseMany);
    public static string Accounts(int n, Language l) => Count(n, l, AccountOne, AccountFew, AccountMany);

    /// <summary>The cadence after "every" in a nudge: the bare number in English ("every 14"), with its word in Russian («раз в 14 дней»).</summary>
    public static string Every(int n, Language l) => l == Language.En ? n.ToString(System.Globalization.CultureInfo.InvariantCulture) : Days(n, l);

    /// <summary>Russian plural forms: 1, 21 день; 2–4, 22 дня; 5–20, 25 дней.</summary>
    public static string Count(int n, Language l, Text one, Text few, Text many)
    {
        var mod10 = Math.Abs(n) % 10;
        var mod100 = Math.Abs(n) % 100;
        Text form;
        if (l == Language.En) form = n == 1 ? one : many;
        else if (mod10 == 1 && mod100 != 11) form = one;
        else if (mod10 is >= 2 and <= 4 && mod100 is < 12 or > 14) form = few;
        else form = many;
        return form.Format(l, n);
    }

    // Tiers
    public static readonly Text KeyAccount = new("key account", "ключевой клиент");
    public static readonly Text StandardAccount = new("standard account", "обычный клиент");
    public static readonly Text KeyShort = new("key", "ключевой");

    // The nudge. {3} is the cadence as a number in English ("every 14") and with its word in Russian («раз в 14 дней»).
    public static readonly Text NotHeard = new(
        "{0} hasn't heard from you for {1} ({2}, every {3}).",
        "{0} не слышали вас {1} ({2}, раз в {3}).");
    public static readonly Text NoContactYet = new(
        "No contact with {0} logged for {1} ({2}, every {3}).",
        "С {0} нет отмеченных контактов уже {1} ({2}, раз в {3}).");
    public static readonly Text CallFirst = new(
        "Call before they call you: a success, an early warning, or an opportunity.",
        "Позвоните раньше, чем позвонят они: успех, ранний сигнал или новая возможность.");
    public static readonly Text OpenWith = new("Open with {0}: {1}.", "Открыто с {0}: {1}.");
    public static readonly Text PromisesDue = new("{0} due {1}", "{0}, срок {1}");
    public static readonly Text PromisesNextDue = new("{0}, next due {1}", "{0}, ближайший срок {1}");
    public static readonly Text PromisesOverdue = new("{0}, overdue since {1}", "{0}, просрочено с {1}");

    // Buttons
    public static readonly Text Called = new("Called", "Позвонил(а)");
    public static readonly Text SnoozeDays = new("Snooze {0}", "Через {0}");
    public static readonly Text Skip = new("Skip…", "Пропустить…");
    public static readonly Text Why = new("Why?", "Почему?");
    public static readonly Text AddNote = new("Add a note…", "Добавить заметку…");
    public static readonly Text CalledAccount = new("Called {0}", "Позвонил(а): {0}");
    public static readonly Text SkipReasonInput = new("Why skip this call? (one line, for yourself)", "Почему пропускаете звонок? (одна строка, для себя)");
    public static readonly Text NoteInput = new("Note about the call (optional)", "Заметка о звонке (необязательно)");

    // Outcomes
    public static readonly Text CallLogged = new(
        "Logged: call with {0}. Next one due by {1}.",
        "Отмечено: звонок {0}. Следующий — до {1}.");
    public static readonly Text CallLoggedAfter = new(
        "Logged: call with {0}, {1} after the last contact. Next one due by {2}.",
        "Отмечено: звонок {0}, через {1} после прошлого контакта. Следующий — до {2}.");
    public static readonly Text AlreadyLogged = new("A call with {0} is already logged today.", "Звонок {0} сегодня уже отмечен.");
    public static readonly Text NoteSaved = new("Note saved for the call with {0}.", "Заметка к звонку {0} сохранена.");
    public static readonly Text Snoozed = new("Snoozed: {0} comes back {1}.", "Отложено: вернусь к {0} {1}.");
    public static readonly Text Skipped = new("Skipped this time. Next check on {0}: {1}.", "Пропущено. Следующая проверка по {0}: {1}.");
    public static readonly Text NudgeClosed = new("That nudge is already closed. `accounts` shows where each client stands.", "Это напоминание уже закрыто. `клиенты` покажет, как дела по каждому клиенту.");
    public static readonly Text NotYours = new(
        "This nudge is for {0}: only they can log, snooze or skip it.",
        "Это напоминание для {0}: отметить, отложить или пропустить его может только этот человек.");
    public static readonly Text UnknownAccountButton = new("I can't find that account any more.", "Не нахожу этого клиента.");

    // Bundle and catch-up
    public static readonly Text BundleTitle = new("Also due a call today: {0}", "Также ждут звонка сегодня: {0}");
    public static readonly Text CatchUpTitle = new("Welcome back. While you were away, {0} came due a call:", "С возвращением! Пока вас не было, звонка стали ждать {0}:");
    public static readonly Text BundleLine = new("{0} — {1} since the last contact (every {2})", "{0} — {1} без контакта (раз в {2})");
    public static readonly Text BundleHint = new("Log each with `called <name>: …`; `due calls` shows the list again.", "Отмечайте каждый звонок: `позвонил <клиент>: …`; `кому позвонить` покажет список снова.");

    // Commands
    public static readonly Text AddUsage = new(
        "Write it like this: `account add Acme key every 14 days` (tier and cadence are optional).",
        "Напишите так: `добавить клиента Acme ключевой раз в 14 дней` (категория и частота необязательны).");
    public static readonly Text Added = new("Added {0} ({1}, every {2}). First call due by {3}.", "Добавлен клиент {0} ({1}, раз в {2}). Первый звонок — до {3}.");
    public static readonly Text Updated = new("{0}: {1}, every {2}. Next call due by {3}.", "{0}: {1}, раз в {2}. Следующий звонок — до {3}.");
    public static readonly Text DaysInvalid = new("Give the cadence in days, from 1 to 365: `every 21 days`.", "Укажите частоту в днях, от 1 до 365: `раз в 21 день`.");
    public static readonly Text UnknownAccount = new(
        "I don't know {0} among your accounts. Add it: `account add {0}`; `accounts` lists yours.",
        "Не нахожу {0} среди ваших клиентов. Добавьте: `добавить клиента {0}`; `клиенты` покажет список.");
    public static readonly Text AmbiguousAccount = new("Which one: {0}? Write the full name.", "Какой именно: {0}? Напишите название полностью.");
    public static readonly Text CalledUsage = new("Write it like this: `called Acme: warned them about the delay`.", "Напишите так: `позвонил Acme: предупредил о задержке`.");

    public static readonly Text ListTitle = new("Your accounts ({0})", "Ваши клиенты ({0})");
    public static readonly Text ListEmpty = new("No accounts yet. Add one: `account add Acme key`.", "Клиентов пока нет. Добавьте: `добавить клиента Acme ключевой`.");
    public static readonly Text EveryDays = new("every {0}", "раз в {0}");
    public static readonly Text KeyEveryDays = new("key, every {0}", "ключевой, раз в {0}");
    public static readonly Text LastContactAgo = new("last contact {0} ago", "последний контакт {0} назад");
    public static readonly Text LastContactToday = new("last contact today", "последний контакт сегодня");
    public static readonly Text NoContactLogged = new("no contact logged", "контактов не отмечено");
    public static readonly Text DueNow = new("call due now", "пора звонить");
    public static readonly Text NextDue = new("next call by {0}", "следующий звонок до {0}");
    public static readonly Text InChannel = new("nudges in {0}", "напоминания в {0}");
    public static readonly Text ListHint = new(
        "`called Acme: …` logs a call · `account add Acme key` changes the tier · `account Acme channel #sales` sends its nudges there.",
        "`позвонил Acme: …` — отметить звонок · `добавить клиента Acme ключевой` — сменить категорию · `клиент Acme канал #sales` — напоминания в канал.");

    public static readonly Text DueTitle = new("Calls due", "Кому позвонить");
    public static readonly Text DueToday = new("Today ({0}):", "Сегодня ({0}):");
    public static readonly Text DueThisWeek = new("This week ({0}):", "На этой неделе ({0}):");
    public static readonly Text DueNone = new("No calls due this week. `accounts` shows when each is next.", "На этой неделе звонков по графику нет. `клиенты` покажет, когда следующий.");
    public static readonly Text DueLine = new("{0} — {1} since the last contact", "{0} — {1} без контакта");
    public static readonly Text DueLineOn = new("{0} — by {1}", "{0} — до {1}");

    public static readonly Text ChannelSet = new("Call nudges for {0} will go to {1}, mentioning you. Make sure I'm in it: {2}.", "Напоминания о звонках по {0} будут приходить в {1} с упоминанием вас. Пригласите меня туда: {2}.");
    public static readonly Text ChannelReady = new("Call nudges for {0} will go to {1}, mentioning you.", "Напоминания о звонках по {0} будут приходить в {1} с упоминанием вас.");
    public static readonly Text ChannelNotInPlace = new(
        "I'm not in {0} yet, so I couldn't post call nudges there. Invite me ({1} in the channel) and try again. Nothing changed.",
        "Меня пока нет в {0}, поэтому писать туда напоминания о звонках я не смогу. Пригласите меня ({1} в канале) и повторите команду. Ничего не изменилось.");
    public static readonly Text ChannelNotFound = new(
        "I can't see {0}: check the channel, and if it's private, invite me first ({1} in the channel). Nothing changed.",
        "Я не вижу {0}: проверьте канал, а если он закрытый, сначала пригласите меня ({1} в канале). Ничего не изменилось.");
    public static readonly Text ChannelUnreachable = new(
        "I couldn't post in {0}. Invite me there with {1}; until then I'll nudge you here.",
        "Не получилось написать в {0}. Пригласите меня туда командой {1}; пока буду писать сюда.");
    public static readonly Text ChannelOff = new("Call nudges for {0} will come to you directly.", "Напоминания о звонках по {0} будут приходить вам лично.");
    public static readonly Text ChannelInvalid = new("Give a Slack channel like `#C0123ABCD` (or pick it with #), `here` in a Teams channel or group chat, or `off`.", "Укажите канал Slack, например `#C0123ABCD` (или выберите через #), `сюда` в канале или групповом чате Teams, либо `выкл`.");
    public static readonly Text ChannelHereSet = new("Call nudges for {0} will come to this conversation.", "Напоминания о звонках по {0} будут приходить в этот чат.");
    public static readonly Text ChannelHereNotShared = new("`here` works in a Teams channel or group chat with me; in this 1:1 chat nudges come anyway.", "`сюда` работает в канале или групповом чате Teams со мной; в этот личный чат напоминания и так приходят.");
    public static readonly Text ChannelNeedsSlack = new("I only know you from another chat app. Message me once in Slack (or `link` your chats), then set the channel.", "Я знаю вас только по другому мессенджеру. Напишите мне один раз в Slack (или используйте `связать`), потом укажите канал.");

    public static readonly Text VacationSet = new("Vacation {0} – {1}. Call nudges wait; when you're back you'll get one summary.", "Отпуск {0} – {1}. Напоминания о звонках подождут; после возвращения пришлю одну сводку.");
    public static readonly Text VacationOff = new("Welcome back: call nudges are on again, starting with one summary.", "С возвращением: напоминания о звонках снова включены, начну с одной сводки.");
    public static readonly Text VacationCancelled = new("Vacation cancelled.", "Отпуск отменён.");
    public static readonly Text AccountUsage = new(
        "Say what to change: `account Acme key`, `account Acme every 10 days`, `account Acme channel #sales`, `account Acme rename Acme Corp` or `account Acme merge into Acme Corp`.",
        "Напишите, что изменить: `клиент Acme ключевой`, `клиент Acme раз в 10 дней`, `клиент Acme канал #sales`, `клиент Ромашке переименовать в Ромашка` или `клиент Ромашке объединить с Ромашка`.");
    public static readonly Text VacationNone = new("No vacation is set. Set one: `vacation 2026-08-03 2026-08-14`.", "Отпуск не задан. Задайте так: `отпуск 2026-08-03 2026-08-14`.");
    public static readonly Text VacationUsage = new("Give the first and last day: `vacation 2026-08-03 2026-08-14` (or `vacation 3 Aug - 14 Aug`), or `vacation off`.", "Укажите первый и последний день: `отпуск 2026-08-03 2026-08-14` (или `отпуск с 3 августа по 14 августа`), либо `отпуск выкл`.");
    public static readonly Text VacationInPast = new("That vacation is already over. Give dates from today on.", "Этот отпуск уже прошёл. Укажите даты с сегодняшнего дня.");

    public static readonly Text Muted = new("Call nudges off. `unmute calls` turns them back on.", "Напоминания о звонках выключены. `включить звонки` вернёт их.");
    public static readonly Text Unmuted = new("Call nudges on again.", "Напоминания о звонках снова включены.");
}
