using AccountCoachBot.Conversation;

namespace AccountCoachBot.Features.People;

internal static class PeopleTexts
{
    public static readonly Text ZoneFromCommand = new("Your time zone: {0}.", "Ваш часовой пояс: {0}.");
    public static readonly Text ZoneFromChat = new("Your time zone: {0} (from your chat app). Change it: `timezone Europe/Berlin`.", "Ваш часовой пояс: {0} (из мессенджера). Изменить: `часовой пояс Europe/Moscow`.");
    public static readonly Text ZoneDefault = new("I assumed UTC as your time zone. Set yours: `timezone Europe/Berlin`.", "Я принял ваш часовой пояс за UTC. Укажите свой: `часовой пояс Europe/Moscow`.");

    public static string ZoneAssumed(Person person) => person.TimeZoneSource switch
    {
        TimeZoneSource.Command => ZoneFromCommand.Format(person.Language, person.TimeZoneId),
        TimeZoneSource.Activity => ZoneFromChat.Format(person.Language, person.TimeZoneId),
        _ => ZoneDefault[person.Language],
    };

    public static readonly Text ZoneSet = new("Time zone set: {0}. It's {1} there now.", "Часовой пояс: {0}. Сейчас там {1}.");
    public static readonly Text ZoneUnknown = new("I don't know the time zone \"{0}\". Use an IANA name, e.g. `timezone Europe/Berlin` or `timezone America/New_York`.", "Не знаю часового пояса «{0}». Укажите имя IANA, например `часовой пояс Europe/Moscow`.");
    public static readonly Text LanguageSet = new("I'll speak English.", "Буду говорить по-русски.");
    public static readonly Text LanguageUnknown = new("I speak English and Russian: `language en` or `language ru`.", "Я говорю по-английски и по-русски: `язык ru` или `язык en`.");
    public static readonly Text HoursSet = new("Working hours: {0}–{1}. I won't nudge you outside them.", "Рабочие часы: {0}–{1}. Вне их я не напоминаю.");
    public static readonly Text HoursInvalid = new("Give hours like `hours 08:30-17:30` (start before end).", "Укажите часы так: `часы 08:30-17:30` (начало раньше конца).");
    public static readonly Text DaysSet = new("Working days: {0}.", "Рабочие дни: {0}.");
    public static readonly Text DaysInvalid = new("Give days like `workdays mon-fri` or `workdays mon,tue,thu`.", "Укажите дни так: `рабочие дни пн-пт` или `рабочие дни пн,вт,чт`.");
    public static readonly Text Paused = new("Paused: no nudges until you say `resume`.", "Пауза: не напоминаю, пока не напишете `продолжить`.");
    public static readonly Text Resumed = new("Resumed: reminders are back on.", "Продолжаю: напоминания снова включены.");
    public static readonly Text SettingsTitle = new("Your settings", "Ваши настройки");
    public static readonly Text SettingsZone = new("Time zone", "Часовой пояс");
    public static readonly Text SettingsLanguage = new("Language", "Язык");
    public static readonly Text SettingsHours = new("Working hours", "Рабочие часы");
    public static readonly Text SettingsDays = new("Working days", "Рабочие дни");
    public static readonly Text SettingsNudges = new("Nudges", "Напоминания");
    public static readonly Text NudgesOn = new("on", "включены");
    public static readonly Text NudgesPaused = new("paused", "на паузе");
    public static readonly Text LanguageName = new("English", "русский");
    public static readonly Text SettingsHint = new("Change: `timezone …`, `language en|ru`, `hours 09:00-18:00`, `workdays mon-fri`, `pause`, `resume`.", "Изменить: `часовой пояс …`, `язык ru|en`, `часы 09:00-18:00`, `рабочие дни пн-пт`, `пауза`, `продолжить`.");

    public static readonly Text HelpTitle = new("What I can do", "Что я умею");
    public static readonly Text Help = new(
        """
        • `promise Acme: send the quote by Friday` — I'll remember it and remind you.
        • Or just say it: "I'll send Acme the quote by Friday".
        • `promises` — what's open; `done 3`, `move 3 to Tuesday because …`, `cancel 3`, `snooze 3`.
        • `meeting Acme tomorrow 15:00 important` — I'll send a prep checklist before and ask for a debrief after; `meetings`, `prep Acme`, `brief Acme`, `debrief Acme`, `prep lead 2h`.
        • `settings`, `timezone Europe/Berlin`, `language ru`, `hours 09:00-18:00`, `workdays mon-fri`, `pause`, `resume`.
        • `account add Acme key every 14 days` — a client and how often to call; `accounts` — days since the last contact, next due.
        • `called Acme: warned them about the delay` — log a call; `due calls` — who to call today and this week.
        • `account Acme channel #sales` — Acme's call nudges go to that Slack channel (`here` in a Teams channel); `vacation 2026-08-03 2026-08-14`, `vacation off`; `mute calls`, `unmute calls`.
        • `why always-do-what-you-say` — the principle behind a nudge.
        • `link` — one account for Teams and Slack; `export` — everything I store about you; `forget me` — delete it.
        """,
        """
        • `обещание Acme: отправить КП до пятницы` — запомню и напомню.
        • Или просто скажите: «Обещал Acme прислать КП до пятницы».
        • `обещания` — что открыто; `готово 3`, `перенести 3 на вторник, потому что …`, `отменить 3`, `отложить 3`.
        • `встреча Acme завтра 15:00 важная` — пришлю чек-лист для подготовки и спрошу итоги; `встречи`, `подготовка Acme`, `бриф Acme`, `итоги Acme`, `подготовка за 2ч`.
        • `настройки`, `часовой пояс Europe/Moscow`, `язык en`, `часы 09:00-18:00`, `рабочие дни пн-пт`, `пауза`, `продолжить`.
        • `добавить клиента Acme ключевой раз в 14 дней` — клиент и как часто звонить; `клиенты` — сколько дней без контакта, когда следующий звонок.
        • `позвонил Acme: предупредил о задержке` — отметить звонок; `кому позвонить` — звонки на сегодня и на неделю.
        • `клиент Acme канал #sales` — напоминания по Acme в канал Slack (`сюда` в канале Teams); `отпуск 2026-08-03 2026-08-14`, `отпуск выкл`; `выключить звонки`, `включить звонки`.
        • `почему always-do-what-you-say` — принцип за напоминанием.
        • `связать` — одна учётная запись для Teams и Slack; `экспорт` — всё, что я о вас храню; `забудь меня` — удалить это.
        """);
}
