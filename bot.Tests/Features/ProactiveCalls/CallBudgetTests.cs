using AccountCoachBot.Conversation;
using AccountCoachBot.Features.ProactiveCalls;
using AccountCoachBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AccountCoachBot.Tests.Features.ProactiveCalls;

/// <summary>At most three single call nudges a person a day; the rest of the day's due accounts in one message.</summary>
public sealed class CallBudgetTests : IAsyncLifetime
{
    private CoachTestHost _host = null!;

    // Wed 2026-03-04 10:00 Berlin.
    public async Task InitializeAsync() => _host = await CoachTestHost.StartAsync(new DateTimeOffset(2026, 3, 4, 9, 0, 0, TimeSpan.Zero));

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private void At(int month, int day, int hour, int minute = 0) => _host.Time.SetUtcNow(new DateTimeOffset(2026, month, day, hour, minute, 0, TimeSpan.Zero));

    private List<Reply> SentTo(string user) => _host.Sender.Sent.Where(s => s.Address.Key == $"test|{user}").Select(s => s.Reply).ToList();

    private async Task AddAsync(string user, params string[] commands)
    {
        foreach (var command in commands) await _host.SayAsync(command, user);
    }

    [Fact]
    public async Task Planner_SendsThreeSinglesKeyAccountsFirst_AndBundlesTheRest_WhenSixAreDueTheSameDay()
    {
        await AddAsync("olga",
            "account add Alpha every 14 days", "account add Bravo every 14 days", "account add Charlie every 14 days",
            "account add Delta key", "account add Echo key", "account add Foxtrot every 14 days");
        foreach (var name in new[] { "Alpha", "Bravo", "Charlie", "Delta", "Echo", "Foxtrot" }) await _host.SayAsync($"called {name}");

        At(3, 18, 8);
        Assert.Equal(4, await _host.Dispatcher.RunAsync());
        Assert.Equal(0, await _host.Dispatcher.RunAsync());
        At(3, 18, 14);
        Assert.Equal(0, await _host.Dispatcher.RunAsync());

        var sent = SentTo("olga");
        Assert.Equal(4, sent.Count);
        Assert.StartsWith("Delta hasn't heard", sent[0].Card!.Title);
        Assert.StartsWith("Echo hasn't heard", sent[1].Card!.Title);
        Assert.StartsWith("Alpha hasn't heard", sent[2].Card!.Title);
        var bundle = sent[3].Card!;
        Assert.Equal("Also due a call today: 3 accounts", bundle.Title);
        Assert.Equal(["Bravo", "Charlie", "Foxtrot"], bundle.Lines.Take(3).Select(l => l.Split(" — ")[0]));
        Assert.Equal(["Called Bravo", "Called Charlie", "Called Foxtrot", "Why?"], bundle.Actions.Select(a => a.Label));
    }

    [Fact]
    public async Task Budget_IsPerPersonAndPerDay_WhenMoreComeDueTheNextDay()
    {
        await AddAsync("olga", "account add A1 every 14 days", "account add A2 every 14 days", "account add A3 every 14 days", "account add A4 every 14 days");
        await AddAsync("boris", "account add B1 every 14 days", "account add B2 every 14 days");
        foreach (var name in new[] { "A1", "A2", "A3", "A4" }) await _host.SayAsync($"called {name}");
        foreach (var name in new[] { "B1", "B2" }) await _host.SayAsync($"called {name}", "boris");
        At(3, 5, 9);
        await AddAsync("olga", "account add A5 every 13 days", "called A5"); // also due on Wed 18 Mar

        At(3, 18, 8);
        await _host.Dispatcher.RunAsync();

        Assert.Equal(4, SentTo("olga").Count);  // 3 singles + the bundle of 2
        Assert.Equal(2, SentTo("boris").Count); // Olga's budget is not Boris's
        Assert.Equal(2, await _host.WithDbAsync(db => db.Set<AccountCadence>().CountAsync(c => c.AnnouncedByKey == $"{CallNudgeKinds.Bundle}:1:2026-03-18")));
    }

    [Fact]
    public async Task BundleButton_LogsTheCall_AndTheAccountLeavesTheBundle()
    {
        await AddAsync("olga", "account add A1 every 7 days", "account add A2 every 7 days", "account add A3 every 7 days", "account add A4 every 7 days", "account add A5 every 7 days");
        foreach (var name in new[] { "A1", "A2", "A3", "A4", "A5" }) await _host.SayAsync($"called {name}");
        At(3, 11, 8);
        await _host.Dispatcher.RunAsync();
        var bundle = SentTo("olga")[^1].Card!;

        var called = bundle.Actions.First(a => a.Label == "Called A4");
        var reply = (await _host.PressAsync(called.Id, called.Payload.ToDictionary()))[^1];

        Assert.Equal("Logged: call with A4, 7 days after the last contact. Next one due by Wed 18 Mar.", reply.Text);
        Assert.True(reply.ForEveryone);
        var carried = await _host.WithDbAsync(db => db.Set<AccountCadence>().Include(c => c.Account).Where(c => c.AnnouncedByKey != null && c.AnnouncedByKey.StartsWith(CallNudgeKinds.Bundle)).Select(c => c.Account!.Name).ToListAsync());
        Assert.Equal(["A5"], carried);
    }
}
