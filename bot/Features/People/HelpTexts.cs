using AccountCoachBot.Conversation;

namespace AccountCoachBot.Features.People;

/// <summary>Help: a short start, then one topic at a time, each with examples the person can press.</summary>
internal static class HelpTexts
{
    public static readonly Text Title = new("What I can do", "Что я умею");

    public static readonly Text Start = new(
        """
        • Tell me what you promised a client: `promise Acme: send the quote by Friday`, or just "I'll send Acme the quote by Friday".
        • `promises` — what's open; `done 1` when it's done.
        • `meeting Acme tomorrow 15:00` — a checklist before, a debrief after.
        • `account add Acme key` — I'll nudge you to call before Acme calls you.
        • `settings` — your time zone, hours and what I nudge you about.
        Ask me about a client situation: `ask the client demands 30% off or they walk`, or just type the question. More on a topic: `help promises`, `help meetings`, `help calls`, `help settings`, `help data`, `help teams`, `help digest`, `help calendar`, `help coach`.
        """,
        """
        • Расскажите, что вы пообещали клиенту: `обещание Acme: отправить КП до пятницы` или просто «Обещал Acme прислать КП до пятницы».
        • `обещания` — что открыто; `готово 1`, когда сделано.
        • `встреча Acme завтра 15:00` — чек-лист до встречи и итоги после.
        • `добавить клиента Acme ключевой` — напомню позвонить раньше, чем позвонит клиент.
        • `настройки` — часовой пояс, рабочие часы и о чём я напоминаю.
        Спросите меня о ситуации с клиентом: `вопрос клиент требует скидку 30%, иначе уходит` или просто напишите вопрос. Подробнее: `помощь обещания`, `помощь встречи`, `помощь звонки`, `помощь настройки`, `помощь данные`, `помощь команды`, `помощь сводка`, `помощь календарь`, `помощь коуч`.
        """);

    public static readonly Text UnknownTopic = new(
        "I have no help on \"{0}\". Topics: `help promises`, `help meetings`, `help calls`, `help settings`, `help data`, `help teams`, `help digest`, `help calendar`, `help coach`.",
        "Справки по теме «{0}» нет. Темы: `помощь обещания`, `помощь встречи`, `помощь звонки`, `помощь настройки`, `помощь данные`, `помощь команды`, `помощь сводка`, `помощь календарь`, `помощь коуч`.");

    /// <summary>A topic: its names in both languages, what it says, and examples to press.</summary>
    public sealed record Topic(string Id, Text Name, string[] Aliases, Text Title, Text Body, Text Examples)
    {
        public bool Is(string name) => new[] { Name.En, Name.Ru }.Concat(Aliases).Contains(name, StringComparer.OrdinalIgnoreCase);
    }

