using AccountCoachBot.Conversation;

namespace AccountCoachBot.Features.Calendar;

internal static class CalendarTexts
{
    // Account domains
    public static readonly Text DomainUsage = new(
        "Write it like this: `account Acme domain acme.com` (several: `domains acme.com, acme.de`; `domain off` forgets them).",
        "Напишите так: `клиент Ромашка домен romashka.ru` (несколько: `домены romashka.ru, romashka.com`; `домен выкл` — забыть их).");
    public static readonly Text DomainUnknownAccount = new(
        "I don't know {0} among your accounts. Add it first: `account add {0}`.",
        "Не нахожу {0} среди ваших клиентов. Сначала добавьте: `добавить клиента {0}`.");
    public static readonly Text DomainInvalid = new(
        "\"{0}\" isn't an email domain. Write the part after @, like `acme.com`.",
        "«{0}» — не почтовый домен. Напишите часть адреса после @, например `romashka.ru`.");
    public static readonly Text DomainPublicMail = new(
        "{0} is a public mail service: anyone can have an address there, so it can't tell me the client. Give the client's own domain.",
        "{0} — общедоступная почта: адрес там может быть у кого угодно, клиента по нему не узнать. Укажите собственный домен клиента.");
    public static readonly Text DomainTaken = new(
        "{0} is already {1}'s domain. One domain, one client: `account {1} domain off` frees it.",
        "{0} уже указан у клиента {1}. Один домен — один клиент: `клиент {1} домен выкл` освободит его.");
    public static readonly Text DomainTooMany = new("An account can have up to {0} domains.", "У клиента может быть не больше {0} доменов.");
    public static readonly Text DomainsSet = new(
        "{0}: domains {1}. A calendar invite with someone from there is a meeting with {0}.",
        "{0}: домены {1}. Встреча в календаре с кем-то оттуда — встреча с этим клиентом.");
    public static readonly Text DomainsCleared = new("{0}: no domains now.", "{0}: домены удалены.");
    public static readonly Text DomainsDetail = new("domains {0}", "домены {0}");

    // Connecting a calendar
    public static readonly Text Usage = new(
        "Paste your calendar's secret ICS address: `calendar https://calendar.google.com/…/basic.ics` (Outlook: Settings → Calendar → Shared calendars → Publish). `calendar off` disconnects.",
        "Вставьте секретный адрес календаря в формате ICS: `календарь https://calendar.google.com/…/basic.ics` (Outlook: Параметры → Календарь → Общие календари → Опубликовать). `календарь выкл` — отключить.");
    public static readonly Text NotAnAddress = new(
        "That isn't a calendar address I can read. It starts with https:// and usually ends in .ics.",
        "Это не похоже на адрес календаря. Он начинается с https:// и обычно заканчивается на .ics.");
    public static readonly Text NeedsHttps = new(
        "The address must start with https://: it is a secret and must not travel unencrypted.",
        "Адрес должен начинаться с https://: он секретный, его нельзя передавать без шифрования.");
    public static readonly Text Connected = new(
        "Calendar connected ({0}). I'll read it within a minute, then every {1} minutes; `meetings` shows the client meetings I find. The address is stored encrypted and never shown whole.",
        "Календарь подключён ({0}). Прочитаю его в течение минуты, потом буду проверять каждые {1} мин.; `встречи` покажет найденные встречи с клиентами. Адрес хранится зашифрованным и целиком не показывается.");
    public static readonly Text Tip = new(
        "Tip: give your clients' email domains (`account Acme domain acme.com`) so I recognise their invites.",
        "Совет: укажите почтовые домены клиентов (`клиент Ромашка домен romashka.ru`), чтобы я узнавал их приглашения.");
    public static readonly Text Status = new("Calendar: {0}, last read {1}. `calendar off` disconnects.", "Календарь: {0}, прочитан {1}. `календарь выкл` — отключить.");
    public static readonly Text StatusNotYet = new("Calendar: {0}, I'll read it within a minute.", "Календарь: {0}, прочитаю в течение минуты.");
    public static readonly Text NotConnected = new(
        "No calendar is connected. Paste its ICS address: `calendar https://…/basic.ics`.",
        "Календарь не подключён. Вставьте его адрес ICS: `календарь https://…/basic.ics`.");
    public static readonly Text Off = new(
        "Calendar disconnected: I forgot its address and the upcoming meetings it brought ({0}). Meetings you typed in stay.",
        "Календарь отключён: я забыл его адрес и предстоящие встречи из него ({0}). Встречи, которые вы вводили сами, остались.");
    public static readonly Text OffNone = new("No calendar was connected.", "Календарь и не был подключён.");
    public static readonly Text GraphNotConfigured = new(
        "Reading Outlook directly isn't set up on this bot yet. Paste your calendar's ICS address instead: `calendar https://…/calendar.ics` (Outlook: Settings → Calendar → Shared calendars → Publish a calendar).",
        "Чтение Outlook напрямую в этом боте пока не настроено. Вставьте адрес календаря ICS: `календарь https://…/calendar.ics` (Outlook: Параметры → Календарь → Общие календари → Опубликовать календарь).");
    public static readonly Text GraphConnected = new(
        "Outlook calendar connected. I'll read it within a minute, then every {0} minutes; `meetings` shows the client meetings I find. `calendar off` disconnects.",
        "Календарь Outlook подключён. Прочитаю его в течение минуты, потом буду проверять каждые {0} мин.; `встречи` покажет найденные встречи с клиентами. `календарь выкл` — отключить.");
    public static readonly Text GraphNoUser = new(
        "Teams didn't tell me who you are in your organisation's directory, so I can't find your Outlook calendar. Paste its ICS address instead: `calendar https://…/calendar.ics`.",
        "Teams не сообщил, кто вы в каталоге организации, поэтому я не могу найти ваш календарь Outlook. Вставьте вместо этого адрес ICS: `календарь https://…/calendar.ics`.");

