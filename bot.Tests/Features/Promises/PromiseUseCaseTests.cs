using AccountCoachBot.Data;
using AccountCoachBot.Features.Promises;
using AccountCoachBot.Scheduling;
using AccountCoachBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AccountCoachBot.Tests.Features.Promises;

/// <summary>The promise use cases called directly, as calendar sync or the AI coach would: typed commands, no chat text.</summary>
public sealed class PromiseUseCaseTests : IAsyncLifetime
{
    private static readonly DateTime Now = new(2026, 3, 4, 9, 0, 0, DateTimeKind.Utc);
    private CoachTestHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await CoachTestHost.StartAsync(new DateTimeOffset(Now));
        await _host.SayAsync("help");         // olga, with her chat
        await _host.SayAsync("help", "ivan"); // someone else
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private static async Task<PromiseActor> ActorAsync(CoachDbContext db, string user) =>
        new(await db.People.SingleAsync(p => p.DisplayName == user), await db.Addresses.SingleAsync(a => a.Key == $"test|{user}"), Now);

    [Fact]
    public async Task CaptureAndMove_SaveAndReplanReminders_WithoutATurn()
    {
        await using var scope = _host.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<CoachDbContext>();
        var olga = await ActorAsync(db, "olga");
        var due = new DateTime(2026, 3, 9, 17, 0, 0, DateTimeKind.Utc);

        var unknown = await services.GetRequiredService<CapturePromiseHandler>().HandleAsync(olga, new CapturePromise("Acme", "send the quote", due, AddAccount: false), default);
        Assert.Equal(CaptureStatus.UnknownAccount, unknown.Status);
        Assert.Equal(0, await db.Promises.CountAsync());

        var saved = await services.GetRequiredService<CapturePromiseHandler>().HandleAsync(olga, new CapturePromise("Acme", "send the quote", due, AddAccount: true), default);
        Assert.Equal((CaptureStatus.Saved, 1), (saved.Status, saved.Promise!.Number));

        var newDue = due.AddDays(3);
        var moved = await services.GetRequiredService<MovePromiseHandler>().HandleAsync(olga, new MovePromise(saved.Promise.Id, newDue, "legal", Renegotiated: true), default);
        await db.SaveChangesAsync();

        Assert.Equal((PromiseChangeStatus.Changed, due), (moved.Change.Status, moved.OldDueUtc));
        Assert.NotNull(moved.Change.Undo);
        var pending = await db.Outbox.Where(o => o.Status == OutboxStatus.Pending).Select(o => o.DueUtc).ToListAsync();
        Assert.Contains(newDue, pending);
        Assert.DoesNotContain(due, pending);
    }

    [Fact]
    public async Task Done_ChangesNothing_ForSomeoneElsesPromise()
    {
        await _host.SayAsync("promise Acme: send the quote 2026-03-09");
        await using var scope = _host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoachDbContext>();
        var ivan = await ActorAsync(db, "ivan");
        var id = await db.Promises.Select(p => p.Id).SingleAsync();

        var result = await scope.ServiceProvider.GetRequiredService<MarkPromiseDoneHandler>().HandleAsync(ivan, new MarkPromiseDone(id), default);
        await db.SaveChangesAsync();

        Assert.Equal(PromiseChangeStatus.NotFound, result.Change.Status);
        Assert.Equal(PromiseStatus.Open, await db.Promises.Select(p => p.Status).SingleAsync());
    }
}
