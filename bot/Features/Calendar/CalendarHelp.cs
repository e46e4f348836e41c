using AccountCoachBot.Conversation;
using AccountCoachBot.Features.People;

namespace AccountCoachBot.Features.Calendar;

/// <summary>`help calendar`: connecting a calendar, how client meetings are recognised, and the one importance rule.</summary>
internal static class CalendarHelp
{
    public static readonly HelpTexts.Topic Topic = new("calendar", new("calendar", "календарь"), ["domain", "домен", "домены"],
        new("Calendar", "Календарь"),
        new(
            """
            • `calendar https://…/basic.ics` — your calendar's secret ICS address (Google: Settings → your calendar → Secret address in iCal format; Outlook: Publish a calendar). Kept encrypted, never shown whole.
            • `account Acme domain acme.com` — an invite with someone from acme.com is a meeting with Acme; so is one that names Acme in its subject.
            • Important (never go alone): a key account, more than 3 of the client's people, or an executive on the invite.
            • `meetings` — what I picked up; `not a client meeting 3` — take one off; `calendar off` — disconnect.
            Private events and the ones you declined are ignored; I look 14 days ahead, every 15 minutes.
            """,
            """
            • `календарь https://…/basic.ics` — секретный адрес календаря в формате ICS (Google: Настройки → ваш календарь → Секретный адрес в формате iCal; Outlook: Опубликовать календарь). Хранится зашифрованным и целиком не показывается.
            • `клиент Ромашка домен romashka.ru` — приглашение с кем-то из romashka.ru — встреча с Ромашкой; как и встреча, в теме которой названа Ромашка.
            • Важная (одному не ходить): ключевой клиент, больше трёх человек от клиента или руководитель в приглашении.
            • `встречи` — что я нашёл; `не встреча с клиентом 3` — убрать встречу; `календарь выкл` — отключить.
            Личные встречи и те, от которых вы отказались, не учитываются; смотрю на 14 дней вперёд, каждые 15 минут.
            """),
        new("calendar|meetings", "календарь|встречи"));
}
