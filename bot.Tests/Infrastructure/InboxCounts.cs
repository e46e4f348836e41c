using AccountCoachBot.Data;
using Microsoft.EntityFrameworkCore;

namespace AccountCoachBot.Tests.Infrastructure;

internal static class InboxCounts
{
    /// <summary>
    /// Every request recorded: in the inbox, or on SQLite still in its arrivals (InboxArrivals), counted in one statement
    /// so that a row moving between the two is counted once.
    /// </summary>
    public static Task<int> RecordedAsync(CoachDbContext db) =>
        db.IsPostgres()
            ? db.Inbox.CountAsync()
            : db.Database.SqlQuery<int>($"""SELECT (SELECT COUNT(*) FROM "Inbox") + (SELECT COUNT(*) FROM "InboxArrivals") AS "Value" """).SingleAsync();
}
