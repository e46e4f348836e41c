using AccountCoachBot.Conversation;

namespace AccountCoachBot.Features.Calendar;

public sealed class CalendarVerbs : IVerbSet
{
    public static readonly Verb Calendar = new(VerbTopics.Meetings, VerbArgs.Optional, ["calendar"], ["календарь"]);
    public static readonly Verb NotClient = new(VerbTopics.Meetings, VerbArgs.Number, ["not a client meeting", "not client meeting"], ["не встреча с клиентом", "не клиентская встреча"]);

    public IReadOnlyList<Verb> Verbs => [Calendar, NotClient];
}
