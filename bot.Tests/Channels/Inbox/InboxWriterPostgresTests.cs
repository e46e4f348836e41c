using AccountCoachBot.Channels.Inbox;
using AccountCoachBot.Operations;
using AccountCoachBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AccountCoachBot.Tests.Channels.Inbox;

/// <summary>The inbox's writer on PostgreSQL: each request committed before its ack, a conversation's in the order they came.</summary>
[OnPostgres]
public sealed class InboxWriterPostgresTests(PostgresDatabase postgres) : IAsyncLifetime, IClassFixture<PostgresDatabase>
{
    private CoachTestHost _host = null!;

    public async Task InitializeAsync() => _host = await CoachTestHost.StartAsync(new DateTimeOffset(2026, 3, 4, 9, 0, 0, TimeSpan.Zero), postgres: postgres,
        services: s =>
        {
            s.TryAddSingleton<CoachMetrics>();
            s.TryAddSingleton<InboxSignal>();
            s.TryAddSingleton<InboxArrivals>();
            s.TryAddSingleton<InboxWriter>();
        });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [DbFact]
    public async Task RecordAsync_CommitsAConversationsRequestsInTheOrderTheyCame_WhenMoreThanABatchArrivesAtOnce()
    {
        var writer = _host.Services.GetRequiredService<InboxWriter>();

        // Queued in this order at once: more than one batch's worth, three conversations interleaved.
        const int requests = 600;
        var recorded = Enumerable.Range(0, requests).Select(i => writer.RecordAsync(new InboxItem
        {
            Transport = "slack", Key = $"event:Ev{i:D4}", Kind = "event", ConversationKey = $"conv-{i % 3}", PayloadJson = "{}",
        }, CancellationToken.None)).ToList();
        var ids = await Task.WhenAll(recorded);

        Assert.All(ids, id => Assert.NotNull(id));
        var rows = await _host.WithDbAsync(db => db.Inbox.OrderBy(i => i.Id).Select(i => new { i.Key, i.ConversationKey }).ToListAsync());
        Assert.Equal(requests, rows.Count);
        foreach (var conversation in rows.GroupBy(r => r.ConversationKey))
        {
            var keys = conversation.Select(r => r.Key).ToList();
            Assert.Equal(keys.Order(StringComparer.Ordinal), keys);
        }
    }
}
