using System.Net;
using AccountCoachBot.Channels.Inbox;
using AccountCoachBot.Channels.Slack;
using AccountCoachBot.Data;
using AccountCoachBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AccountCoachBot.Tests.Channels.Slack;

/// <summary>
/// The bot as a process of its own on SQLite, killed with SIGKILL right after it acknowledged a burst of slash
/// commands, most of them still in <see cref="InboxArrivals"/>. Slack never sends an acknowledged command again, so the
/// next process on the same file must answer every one of them. The one whose turn was running at the kill stays
/// claimed by the dead process until its claim lapses (<see cref="InboxProcessor.ClaimLapse"/>, minutes), then runs.
/// </summary>
public sealed class SlackKilledAfterAckTests
{
    private const string Secret = "kill-ack-secret";
    private const int Commands = 60;
    private const string User = "U0OLGA";

    [Fact]
    public async Task AckedCommands_AreAllAnswered_WhenTheProcessIsKilledRightAfterTheAcks()
    {
        await using var slack = await FakeSlackApi.StartAsync("xoxb-kill-ack");
        slack.AddUser(new SlackUserSeed(User, "olga", Tz: "Europe/Berlin", Email: "olga@example.com", RealName: "Olga Petrova"));
        using var work = new TestDatabase();
        var environment = BotProcess.SlackEnvironment(slack, "xoxb-kill-ack", Secret, work.ConnectionString);
        var triggers = Enumerable.Range(0, Commands).Select(i => $"trig-{i:00}").ToList();

        int left;
        List<string> inFlight;
        await using (var first = BotProcess.Start("first", work.Directory, environment))
        {
            using var http = new HttpClient { BaseAddress = await first.ListeningAtAsync() };
            var acks = await Task.WhenAll(triggers.Select(t => SlashCommandBurst.SendAsync(http, slack, Secret, User, t)));
            Assert.All(acks, status => Assert.Equal(HttpStatusCode.OK, status)); // each recorded before its ack
            await first.KillAsync();
            left = await PendingAsync(work);
            await using var db = Open(work);
            inFlight = await db.Inbox.Where(i => i.Status == InboxStatus.Pending && i.ClaimedUntilUtc != null)
                .Select(i => i.Key.Substring("command:".Length)).ToListAsync();
        }
        Assert.True(left > inFlight.Count, "every command was answered before the kill: the burst was too small to leave any behind");
        Assert.True(inFlight.Count <= 1, $"Slack's requests share one lane, yet these were running at once: {string.Join(", ", inFlight)}");

        await using var second = BotProcess.Start("second", work.Directory, environment);
        await SlashCommandBurst.AnsweredAsync(slack, triggers.Except(inFlight).ToList(), second);

        await using (var db = Open(work))
        {
            var rows = await db.Inbox.Select(i => new { i.Key, i.Status }).ToListAsync();
            // Each recorded once; run, or (the turn the kill cut short) left for when its claim lapses.
            Assert.Equal(triggers.Select(t => $"command:{t}").Order(), rows.Select(r => r.Key).Order());
            Assert.All(rows, r => Assert.Equal(inFlight.Contains(r.Key["command:".Length..]) ? InboxStatus.Pending : InboxStatus.Done, r.Status));
        }
    }

    private static async Task<int> PendingAsync(TestDatabase work)
    {
        await using var db = Open(work);
        return await InboxCounts.PendingAsync(db);
    }

    private static CoachDbContext Open(TestDatabase work) =>
        new(new DbContextOptionsBuilder<CoachDbContext>().UseSqlite(work.ConnectionString).Options);
}
