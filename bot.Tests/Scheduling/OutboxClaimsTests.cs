using AccountCoachBot.Features.People;
using AccountCoachBot.Scheduling;
using AccountCoachBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AccountCoachBot.Tests.Scheduling;

/// <summary>
/// A claim takes no more of a platform budget's nudges than the budget can send while a batch may wait for it: the rest
/// would only wait behind them, holding the instance's other nudges back, or be put off to the budget's line.
/// </summary>
public class OutboxClaimsTests : IAsyncLifetime
{
    protected virtual PostgresDatabase? Postgres => null;

    /// <summary>Two a second, one at a time: room for three within a second when full (now, +0.5 s, +1 s).</summary>
    private static readonly SharedRateLimit App = new("test:app", PerSecond: 2, Burst: 1);

    private CoachTestHost _host = null!;
    private DateTime _now;

    public async Task InitializeAsync()
    {
        _host = await CoachTestHost.StartAsync(new DateTimeOffset(2026, 3, 4, 9, 0, 0, TimeSpan.Zero), postgres: Postgres);
        await _host.SayAsync("help"); // the person and their chat
        _now = _host.Time.GetUtcNow().UtcDateTime;
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [DbFact]
    public async Task ClaimBatchAsync_TakesAsManyOfABudgetsNudgesAsItCanSendInTheWindow_WhenTheBudgetIsKnown()
    {
        var chat = await ChatUnderAsync(App.Key);
        var due = await DueAsync(chat, 10);
        await _host.WithDbAsync(db => SharedBudget.TakeAsync(db, App, _now.AddMinutes(-1), CancellationToken.None)); // known, and full again by now

        Assert.Equal(due[..3], await ClaimAsync(TimeSpan.FromSeconds(1)));
        // Never waiting, a full budget sends one at once.
        Assert.Equal(due[3..4], await ClaimAsync(TimeSpan.Zero));
    }

    [DbFact]
    public async Task ClaimBatchAsync_CountsWhatTheBudgetSpentAlready_WhenItIsNotFull()
    {
        var chat = await ChatUnderAsync(App.Key);
        var due = await DueAsync(chat, 10);
        await _host.WithDbAsync(async db =>
        {
            // Two sends just now (the second over the budget's pace, as a reply spends it): free again at +1 s.
            await SharedBudget.SpendAsync(db, App, _now, CancellationToken.None);
            return await SharedBudget.SpendAsync(db, App, _now, CancellationToken.None);
        });

        Assert.Equal(due[..1], await ClaimAsync(TimeSpan.FromSeconds(1)));
    }

    [DbFact]
    public async Task ClaimBatchAsync_TakesNoneOfABudgetsNudgesButTheOthers_WhileThePlatformHoldsIt()
    {
        var held = await ChatUnderAsync(App.Key);
        var other = await ChatUnderAsync("test:other", "other chat");
        await DueAsync(held, 5);
        var free = await DueAsync(other, 2);
        await _host.WithDbAsync(async db =>
        {
            await SharedBudget.HoldAsync(db, App, _now.AddSeconds(30), CancellationToken.None);
            return await SharedBudget.TakeAsync(db, new SharedRateLimit("test:other", 2, 1), _now.AddMinutes(-1), CancellationToken.None);
        });

        Assert.Equal(free, await ClaimAsync(TimeSpan.FromSeconds(1)));
    }

    [DbFact]
    public async Task ClaimBatchAsync_TakesEveryDueNudge_WhenTheirBudgetWasNeverTakenOrIsNotKnown()
    {
        var known = await ChatUnderAsync(App.Key);
        var unknown = await ChatUnderAsync(null, "other chat");
        var due = (await DueAsync(known, 4)).Concat(await DueAsync(unknown, 4)).Order().ToList();

        Assert.Equal(due, await ClaimAsync(TimeSpan.FromSeconds(1)));
    }

    [DbFact]
    public async Task ClaimBatchAsync_TakesEachConversationsFirstWithinTheBudget_WhenPaced()
    {
        var first = await ChatUnderAsync(App.Key);
        var second = await ChatUnderAsync(App.Key, "second chat");
        var third = await ChatUnderAsync(App.Key, "third chat");
        var firsts = new List<long>();
        foreach (var chat in new[] { first, second, third })
            firsts.Add((await DueAsync(chat, 3))[0]);
        await _host.WithDbAsync(db => SharedBudget.TakeAsync(db, App, _now.AddMinutes(-1), CancellationToken.None));

        // Three conversations' first nudges would fit a second; with half a second, two.
        Assert.Equal(firsts[..2], await ClaimAsync(TimeSpan.FromSeconds(0.5), paced: true));
    }

    private Task<List<long>> ClaimAsync(TimeSpan window, bool paced = false) =>
        _host.WithDbAsync(async db => (await OutboxClaims.ClaimBatchAsync(db,
            new OutboxClaim([CoachTestHost.Transport], _now, _now.AddMinutes(2), "test", 50, paced, window), CancellationToken.None)).Order().ToList());

    /// <summary>The person's chat, or another conversation of theirs, sent under <paramref name="budget"/>.</summary>
    private Task<int> ChatUnderAsync(string? budget, string? key = null) => _host.WithDbAsync(async db =>
    {
        var chat = await db.Addresses.OrderBy(a => a.Id).FirstAsync();
        if (key is not null)
        {
            chat = new ConversationAddress { PersonId = chat.PersonId, Transport = chat.Transport, Key = key, ReferenceJson = chat.ReferenceJson, UpdatedUtc = _now };
            db.Addresses.Add(chat);
        }
        chat.BudgetKey = budget;
        await db.SaveChangesAsync();
        return chat.Id;
    });

    /// <summary><paramref name="count"/> nudges due to the chat, a second apart and all due now; their ids by due time.</summary>
    private Task<List<long>> DueAsync(int chatId, int count) => _host.WithDbAsync(async db =>
    {
        var chat = await db.Addresses.SingleAsync(a => a.Id == chatId);
        var rows = Enumerable.Range(0, count).Select(i => new OutboxMessage
        {
            Kind = "nudge.test", PersonId = chat.PersonId, AddressId = chat.Id, Transport = chat.Transport, DedupeKey = $"{chatId}:{i}",
            Status = OutboxStatus.Pending, DueUtc = _now.AddSeconds(i - count), CreatedUtc = _now.AddMinutes(-5),
        }).ToList();
        db.Outbox.AddRange(rows);
        await db.SaveChangesAsync();
        return rows.Select(r => r.Id).ToList();
    });
}
