using System.Net;
using AccountCoachBot.Channels.Inbox;
using AccountCoachBot.Channels.Slack;
using AccountCoachBot.Data.Postgres;
using AccountCoachBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AccountCoachBot.Tests.Channels.Slack;

/// <summary>
/// Two instances on one PostgreSQL, each a process of its own. One acknowledges a burst of slash commands and is killed
/// with SIGKILL right after; Slack never sends an acknowledged command again, so the other instance, running all along,
/// must answer every one of them. The one whose turn was running at the kill, and Olga's later commands behind it,
/// wait until its claim, no longer renewed, lapses (<see cref="InboxProcessor.ClaimLapse"/>); then the survivor's
/// sweep runs them all.
/// </summary>
[OnPostgres]
public sealed class SlackKilledAfterAckPostgresTests(PostgresDatabase postgres) : IClassFixture<PostgresDatabase>
{
    private const string Secret = "kill-ack-pg-secret";
    private const int Commands = 300; // turns of one conversation run one at a time: enough that the kill leaves some
    private const string User = "U0OLGA";

    // The dead instance's claim lapses within half a minute, and the survivor sweeps every half minute: the hang
    // guard allows for twice that.
    private static readonly TimeSpan Within = InboxProcessor.ClaimLapse * 4;

    [DbFact]
    public async Task AckedCommands_AreAnsweredByTheOtherInstance_WhenTheOneThatAckedThemIsKilled()
    {
        await using var slack = await FakeSlackApi.StartAsync("xoxb-kill-ack-pg");
        slack.AddUser(new SlackUserSeed(User, "olga", Tz: "Europe/Berlin", Email: "olga@example.com", RealName: "Olga Petrova"));
        using var work = new TestDatabase(); // a working directory for the processes
        var environment = BotProcess.SlackEnvironment(slack, "xoxb-kill-ack-pg", Secret, postgres.ConnectionString, postgres: true);
        var triggers = Enumerable.Range(0, Commands).Select(i => $"trig-{i:00}").ToList();
        await using var survivor = BotProcess.Start("survivor", work.Directory, environment);
        using (var first = new HttpClient { BaseAddress = await survivor.ListeningAtAsync() })
        {
            // Up and migrated before the burst, and Olga met: a new person's first turn also brings the welcome.
            Assert.Equal(HttpStatusCode.OK, await SlashCommandBurst.SendAsync(first, slack, Secret, User, "warm-up"));
            await SlashCommandBurst.AnsweredAsync(slack, ["warm-up"], survivor);
        }

        int left;
        List<string> inFlight;
        await using (var victim = BotProcess.Start("victim", work.Directory, environment))
        {
            using var http = new HttpClient { BaseAddress = await victim.ListeningAtAsync() };
            var acks = await Task.WhenAll(triggers.Select(t => SlashCommandBurst.SendAsync(http, slack, Secret, User, t)));
            Assert.All(acks, status => Assert.Equal(HttpStatusCode.OK, status)); // each recorded before its ack
            await victim.KillAsync();
            await using var db = Open();
            var pending = await db.Inbox.Where(i => i.Status == InboxStatus.Pending).Select(i => new { i.Key, i.ClaimedBy, i.ClaimedUntilUtc }).ToListAsync();
            left = pending.Count;
            // A turn the kill cut short: still claimed by the dead instance (an instance's claims name its process id).
            inFlight = pending.Where(p => p.ClaimedUntilUtc != null && p.ClaimedBy != null && p.ClaimedBy.Contains($"/{victim.Id}/"))
                .Select(p => p.Key["command:".Length..]).ToList();
        }
        Assert.True(left > inFlight.Count, "every command was answered before the kill: the burst was too small to leave any behind");

        await SlashCommandBurst.AnsweredAsync(slack, triggers, survivor, Within);

        await using (var db = Open())
        {
            await SlashCommandBurst.HandledAsync(() => db.Inbox.CountAsync(i => i.Status == InboxStatus.Pending), survivor);
            var rows = await db.Inbox.Where(i => i.Key != "command:warm-up").Select(i => new { i.Key, i.Status }).ToListAsync();
            Assert.Equal(triggers.Select(t => $"command:{t}").Order(), rows.Select(r => r.Key).Order()); // each recorded once
            Assert.All(rows, r => Assert.Equal(InboxStatus.Done, r.Status)); // the one the kill cut short too
        }
        var twice = slack.CallsTo(FakeSlackApi.ResponseUrlMethod).Where(c => c.ResponseId != "warm-up")
            .GroupBy(c => c.ResponseId).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(twice.Count <= inFlight.Count, $"answered twice: {string.Join(", ", twice)}; in flight at the kill: {string.Join(", ", inFlight)}; left pending at the kill: {left}\n{survivor.Log}");
    }

    private PostgresCoachDbContext Open() =>
        new(new DbContextOptionsBuilder<PostgresCoachDbContext>().UseNpgsql(postgres.ConnectionString).Options);
}
