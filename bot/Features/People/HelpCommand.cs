using AccountCoachBot.Conversation;

namespace AccountCoachBot.Features.People;

/// <summary>`help` (`помощь`): a short start with the topics as buttons; `help promises` and the rest: one topic with examples.</summary>
public sealed class HelpCommand : ITurnHandler
{
    /// <summary>Teams shows at most six actions on a card: topics past that are named in the start text instead.</summary>
    public const int MaxTopicButtons = 6;

    public Task<IReadOnlyList<Reply>?> TryHandleAsync(Turn turn, CancellationToken ct)
    {
        if (turn.Action is not null || !PeopleVerbs.Help.Matches(turn.Text, out var rest))
            return Task.FromResult<IReadOnlyList<Reply>?>(null);
        return Task.FromResult<IReadOnlyList<Reply>?>([Answer(turn, rest.Trim().TrimEnd('.', '?', '!'))]);
    }

    private static Reply Answer(Turn turn, string topicName)
    {
        var help = PeopleVerbs.Help.Shown(turn.Language);
        if (topicName.Length == 0)
        {
            var start = turn.T(HelpTexts.Start);
            var topics = HelpTexts.Topics.Take(MaxTopicButtons).Select(t => SayAction.Button($"{help} {turn.T(t.Name)}", turn.T(t.Title))).ToList();
            return new Reply(start, new Card(turn.T(HelpTexts.Title), Lines: start.Split('\n'), Actions: topics));
        }
        var topic = HelpTexts.Topics.FirstOrDefault(t => t.Is(topicName));
        if (topic is null) return turn.T(HelpTexts.UnknownTopic, topicName);
        var body = turn.T(topic.Body);
        var examples = turn.T(topic.Examples).Split('|').Select(e => SayAction.Button(e)).ToList();
        return new Reply(body, new Card(turn.T(topic.Title), Lines: body.Split('\n'), Actions: examples));
    }
}
