using AccountCoachBot.Conversation;

namespace AccountCoachBot.Features.Digests;

/// <summary>`digest me [period]` — a person's own figures, on their own calendar; `digest definitions`.</summary>
public sealed class DigestCommands(DigestBuilder builder, ILogger<DigestCommands> logger) : ITurnHandler
{
    public async Task<IReadOnlyList<Reply>?> TryHandleAsync(Turn turn, CancellationToken ct)
    {
        if (turn.Action is not null) return null;
        if (DigestVerbs.Definitions.Is(turn.Text)) return [Definitions(turn)];
        if (!DigestVerbs.Me.Matches(turn.Text, out var rest)) return null;

        var zone = turn.Person.Zone;
        var period = DigestPeriod.Parse(rest, turn.NowUtc, zone, out var error);
        if (period is null) return [turn.T(error!)];
        var digest = await builder.BuildAsync(turn.Db, [turn.Person.Id], period, zone, ct: ct);
        return [DigestChart.With(DigestCards.Person(digest, turn.Language), digest, turn.Language, logger)];
    }

    private static Reply Definitions(Turn turn)
    {
        var lines = DigestDefinitions.All.Select(d => turn.T(d)).ToList();
        var card = new Card(turn.T(DigestDefinitions.Title), Lines: lines);
        return new Reply(string.Join('\n', lines.Prepend(card.Title)), card);
    }
}
