using AccountCoachBot.Conversation;

namespace AccountCoachBot.Features.People;

/// <summary>A feature's lines in `settings`: its own switches (call nudges muted, prep lead times, a vacation).</summary>
public interface ISettingsSection
{
    int Order { get; }

    Task<IReadOnlyList<CardFact>> DescribeAsync(Turn turn, CancellationToken ct);
}
