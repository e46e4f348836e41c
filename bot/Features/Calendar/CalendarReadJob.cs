using AccountCoachBot.Data;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AccountCoachBot.Features.Calendar;

/// <summary>
/// Run by Hangfire every minute: reads the calendars that are due (a new one right away, then each at its own
/// minute every <see cref="CalendarOptions.ReadEvery"/>). A calendar is claimed by moving its next read ahead before
/// reading, so two instances never read the same one at once, and a crash mid-read only delays it.
/// </summary>
public sealed class CalendarReadJob(IServiceScopeFactory scopes, TimeProvider time, IOptions<CalendarOptions> options, ILogger<CalendarReadJob> logger)
{
    public const string Id = "calendar-read";
    private const int Batch = 50;

    [DisableConcurrentExecution(timeoutInSeconds: 120)]
    [AutomaticRetry(Attempts = 0)]
    public async Task<int> RunAsync(CancellationToken ct)
    {
        var read = 0;
        List<(int Id, DateTime Next)> due;
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CoachDbContext>();
            var now = time.GetUtcNow().UtcDateTime;
            due = (await db.Set<CalendarConnection>().Where(c => c.NextReadUtc <= now).OrderBy(c => c.NextReadUtc).Take(Batch)
                .Select(c => new { c.Id, c.NextReadUtc }).ToListAsync(ct)).Select(c => (c.Id, c.NextReadUtc)).ToList();
        }
        foreach (var (id, next) in due)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CoachDbContext>();
            var claimUntil = time.GetUtcNow().UtcDateTime + options.Value.ReadEvery;
            var claimed = await db.Set<CalendarConnection>().Where(c => c.Id == id && c.NextReadUtc == next)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.NextReadUtc, claimUntil), ct);
            if (claimed == 0) continue;
            try
            {
                await scope.ServiceProvider.GetRequiredService<CalendarRead>().RunAsync(id, ct);
                read++;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The exception's message never holds the feed address (the reader turns HTTP trouble into problems).
                logger.LogError("Calendar {ConnectionId} read failed: {Error}", id, e.GetType().Name);
            }
        }
        return read;
    }
}
