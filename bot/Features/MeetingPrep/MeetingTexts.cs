using AccountCoachBot.Conversation;

namespace AccountCoachBot.Features.MeetingPrep;

internal static class MeetingTexts
{
    // Telling the bot about a meeting
    public static readonly Text Usage = new(
        "Write it like this: `meeting Acme 2026-03-10 15:00 important` (add `for 2h` if it runs longer than an hour).",
        "Напишите так: `встреча Acme 10.03 15:00 важная` (добавьте `на 2 часа`, если она дольше часа).");
    public static readonly Text AskWhen = new(
        "When is the meeting with {0}? Give the day and time, e.g. `tomorrow 15:00` or `2026-03-10 15:00`.",
        "{0}: когда встреча? Укажите день и время, например `завтра 15:00` или `10.03 15:00`.");
    public static readonly Text AskWhenAgain = new(
        "I need the day and the time, e.g. `tomorrow 15:00` or `2026-03-10 15:00`.",
        "Нужны день и время, например `завтра 15:00` или `10.03 15:00`.");
    public static readonly Text WhenInPast = new("That time has already passed. When is the meeting?", "Это время уже прошло. Когда встреча?");
    public static readonly Text SavedTitle = new("Meeting saved: {0}, {1}", "Встреча сохранена: {0}, {1}");
    public static readonly Text PrepPlanned = new("I'll bring the checklist {0}.", "Пришлю чек-лист: {0}.");
    public static readonly Text PrepSoon = new("It's soon: prepare now.", "Встреча скоро: подготовьтесь сейчас.");
    public static readonly Text DebriefPlanned = new("Debrief: {0}.", "Итоги спрошу: {0}.");
    public static readonly Text And = new(" and ", " и ");
    public static readonly Text ImportantMark = new("important", "важная");
    public static readonly Text PreparedMark = new("prepared", "подготовлена");
    public static readonly Text TodayAt = new("Today {0}", "Сегодня в {0}");
    public static readonly Text TomorrowAt = new("Tomorrow {0}", "Завтра в {0}");
    public static readonly Text NoTimeSet = new("no time set", "время не задано");

    // Buttons
    public static readonly Text PrepareNow = new("Prepare now", "Подготовиться сейчас");
    public static readonly Text StartChecklist = new("Start checklist", "Начать чек-лист");
    public static readonly Text CancelMeeting = new("Cancel meeting", "Отменить встречу");
    public static readonly Text BriefButton = new("Brief", "Бриф");
    public static readonly Text Redo = new("Redo checklist", "Пройти заново");
    public static readonly Text Save = new("Save", "Сохранить");
    public static readonly Text DebriefButton = new("Debrief", "Подвести итоги");
    public static readonly Text Why = new("Why?", "Почему?");

    // Listing and cancelling
    public static readonly Text ListTitle = new("Upcoming meetings ({0})", "Предстоящие встречи ({0})");
    public static readonly Text ListEmpty = new(
        "No upcoming meetings. Tell me the next one: `meeting Acme 2026-03-10 15:00 important`.",
        "Предстоящих встреч нет. Расскажите о следующей: `встреча Acme 10.03 15:00 важная`.");
    public static readonly Text ListHint = new("`prep Acme`, `brief Acme`, `cancel meeting N`", "`подготовка Acme`, `бриф Acme`, `отменить встречу N`");
    public static readonly Text Cancelled = new("Cancelled: {0}, {1}. No more nudges about it.", "Отменена: {0}, {1}. Напоминаний о ней не будет.");
    public static readonly Text AlreadyCancelled = new("Meeting #{0} is already cancelled.", "Встреча №{0} уже отменена.");
    public static readonly Text NotFound = new("I can't find meeting #{0} among yours. `meetings` shows them.", "Не нахожу встречу №{0} среди ваших. `встречи` покажет их.");
    public static readonly Text NotFoundButton = new("I can't find that meeting among yours. `meetings` shows them.", "Не нахожу эту встречу среди ваших. `встречи` покажет их.");
    public static readonly Text NeedId = new("Which one? E.g. `cancel meeting 3`; `meetings` shows the numbers.", "Какую? Например, `отменить встречу 3`; `встречи` покажет номера.");

    // Prep nudge
    public static readonly Text HeadlineImportant = new("{0} — {1} (important).", "{0} — {1} (важная).");
    public static readonly Text BriefReady = new("Your brief is ready: reread it before you go in.", "Бриф готов: перечитайте его перед встречей.");
    public static readonly Text OpenWith = new("Open with {0}", "Открыто с {0}");
    public static readonly Text LastContact = new("Last contact", "Последний контакт");
    public static readonly Text TheirPeople = new("Their people", "Их люди");
    public static readonly Text NeverAlonePrinciple = new("Never go to an important meeting alone: the right people, not an army.", "На важную встречу — не в одиночку: нужные люди, а не армия.");
    public static readonly Text PreparePrinciple = new("Know what you came to ask for.", "Знайте, за чем вы идёте.");
    public static readonly Text OverdueMark = new("overdue", "просрочено");

