using AccountCoachBot.Conversation;

namespace AccountCoachBot.Features.People;

public sealed class PeopleVerbs : IVerbSet
{
    public static readonly Verb Help = new(VerbTopics.Settings, VerbArgs.Optional, ["help", "?", "/help"], ["помощь", "справка", "что ты умеешь"]);
    public static readonly Verb Settings = new(VerbTopics.Settings, VerbArgs.None, ["settings"], ["настройки"]);
    public static readonly Verb TimeZone = new(VerbTopics.Settings, VerbArgs.Text, ["timezone", "time zone", "tz"], ["часовой пояс"]);
    public static readonly Verb Language = new(VerbTopics.Settings, VerbArgs.Text, ["language", "lang"], ["язык"]);
    public static readonly Verb Hours = new(VerbTopics.Settings, VerbArgs.Text, ["hours", "working hours"], ["часы", "рабочие часы"]);
    public static readonly Verb WorkDays = new(VerbTopics.Settings, VerbArgs.Text, ["workdays", "working days"], ["рабочие дни"]);
    public static readonly Verb Pause = new(VerbTopics.Settings, VerbArgs.None, ["pause"], ["пауза"]);
    public static readonly Verb Resume = new(VerbTopics.Settings, VerbArgs.None, ["resume"], ["продолжить", "возобновить"]);
    public static readonly Verb Link = new(VerbTopics.Data, VerbArgs.Optional, ["link"], ["связать"]);
    public static readonly Verb Export = new(VerbTopics.Data, VerbArgs.None, ["export", "my data", "export my data"], ["экспорт", "мои данные"]);
    public static readonly Verb Forget = new(VerbTopics.Data, VerbArgs.None, ["forget me", "delete my data"], ["забудь меня", "удалить мои данные"]);

    public IReadOnlyList<Verb> Verbs => [Help, Settings, TimeZone, Language, Hours, WorkDays, Pause, Resume, Link, Export, Forget];
}
