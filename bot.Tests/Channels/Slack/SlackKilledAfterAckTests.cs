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
/// next process on the same file must answer every one of them. The one whose turn was running at the kill is run
/// again at once: only one process runs on a SQLite file, so the next one frees what the killed one held, and the
/// person's later commands, which wait behind it, need not wait for its claim to lapse.
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
            // Olga met before the burst: a new person's first turn also brings the welcome, a second answer.
            Assert.Equal(HttpStatusCode.OK, await SlashCommandBurst.SendAsync(http, slack, Secret, User, "warm-up"));
            await SlashCommandBurst.AnsweredAsync(slack, ["warm-up"], first);
            var acks = await Task.WhenAll(triggers.Select(t => SlashCommandBurst.SendAsync(http, slack, Secret, User, t)));
            Assert.All(acks, status => Assert.Equal(HttpStatusCode.OK, status)); // each recorded before its ack
            await first.KillAsync();
            left = await PendingAsync(work);
            await using var db = Open(work);
            inFlight = await db.Inbox.Where(i => i.Status == InboxStatus.Pending && i.ClaimedUntilUtc != null)
                .Select(i => i.Key.Substring("command:".Length)).ToListAsync();
        }
        Assert.True(left > inFlight.Count, "every command was answered before the kill: the burst was too small to leave any behind");
        Assert.True(inFlight.Count <= 1, $"one person's requests share a lane, yet these were running at once: {string.Join(", ", inFlight)}");

        await using var second = BotProcess.Start("second", work.Directory, environment);
        await SlashCommandBurst.AnsweredAsync(slack, triggers, second);
        await using (var db = Open(work))
        {
            // Each recorded once, and run to the end: the one the kill cut short too, by the second process.
            await SlashCommandBurst.HandledAsync(() => InboxCounts.PendingAsync(db), second);
            var rows = await db.Inbox.Where(i => i.Key != "command:warm-up").Select(i => new { i.Key, i.Status }).ToListAsync();
            Assert.Equal(triggers.Select(t => $"command:{t}").Order(), rows.Select(r => r.Key).Order());
            Assert.All(rows, r => Assert.Equal(InboxStatus.Done, r.Status));
        }
        var twice = slack.CallsTo(FakeSlackApi.ResponseUrlMethod).Where(c => c.ResponseId != "warm-up").GroupBy(c => c.ResponseId).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(twice.Count <= inFlight.Count, $"answered twice: {string.Join(", ", twice)}; in flight at the kill: {string.Join(", ", inFlight)}");
    }

    private static async Task<int> PendingAsync(TestDatabase work)
    {
        await using var db = Open(work);
        return await InboxCounts.PendingAsync(db);
    }

    private static CoachDbContext Open(TestDatabase work) =>
        new(new DbContextOptionsBuilder<CoachDbContext>().UseSqlite(work.ConnectionString).Options);
}
