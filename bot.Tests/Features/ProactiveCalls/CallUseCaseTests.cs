using AccountCoachBot.Features.ProactiveCalls;
using AccountCoachBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AccountCoachBot.Tests.Features.ProactiveCalls;

/// <summary>The call use cases called directly, as calendar sync or the coach would: no chat, no words to parse.</summary>
public sealed class CallUseCaseTests : IAsyncLifetime
{
    private CoachTestHost _host = null!;

    // Wed 2026-03-04 10:00 Berlin.
    public async Task InitializeAsync()
    {
        _host = await CoachTestHost.StartAsync(new DateTimeOffset(2026, 3, 4, 9, 0, 0, TimeSpan.Zero));
        await _host.SayAsync("hi", user: "olga");
        await _host.SayAsync("hi", user: "boris");
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private DateTime Now => _host.Time.GetUtcNow().UtcDateTime;

    private Task<T> AsAsync<T>(string user, Func<AccountCoachBot.Data.CoachDbContext, AccountCoachBot.Features.People.Person, Task<T>> work) =>
        _host.WithDbAsync(async db =>
        {
            var person = await db.People.SingleAsync(p => p.Identities.Any(i => i.ExternalId == user));
            var result = await work(db, person);
            await db.SaveChangesAsync();
            return result;
        });

    [Fact]
    public async Task LogCallHandler_LogsOnceADay_AndOnlyTheOwnersAccount()
    {
        var added = await AsAsync("olga", (db, olga) => AddAccountHandler.HandleAsync(db, olga, new AddAccount("Acme", AccountTier.Key), Now, default));
        var accountId = added!.Account.Id;
        Assert.True(added.Created);

        var first = await AsAsync("olga", (db, olga) => LogCallHandler.HandleAsync(db, olga, new LogCall(accountId, null, "calendar"), Now, default));
        var second = await AsAsync("olga", (db, olga) => LogCallHandler.HandleAsync(db, olga, new LogCall(accountId, null, "calendar"), Now, default));
        var borisTries = await AsAsync("boris", (db, boris) => LogCallHandler.HandleAsync(db, boris, new LogCall(accountId, null, "calendar"), Now, default));

        Assert.Equal((false, "calendar"), (first!.AlreadyLoggedToday, first.Touch!.Source));
        Assert.True(second!.AlreadyLoggedToday);
        Assert.Null(borisTries);
        Assert.Equal(1, await _host.WithDbAsync(db => db.Set<Touch>().CountAsync(t => t.AccountId == accountId && t.Kind == TouchKind.Call)));
        Assert.Equal(Now, (await _host.WithDbAsync(db => db.Set<AccountCadence>().SingleAsync())).LastContactUtc);
    }

    [Fact]
    public async Task AddAccountHandler_ChangesNothing_WhenTheCadenceIsOutOfRange()
    {
        var added = await AsAsync("olga", (db, olga) => AddAccountHandler.HandleAsync(db, olga, new AddAccount("Acme", CadenceDays: 0), Now, default));

        Assert.Null(added);
        Assert.Equal(0, await _host.WithDbAsync(db => db.Accounts.CountAsync()));
    }

    [Fact]
    public async Task SetVacationHandler_RefusesADayPast_AndReplacesAnOverlappingVacation()
    {
        var past = await AsAsync("olga", (db, olga) => SetVacationHandler.HandleAsync(db, olga, new SetVacation(new(2026, 3, 1), new(2026, 3, 3)), Now, default));
        var first = await AsAsync("olga", (db, olga) => SetVacationHandler.HandleAsync(db, olga, new SetVacation(new(2026, 3, 10), new(2026, 3, 12)), Now, default));
        var moved = await AsAsync("olga", (db, olga) => SetVacationHandler.HandleAsync(db, olga, new SetVacation(new(2026, 3, 11), new(2026, 3, 20)), Now, default));

        Assert.Equal((VacationOutcome.InPast, VacationOutcome.Set, VacationOutcome.Set), (past, first, moved));
        var vacation = Assert.Single(await _host.WithDbAsync(db => db.Set<Vacation>().ToListAsync()));
        Assert.Equal((new DateOnly(2026, 3, 11), new DateOnly(2026, 3, 20)), (vacation.FirstDay, vacation.LastDay));
    }
}
