using AccountCoachBot.Conversation;

namespace AccountCoachBot.Features.MeetingPrep;

public sealed class MeetingVerbs : IVerbSet
{
    public static readonly Verb List = new(VerbTopics.Meetings, VerbArgs.None, ["meetings", "my meetings"], ["встречи", "мои встречи"]);
    public static readonly Verb Cancel = new(VerbTopics.Meetings, VerbArgs.Number, ["cancel meeting"], ["отменить встречу", "отмени встречу"]);
    public static readonly Verb Meeting = new(VerbTopics.Meetings, VerbArgs.Text, ["meeting"], ["встреча", "встречу"]);
    public static readonly Verb Prep = new(VerbTopics.Meetings, VerbArgs.Text, ["prep", "prepare", "checklist"], ["подготовка", "подготовиться", "подготовиться к", "чек-лист", "чеклист"]);
    public static readonly Verb Brief = new(VerbTopics.Meetings, VerbArgs.Text, ["brief"], ["бриф"]); // «сводка» is the digest (issue 9)
    public static readonly Verb Debrief = new(VerbTopics.Meetings, VerbArgs.Text, ["debrief"], ["итоги", "итоги встречи", "разбор"]);
    public static readonly Verb PrepLead = new(VerbTopics.Meetings, VerbArgs.Text, ["prep lead"], ["подготовка за", "напоминать за"]);
    public static readonly Verb PrepDayBefore = new(VerbTopics.Meetings, VerbArgs.Text, ["prep day-before", "prep day before"], ["подготовка накануне"]);

    public IReadOnlyList<Verb> Verbs => [List, Cancel, Meeting, Prep, Brief, Debrief, PrepLead, PrepDayBefore];
}
