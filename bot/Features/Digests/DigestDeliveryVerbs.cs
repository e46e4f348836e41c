using AccountCoachBot.Conversation;
using AccountCoachBot.Features.Teams;

namespace AccountCoachBot.Features.Digests;

/// <summary>
/// The lead's settings for the weekly digest. Longer than the lead's `digest [team]`, so they are matched first
/// (a team called "off" aside).
/// </summary>
public sealed class DigestDeliveryVerbs : IVerbSet
{
    public static readonly Verb Off = new(TeamVerbs.Topic, VerbArgs.Optional, ["digest off", "digest stop"], ["сводка выкл", "сводка отключить", "сводка стоп"]);
    public static readonly Verb On = new(TeamVerbs.Topic, VerbArgs.Optional, ["digest on", "digest start"], ["сводка вкл", "сводка включить"]);
    public static readonly Verb Channel = new(TeamVerbs.Topic, VerbArgs.Text, ["digest channel"], ["сводка канал", "сводка куда"]);
    public static readonly Verb Time = new(TeamVerbs.Topic, VerbArgs.Text, ["digest time"], ["сводка время", "сводка когда"]);
    public static readonly Verb Schedule = new(TeamVerbs.Topic, VerbArgs.Optional, ["digest schedule", "digest settings"], ["сводка расписание", "сводка настройки"]);

    public IReadOnlyList<Verb> Verbs => [Off, On, Channel, Time, Schedule];
}