    public static readonly IReadOnlyList<Topic> Topics =
    [
        new(VerbTopics.Promises, new("promises", "обещания"), ["promise", "обещание"],
            new("Promises", "Обещания"),
            new(
                """
                • `promise Acme: send the quote by Friday`, or say it: "I'll send Acme the quote by Friday".
                • `promises` — what's open, by number.
                • `done 3`, `move 3 to Tuesday because …`, `cancel 3`, `snooze 3`, `on track 3` — or the buttons on a reminder.
                • Moving or cancelling gives you a note for the client, ready to send; `note 3` shows promise #3's note again.
                • `undo` — takes back your last change (done, cancel, move, snooze, a call logged) within 10 minutes.
                I remind you the working day before (or two hours before), at the due time, and list what's overdue once a working day.
                """,
                """
                • `обещание Acme: отправить КП до пятницы` или просто «Обещал Acme прислать КП до пятницы».
                • `обещания` — что открыто, с номерами.
                • `готово 3`, `перенести 3 на вторник, потому что …`, `отменить 3`, `отложить 3`, `успеваю 3` — или кнопки в напоминании.
                • При переносе или отмене я пишу заметку для клиента, которую можно отправить как есть; `заметка 3` покажет заметку к обещанию №3 ещё раз.
                • `отменить последнее` — вернёт последнее изменение (готово, отмена, перенос, откладывание, записанный звонок), если прошло не больше 10 минут.
                Напоминаю накануне (или за два часа), в срок и раз в рабочий день присылаю список просроченного.
                """),
            new("promises|promise Acme: send the quote by Friday", "обещания|обещание Acme: отправить КП до пятницы")),
        new(VerbTopics.Meetings, new("meetings", "встречи"), ["meeting", "встреча"],
            new("Meetings", "Встречи"),
            new(
                """
                • `meeting Acme tomorrow 15:00 important` — a checklist before, a debrief after that turns what you promised into reminders.
                • `meetings`, `prep Acme`, `brief Acme`, `debrief Acme`, `cancel meeting 2`.
                • `prep lead 2h`, `prep lead off`, `prep day-before off` — when the checklist comes.
                """,
                """
                • `встреча Acme завтра 15:00 важная` — чек-лист до встречи и итоги после; обещания из итогов станут напоминаниями.
                • `встречи`, `подготовка Acme`, `бриф Acme`, `итоги Acme`, `отменить встречу 2`.
                • `подготовка за 2ч`, `подготовка за выкл`, `подготовка накануне выкл` — когда присылать чек-лист.
                """),
            new("meetings|meeting Acme tomorrow 15:00", "встречи|встреча Acme завтра 15:00")),
        new(VerbTopics.Calls, new("calls", "звонки"), ["call", "accounts", "клиенты"],
            new("Calls", "Звонки"),
            new(
                """
                • `account add Acme key every 14 days` — a client and how often to be in touch; `accounts` — days since the last contact.
                • `called Acme: warned them about the delay` — log a call; `due calls` — who to call today and this week.
                • `account Acme channel #sales` — Acme's call nudges go to that Slack channel (`here` in a Teams channel).
                • `vacation 2026-08-03 2026-08-14`, `vacation off`; `mute calls`, `unmute calls`.
                """,
                """
                • `добавить клиента Acme ключевой раз в 14 дней` — клиент и как часто выходить на связь; `клиенты` — сколько дней без контакта.
                • `позвонил Acme: предупредил о задержке` — отметить звонок; `кому позвонить` — звонки на сегодня и на неделю.
                • `клиент Acme канал #sales` — напоминания по Acme в канал Slack (`сюда` в канале Teams).
                • `отпуск 2026-08-03 2026-08-14`, `отпуск выкл`; `выключить звонки`, `включить звонки`.
                """),
            new("accounts|due calls", "клиенты|кому позвонить")),
        new(VerbTopics.Settings, new("settings", "настройки"), ["setting"],
            new("Settings", "Настройки"),
            new(
                """
                • `settings` — everything at once.
                • `timezone Europe/Berlin`, `language ru`, `hours 09:00-18:00`, `workdays mon-fri`.
                • `gender f` or `gender m` — notes for clients in Russian then say «я обещала» or «я обещал»; until then they need no gender.
                • `pause`, `resume` — stop and restart every nudge.
                • `why always-do-what-you-say` — the principle behind a nudge.
                """,
                """
                • `настройки` — всё сразу.
                • `часовой пояс Europe/Moscow`, `язык en`, `часы 09:00-18:00`, `рабочие дни пн-пт`.
                • `пол ж` или `пол м` — в заметках для клиентов будет «я обещала» или «я обещал»; пока пол не указан, заметки написаны без него.
                • `пауза`, `продолжить` — остановить и возобновить все напоминания.
                • `почему always-do-what-you-say` — принцип за напоминанием.
                """),
            new("settings", "настройки")),
        new(VerbTopics.Data, new("data", "данные"), ["my data", "link", "мои данные"],
            new("Your data", "Ваши данные"),
            new(
                """
                • `link` — one account for Teams and Slack (a code to type in the other app).
                • `export` — everything I store about you.
                • `forget me` — delete it all.
                """,
                """
                • `связать` — одна учётная запись для Teams и Slack (код, который нужно ввести в другом мессенджере).
                • `экспорт` — всё, что я о вас храню.
                • `забудь меня` — удалить всё.
                """),
            new("export", "экспорт")),
        Teams.TeamsHelp.Topic,
        Digests.DigestHelp.Topic,
        Calendar.CalendarHelp.Topic,
        Coaching.Ask.AskHelp.Topic,
    ];
}
