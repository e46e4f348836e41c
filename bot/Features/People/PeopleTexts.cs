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

}
