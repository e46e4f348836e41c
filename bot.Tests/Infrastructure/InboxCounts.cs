using AccountCoachBot.Channels.Inbox;
using AccountCoachBot.Data;

namespace AccountCoachBot.Tests.Infrastructure;

/// <summary>What the inbox holds, on SQLite with the requests still in its arrivals file (<see cref="InboxArrivals.CountAsync"/>).</summary>
internal static class InboxCounts
{
    /// <summary>Every request recorded: in the inbox, or still arriving.</summary>
    public static Task<int> RecordedAsync(CoachDbContext db) => InboxArrivals.CountAsync(db, pendingOnly: false, transport: null, CancellationToken.None);

    /// <summary>Requests recorded and not yet run (of one transport, or all).</summary>
    public static Task<int> PendingAsync(CoachDbContext db, string? transport = null) => InboxArrivals.PendingAsync(db, transport, CancellationToken.None);
}
