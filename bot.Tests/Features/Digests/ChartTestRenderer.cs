using AccountCoachBot.Conversation;
using AccountCoachBot.Features.Digests;
using AccountCoachBot.Features.People;
using AccountCoachBot.Scheduling;
using AccountCoachBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace AccountCoachBot.Tests.Features.Digests;

/// <summary>Test-only: renders outbox rows of kind <see cref="Kind"/> as figures with a chart, like the Monday digest will.</summary>
public sealed class ChartTestRenderer(ILogger<ChartTestRenderer> logger) : INudgeRenderer
{
    public const string Kind = "test.chart";

    public bool CanRender(string kind) => kind == Kind;

    public Task<Reply?> RenderAsync(OutboxMessage message, Person person, DateTime nowUtc, CancellationToken ct) =>
        Task.FromResult<Reply?>(new Reply(ChartTestHandler.Figures, new Card("Digest", [ChartTestHandler.Figures]))
        {
            Image = TrendChart.TryImage(TrendChartTests.EightWeeks(), person.Language, logger),
        });

    /// <summary>Queues one such row, due now, for the only person the bot knows, at their only address.</summary>
    public static Task QueueAsync(BotHost bot) => bot.WithDbAsync(async db =>
    {
        var address = await db.Addresses.SingleAsync();
        var now = bot.Time.GetUtcNow().UtcDateTime;
        db.Outbox.Add(new OutboxMessage
        {
            Kind = Kind, PersonId = address.PersonId, AddressId = address.Id, Transport = address.Transport, DueUtc = now,
            DedupeKey = $"{Kind}:{address.Id}", CreatedUtc = now,
        });
        return await db.SaveChangesAsync();
    });
}
