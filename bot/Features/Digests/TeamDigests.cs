using AccountCoachBot.Conversation;
using AccountCoachBot.Data;
using AccountCoachBot.Features.People;
using AccountCoachBot.Features.Teams;

namespace AccountCoachBot.Features.Digests;

/// <summary>
/// A team's digest as its lead reads it — the members' figures, the week's kudos, the trend chart — in one place for
/// everyone who sends one: `digest` in chat, the Monday digest, the command line.
/// </summary>
public sealed class TeamDigests(DigestBuilder builder, TeamAccess access, KudosLog kudos, ILogger<TeamDigests> logger)
{
    public async Task<TeamDigest> BuildAsync(CoachDbContext db, Team team, DigestPeriod period, TimeZoneInfo zone, CancellationToken ct)
    {
        var members = (await access.MembersAsync(team.Id, ct)).Select(m => m.Id).ToList();
        var digest = await builder.BuildAsync(db, members, period, zone, team.Name, ct);
        var praise = await kudos.KudosInAsync(members, period.StartUtc, period.EndUtc, ct);
        return new TeamDigest(team, digest, praise);
    }

    /// <summary>The card with the kudos under it and the chart beside it (without the chart if it can't be drawn).</summary>
    public Reply Render(TeamDigest digest, Language l)
    {
        var reply = DigestCards.Team(digest.Digest, l);
        if (digest.Kudos.Count > 0 && reply.Card is { } card)
        {
            // Praise from colleagues counts for more than the boss's (seed 002): the lead sees it and can pass it on.
            var lines = card.Lines.Append(DigestTexts.Kudos[l])
                .Concat(digest.Kudos.Select(k => $"• {k.From} → {k.To}: {k.Text}")).ToList(); // names as given: no case to decline
            card = card with { Lines = lines };
            reply = new Reply(PlainTextRenderer.Render(new Reply("", card)), card);
        }
        return DigestChart.With(reply, digest.Digest, l, logger);
    }
}

/// <summary>A team's digest: the figures and the kudos its members received in the period.</summary>
public sealed record TeamDigest(Team Team, Digest Digest, IReadOnlyList<KudosEntry> Kudos)
{
    /// <summary>Nothing to tell: no figure moved and nobody was praised. Empty digests are never sent.</summary>
    public bool IsEmpty => Digest.Members.All(m => m.IsEmpty) && Kudos.Count == 0;
}