    // Problems with the feed, told once
    public static readonly Text ProblemNotFound = new(
        "I can't read your calendar ({0}): the address no longer works. If its secret address was reset, send me the new one: `calendar https://…`.",
        "Не могу прочитать календарь ({0}): адрес больше не работает. Если секретный адрес сбросили, пришлите новый: `календарь https://…`.");
    public static readonly Text ProblemDenied = new(
        "Your calendar ({0}) refuses me access. Send its secret address again: `calendar https://…`.",
        "Календарь ({0}) не даёт доступа. Пришлите его секретный адрес ещё раз: `календарь https://…`.");
    public static readonly Text ProblemNotCalendar = new(
        "The address ({0}) gives a web page, not a calendar. Copy the ICS address (it ends in .ics): `calendar https://…`.",
        "По адресу ({0}) открывается веб-страница, а не календарь. Скопируйте адрес ICS (он заканчивается на .ics): `календарь https://…`.");
    public static readonly Text ProblemTooBig = new(
        "Your calendar ({0}) is over {1} MB, more than I read. Publish just your own calendar, not all of them.",
        "Календарь ({0}) больше {1} МБ — столько я не читаю. Опубликуйте только свой календарь, а не все сразу.");
    public static readonly Text ProblemUnavailable = new(
        "I haven't been able to reach your calendar ({0}) for a while. I'll keep trying; nothing to do unless it lasts.",
        "Уже какое-то время не удаётся связаться с вашим календарём ({0}). Продолжу попытки; если так и останется, проверьте адрес.");
    public static readonly Text ProblemNoConsent = new(
        "I can't read your calendar ({0}): Microsoft Graph refuses me access. Your Microsoft 365 admin must grant this bot the Calendars.Read application permission and give admin consent (Entra admin center → App registrations → the bot → API permissions). Until then you can paste an ICS address: `calendar https://…/calendar.ics`.",
        "Не могу прочитать календарь ({0}): Microsoft Graph не даёт доступа. Администратор Microsoft 365 должен выдать боту разрешение приложения Calendars.Read и подтвердить его от имени организации (центр администрирования Entra → Регистрация приложений → бот → Разрешения API). А пока можно вставить адрес ICS: `календарь https://…/calendar.ics`.");
    public static readonly Text ProblemUserUnknown = new(
        "I can't find you in your organisation's directory ({0}), so I can't read your calendar. Try `calendar off`, then `calendar connect`, or paste an ICS address: `calendar https://…/calendar.ics`.",
        "Не нахожу вас в каталоге организации ({0}), поэтому не могу прочитать календарь. Попробуйте `календарь выкл`, затем `календарь подключить`, или вставьте адрес ICS: `календарь https://…/calendar.ics`.");

    // Meetings from the calendar
    public static readonly Text FromCalendarMark = new("from calendar", "из календаря");
    public static readonly Text WithAttendees = new("with {0}", "участники: {0}");
    public static readonly Text NotClientUsage = new(
        "Give the meeting's number from `meetings`: `not a client meeting 3`.",
        "Укажите номер встречи из списка `встречи`: `не встреча с клиентом 3`.");
    public static readonly Text NotClientUnknown = new("I have no meeting #{0}. `meetings` lists them.", "Встречи №{0} нет. Список — `встречи`.");
    public static readonly Text NotClientTyped = new(
        "#{0} is a meeting you typed in, not one from the calendar: `cancel meeting {0}` removes it.",
        "№{0} вы вводили сами, она не из календаря: `отменить встречу {0}` удалит её.");
    public static readonly Text NotClientDone = new(
        "Done: {1}, {2} is not a client meeting. No checklist for it, and it won't come back from the calendar.",
        "Хорошо: {1}, {2} — не встреча с клиентом. Чек-листа не будет, и из календаря она не вернётся.");
    public static readonly Text NotClientAlready = new("#{0} is already off the list.", "№{0} уже убрана из списка.");
}