    // The checklist
    public static readonly Text NeedAccount = new("Which client? E.g. `prep Acme`.", "Какой клиент? Например, `подготовка Acme`.");
    public static readonly Text FormTitle = new("Checklist: {0}, {1}", "Чек-лист: {0}, {1}");
    public static readonly Text FormHint = new("Answer what applies; blanks show up in the brief.", "Ответьте на то, что относится к делу; пропуски будут видны в брифе.");
    public static readonly Text RestsOn = new("Rests on: {0}. `why <id>` explains one.", "Основано на: {0}. `почему <id>` объяснит любой.");
    public static readonly Text StepIntro = new(
        "Checklist for {0}, {1} questions. `skip` skips one, `stop` pauses; `prep {0}` picks it up again.",
        "Чек-лист: {0}, вопросов: {1}. `пропустить` — пропустить вопрос, `стоп` — прервать; `подготовка {0}` продолжит.");
    public static readonly Text DebriefIntro = new(
        "Debrief of {0}, {1} questions. `skip` skips one, `stop` pauses; `debrief {0}` picks it up again.",
        "Итоги встречи: {0}, вопросов: {1}. `пропустить` — пропустить вопрос, `стоп` — прервать; `итоги {0}` продолжит.");
    public static readonly Text StepResume = new("Picking up where you left off: {0} of {1} answered.", "Продолжим: отвечено {0} из {1}.");
    public static readonly Text StepProgress = new("Question {0} of {1}", "Вопрос {0} из {1}");
    public static readonly Text Example = new("E.g. {0}", "Например: {0}");
    public static readonly Text ChecklistGone = new("That checklist is no longer open. `meetings` shows what's coming.", "Этот чек-лист уже закрыт. `встречи` покажет предстоящие встречи.");

    // The brief
    public static readonly Text BriefTitle = new("Brief: {0}, {1}", "Бриф: {0}, {1}");
    public static readonly Text BriefSaved = new("Saved. Reread it before you walk in: `brief {0}`.", "Сохранено. Перечитайте перед встречей: `бриф {0}`.");
    public static readonly Text NoBrief = new("No brief for {0} yet. `prep {0}` runs the checklist.", "{0}: брифа пока нет. `подготовка {0}` запустит чек-лист.");
    public static readonly Text BriefNeedAccount = new("Which client? E.g. `brief Acme`.", "Какой клиент? Например, `бриф Acme`.");
    public static readonly Text UnknownAccount = new("I don't know a client called {0}.", "Не знаю клиента «{0}».");
    public static readonly Text FlagAlone = new("Going alone to an important meeting. Who can decide with you?", "Вы идёте на важную встречу в одиночку. Кто из принимающих решения пойдёт с вами?");
    public static readonly Text FlagNoAsk = new("No ask defined: what will you ask {0} for?", "Не определено, о чём вы попросите клиента ({0}).");
    public static readonly Text FlagOverdue = new("Overdue promises to {0}: {1}. Say where each stands before they ask.", "Просрочено обещаний клиенту ({0}): {1}. Скажите, что с каждым, раньше, чем спросят.");
    public static readonly Text Skipped = new("(skipped)", "(пропущено)");

    // The debrief
    public static readonly Text DebriefHeadline = new("Debrief: {0}, {1}.", "Итоги встречи: {0}, {1}.");
    public static readonly Text DebriefAsk = new(
        "What did you promise, what went wrong, what did you learn about their people, and one thing to do better?",
        "Что вы обещали, что пошло не так, что узнали об их людях и что сделать лучше?");
    public static readonly Text DebriefPrinciple = new("Anyone who calls a meeting perfect is lying to themselves.", "Кто называет встречу идеальной, обманывает себя.");
    public static readonly Text DebriefFormTitle = new("Debrief: {0}, {1}", "Итоги встречи: {0}, {1}");
    public static readonly Text DebriefSavedTitle = new("Debrief saved: {0}", "Итоги сохранены: {0}");
    public static readonly Text FollowUpTitle = new("Follow-up for the client, ready to send:", "Письмо клиенту по итогам, можно отправить:");
    public static readonly Text Tracked = new("Now tracked, with reminders:", "Теперь отслеживаю, с напоминаниями:");
    public static readonly Text NoDate = new("No future date in: {0}. Add it: `promise {1}: {0} by <date>`.", "Нет срока в будущем: {0}. Добавьте: `обещание {1}: {0} до <дата>`.");
    public static readonly Text PeopleUpdated = new("Notes on their people updated: {0}.", "Заметки об их людях обновлены: {0}.");
    public static readonly Text AlreadyDebriefed = new("The debrief of this meeting is already saved.", "Итоги этой встречи уже сохранены.");
    public static readonly Text NoPastMeeting = new("I don't see a past meeting with {0} waiting for a debrief.", "{0}: не вижу прошедшей встречи, по которой нужны итоги.");
    public static readonly Text DebriefNeedAccount = new("Which client? E.g. `debrief Acme`.", "Какой клиент? Например, `итоги Acme`.");
}
