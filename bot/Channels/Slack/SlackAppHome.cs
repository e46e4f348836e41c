using System.Text.Json.Nodes;
using AccountCoachBot.Conversation;
using AccountCoachBot.Data;
using AccountCoachBot.Features.People;
using AccountCoachBot.Features.Promises;
using Microsoft.EntityFrameworkCore;

namespace AccountCoachBot.Channels.Slack;

/// <summary>The bot's Home tab: a welcome with one working example on the first visit, then the open promises.</summary>
public sealed class SlackAppHome(TurnPipeline pipeline, CoachDbContext db, SlackApiClient api, TimeProvider time, ILogger<SlackAppHome> logger)
{
    public async Task PublishAsync(string team, string user, InboundMessage? visit, CancellationToken ct)
    {
        var welcome = visit is null ? [] : await pipeline.HandleAsync(visit with { Kind = InboundKind.Installed }, ct);
        var externalId = SlackReference.IdentityOf(team, user);
        var person = await db.ChannelIdentities.Where(i => i.Channel == SlackReference.Transport && i.ExternalId == externalId)
            .Select(i => i.Person!).FirstOrDefaultAsync(ct);
        if (person is null) return;

        var now = time.GetUtcNow().UtcDateTime;
        var open = await db.Promises.Include(p => p.Account)
            .Where(p => p.OwnerId == person.Id && p.Status == PromiseStatus.Open)
            .OrderBy(p => p.DueUtc).Take(30).ToListAsync(ct);
        var l = person.Language;
        var lines = open.Count == 0
            ? [SlackTexts.HomeEmpty[l]]
            : open.Select(p => $"#{p.Number} {p.Account?.Name}: {p.What} · {Formats.When(p.DueUtc, person.Zone, l)}{(p.DueUtc < now ? " ⚠" : "")}").ToList();
        var card = new Card(SlackTexts.HomeTitle[l], Lines: [.. welcome.Select(w => w.Text), .. lines], Footnote: SlackTexts.HomeHint[l]);

        var blocks = BlockKitRenderer.RenderMessage(new Reply(card.Title, card))["blocks"]?.DeepClone() ?? new JsonArray();
        var result = await api.PublishHomeAsync(user, new JsonObject { ["type"] = "home", ["blocks"] = blocks }, null, ct);
        if (!result.Ok) logger.LogWarning("Slack views.publish failed: {Error}", result.Error);
    }
}
