using AccountCoachBot.Features.People;
using static AccountCoachBot.Features.Promises.Parsing.LanguageRules;

namespace AccountCoachBot.Features.Promises.Parsing;

/// <summary>
/// Russian word tables. Words are normalized (lower case, «ё» written as «е»). Russian inflects, so the tables
/// list the case forms that follow prepositions: «в пятницу», «до пятницы», «к пятнице», «15 декабря».
/// </summary>
internal static class RussianRules
{
    public static LanguageRules Instance { get; } = new()
    {
        Language = Language.Ru,

        Weekdays = new(new[]
        {
            Forms(DayOfWeek.Monday, "понедельник|понедельника|понедельнику|понедельнике|пн"),
            Forms(DayOfWeek.Tuesday, "вторник|вторника|вторнику|вторнике|вт"),
            Forms(DayOfWeek.Wednesday, "среда|среду|среды|среде|ср"),
            Forms(DayOfWeek.Thursday, "четверг|четверга|четвергу|четверге|чт"),
            Forms(DayOfWeek.Friday, "пятница|пятницу|пятницы|пятнице|пт"),
            Forms(DayOfWeek.Saturday, "суббота|субботу|субботы|субботе|сб"),
            Forms(DayOfWeek.Sunday, "воскресенье|воскресенья|воскресенью|вс"),
        }.SelectMany(x => x)),

        // Nominative, genitive («15 декабря») and prepositional («в декабре») forms, and short forms.
        Months = new(new[]
        {
            Forms(1, "январь|января|январе|янв"), Forms(2, "февраль|февраля|феврале|фев|февр"),
            Forms(3, "март|марта|марте|мар"), Forms(4, "апрель|апреля|апреле|апр"), Forms(5, "май|мая|мае"),
            Forms(6, "июнь|июня|июне|июн"), Forms(7, "июль|июля|июле|июл"), Forms(8, "август|августа|августе|авг"),
            Forms(9, "сентябрь|сентября|сентябре|сен|сент"), Forms(10, "октябрь|октября|октябре|окт"),
            Forms(11, "ноябрь|ноября|ноябре|ноя|нояб"), Forms(12, "декабрь|декабря|декабре|дек"),
        }.SelectMany(x => x)),

        Numbers = new(new[]
        {
            Forms(1, "один|одну|одна|одно|одного|одной"), Forms(2, "два|две|двух|пару|пара|пары"), Forms(3, "три|трех"),
            Forms(4, "четыре|четырех"), Forms(5, "пять|пяти"), Forms(6, "шесть|шести"), Forms(7, "семь|семи"),
            Forms(8, "восемь|восьми"), Forms(9, "девять|девяти"), Forms(10, "десять|десяти"), Forms(15, "пятнадцать|пятнадцати"),
            Forms(20, "двадцать|двадцати"), Forms(30, "тридцать|тридцати"), Forms(40, "сорок|сорока"),
        }.SelectMany(x => x)),

        Units = new(new[]
        {
            Forms(DueUnit.Minute, "минуту|минуты|минут|мин"),
            Forms(DueUnit.Hour, "час|часа|часов|ч"),
            Forms(DueUnit.Day, "день|дня|дней|сутки|суток"),
            Forms(DueUnit.WorkDay, "рабочий день|рабочих дня|рабочих дней|рабочих"),
            Forms(DueUnit.Week, "неделю|недели|недель|неделя"),
            Forms(DueUnit.Month, "месяц|месяца|месяцев"),
        }.SelectMany(x => x)),

        OrdinalSuffixes = ["-го", "-ого", "-е", "-ое", "-му", "-ому", "го", "-м"],
        AmWords = Set("утра|ночи"),
        PmWords = Set("дня|вечера"),
        HourWords = Set("час|часа|часов|ч"),
        LeadIns = Phrases("до|к|ко|в|во|на|не позднее|не позже"),
        ClockFollowers = Set("и|или|потом|затем|ровно|точно"),

        DueRules =
        [
            new("сегодня", DueKind.RelativeDay, 0),
            new("завтра", DueKind.RelativeDay, 1),
            new("завтрашнего|завтрашнему дня|дню", DueKind.RelativeDay, 1),
            new("послезавтра", DueKind.RelativeDay, 2),

            new("этот|эту|это|этой? {wd}", DueKind.Weekday),
            new("следующий|следующую|следующее|следующей|следующая|будущий|будущую|будущей {wd}", DueKind.NextWeekday),
            new("{wd} на следующей|будущей неделе", DueKind.NextWeekday),
            new("следующей|будущей неделе в|во {wd}", DueKind.NextWeekday),

            // Same length as «в течение {unit}» below; listed first so it wins the tie: "during the day", not "in a day".
            new("в течение дня", DueKind.EndOfDay),
            new("через {n} {unit}", DueKind.Offset),
            new("через {unit}", DueKind.Offset, 1),
            new("через полчаса", DueKind.Offset, 30, DueUnit.Minute),
            new("через полтора часа", DueKind.Offset, 90, DueUnit.Minute),
            new("в течение {n} {unit}", DueKind.Offset),
            new("в течение {unit}", DueKind.Offset, 1),
            new("в ближайшие {n} {unit}", DueKind.Offset),

            new("{ord} числа|числу", DueKind.DayOfMonth),
            new("{ord}", DueKind.DayOfMonth, Weak: true),
            new("{dom} числа|числу", DueKind.DayOfMonth),
            new("{dom} {month}", DueKind.Date),
            // «в понедельник, 9 марта»: the date decides, the weekday only confirms it.
            new("{wd} ,? {dom} {month}", DueKind.Date),
            new("{wd} ,? {dom} {month} {year} года|г?", DueKind.Date),
            new("{dom} {month} {year} года|г?", DueKind.Date),
            new("{numdate} года|г?", DueKind.Date),

            new("конца|концу|конце рабочего? дня", DueKind.EndOfDay),
            new("вечером|вечеру|вечера", DueKind.EndOfDay),
            new("eod", DueKind.EndOfDay),

            new("конца|концу|конце этой? недели", DueKind.EndOfWeek, 0),
            new("этой неделе", DueKind.EndOfWeek, 0),
            new("конца|концу|конце следующей|будущей недели", DueKind.EndOfWeek, 1),
            new("следующей|будущей неделе", DueKind.NextWeek),
            new("следующую|будущую неделю", DueKind.NextWeek),
            new("начале следующей|будущей недели", DueKind.NextWeek),

            new("конца|концу|конце этого? месяца", DueKind.EndOfMonth, 0),
            new("этом месяце", DueKind.EndOfMonth, 0),
            new("конца|концу|конце следующего|будущего месяца", DueKind.EndOfMonth, 1),

            new("утром|утру|утра", DueKind.TimeOfDay, 9 * 60),
            new("с утра", DueKind.TimeOfDay, 9 * 60),
            new("обеда|обеду|полдень|полудня", DueKind.TimeOfDay, 12 * 60),
            new("первой половине дня", DueKind.TimeOfDay, 12 * 60),
            new("в обед", DueKind.TimeOfDay, 13 * 60),
            new("днем|днём", DueKind.TimeOfDay, 14 * 60),
            new("после обеда", DueKind.TimeOfDay, 14 * 60),
            new("во второй половине дня", DueKind.TimeOfDay, 14 * 60),

            new("{clock}", DueKind.Clock),
            new("в|во|к|ко|до|около {hour}", DueKind.Clock),
        ],

        Markers = new(new (string, IntentMarker)[]
        {
            M("обещаю"), M("я обещаю"), M("я обещал"), M("я обещала"), M("я пообещал"), M("я пообещала"),
            M("мы обещали"), M("мы пообещали"), M("мы обещаем"),
            // Russian drops the pronoun: «обещал Globex перезвонить» is mine, «Клиент обещал» is not.
            M("обещал", MarkerTraits.SubjectCheck), M("обещала", MarkerTraits.SubjectCheck),
            M("пообещал", MarkerTraits.SubjectCheck), M("пообещала", MarkerTraits.SubjectCheck),
            M("я должен", MarkerTraits.NeedsDue), M("я должна", MarkerTraits.NeedsDue), M("мы должны", MarkerTraits.NeedsDue),
            M("должен", MarkerTraits.SubjectCheck | MarkerTraits.NeedsDue), M("должна", MarkerTraits.SubjectCheck | MarkerTraits.NeedsDue),
            M("надо", MarkerTraits.SubjectCheck | MarkerTraits.NeedsDue), M("нужно", MarkerTraits.SubjectCheck | MarkerTraits.NeedsDue),
            M("не забыть", MarkerTraits.NeedsDue), M("заметка", MarkerTraits.NeedsDue), M("напоминание", MarkerTraits.NeedsDue),
            M("todo", MarkerTraits.NeedsDue),
        }.Concat(Verbs(
            "пришлю|пришлем=прислать", "вышлю|вышлем=выслать", "дошлю=дослать", "отправлю|отправим=отправить",
            "направлю|направим=направить", "передам|передадим=передать", "скину|скинем=скинуть", "сделаю|сделаем=сделать",
            "доделаю|доделаем=доделать", "подготовлю|подготовим=подготовить", "перезвоню|перезвоним=перезвонить",
            "позвоню|позвоним=позвонить", "наберу=набрать", "напишу|напишем=написать", "отвечу|ответим=ответить",
            "уточню|уточним=уточнить", "проверю|проверим=проверить", "согласую|согласуем=согласовать",
            "обновлю|обновим=обновить", "закончу|закончим=закончить", "соберу|соберем=собрать", "оформлю|оформим=оформить",
            "выставлю|выставим=выставить", "подпишу|подпишем=подписать", "сообщу|сообщим=сообщить",
            "организую|организуем=организовать", "назначу|назначим=назначить", "договорюсь|договоримся=договориться",
            "свяжусь|свяжемся=связаться", "созвонюсь|созвонимся=созвониться", "встречусь|встретимся=встретиться",
            "покажу|покажем=показать", "расскажу|расскажем=рассказать", "предоставлю|предоставим=предоставить",
            "подтвержу|подтвердим=подтвердить", "пересчитаю|пересчитаем=пересчитать", "посчитаю|посчитаем=посчитать",
            "рассчитаю|рассчитаем=рассчитать", "исправлю|исправим=исправить", "доработаю|доработаем=доработать",
            "вернусь|вернемся=вернуться", "дам|дадим=дать", "проведу|проведем=провести", "приеду|приедем=приехать",
            "заеду|заедем=заехать", "привезу|привезем=привезти", "занесу|занесем=занести", "запущу|запустим=запустить",
            "решу|решим=решить", "выясню|выясним=выяснить", "узнаю|узнаем=узнать", "обсужу|обсудим=обсудить",
            "оплачу|оплатим=оплатить", "продлю|продлим=продлить", "внесу|внесем=внести", "поправлю|поправим=поправить",
            "подключу|подключим=подключить", "добавлю|добавим=добавить", "поговорю|поговорим=поговорить",
            "напомню|напомним=напомнить", "зайду|зайдем=зайти", "загружу|загрузим=загрузить",
            "актуализирую|актуализируем=актуализировать"))),

        Preface = Set("и|а|но|ну|так|ок|окей|да|ага|кстати|короче|также|тоже|еще|уже|точно|обязательно|вчера|сегодня|" +
                      "завтра|я|мы|мне|нам|же|ведь|вот|хорошо|ладно|сам|сама|лично|все|спасибо|отлично|договорились|" +
                      "понял|поняла|итак|сразу|срочно|только|тогда|может|наверное"),
        QuestionWords = Set("что|где|почему|зачем|кто|какой|какая|какое|какие|каким|какую|сколько|разве|неужели|куда|откуда"),
        QuestionOrClauseWords = Set("когда"),
        QuestionAuxiliaries = Set(""),
        QuestionSubjects = Set("я|ты|вы|мы|они|он|она|оно"),
        QuestionParticles = Set("ли|разве"),
        Abbreviations = Set("г|ул|т.е|т.к|тыс|руб|млн|им|др"),
        NegationsBefore = Set("не|ни"),
        NegationsAfter = Set(""),
        NotPromises = Phrases("буду в отпуске|уйду в отпуск|ухожу в отпуск|буду на больничном|уйду на больничный|" +
                              "возьму отгул|возьму выходной|буду в отъезде"),

        AccountPrepositions = Phrases("для|с|со|от|у|из|в|во|к|ко|клиенту|клиента|клиентом|клиент|компании|компанию|компания|компанией|" +
                                      "ребятам из|коллегам из|команде|команду|командой"),
        NotNames = Set("я|мы|ок|окей|привет|спасибо|кп|тз|ндс|упд|эдо|ооо|зао|оао|пао|ао|ип|нда|счет|договор"),
        LegalForms = Set("ооо|зао|оао|пао|ао|ип|нко|гк"),
        StemTrailing = "аяоеыиьй",
        NameEndings = Set("а|я|у|ю|е|и|ы|ой|ей|ою|ею|ом|ем|ам|ям|ами|ями|ах|ях|ью|ого|ому|ым|им"),

        EdgeWords = Set("до|к|ко|в|во|на|и|а|с|со|по|для|что|чтобы|то|же|у|от|из|около|через"),
    };

    private static (string, IntentMarker) M(string phrase, MarkerTraits traits = MarkerTraits.None) => (phrase, new IntentMarker(phrase, traits));

    // "пришлю|пришлем=прислать": first-person future forms and the infinitive the action starts with.
    private static IEnumerable<(string, IntentMarker)> Verbs(params string[] entries) =>
        from entry in entries
        let parts = entry.Split('=')
        from form in parts[0].Split('|')
        select (form, new IntentMarker(form, MarkerTraits.None, parts[1]));
}
