using AccountCoachBot.Conversation;
using AccountCoachBot.Features.Digests;
using AccountCoachBot.Features.People;
using AccountCoachBot.Features.Teams;
using AccountCoachBot.Scheduling;
using AccountCoachBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AccountCoachBot.Tests.Features.Digests;

/// <summary>
/// The lead's `pause` holds the team's Monday digest wherever it goes: in the lead's own chat and in the team's
/// channel alike the paused week is dropped (not sent after `resume`), and the next week's comes as usual.
/// </summary>
public sealed class DigestPauseTests
{
    private static readonly DateOnly Week = new(2026, 11, 23);                 // Mon 23 – Sun 29 Nov
    private static readonly DateTime Sunday = new(2026, 11, 29, 10, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Monday0900Berlin = new(2026, 11, 30, 8, 0, 0, DateTimeKind.Utc);
    private const string ChannelKey = "test|channel-sales-east";

    private static async Task<CoachTestHost> LeadAsync(bool toChannel, string locale)
    {
        var host = await CoachTestHost.StartAsync(new DateTimeOffset(Sunday));
        await host.SayAsync("hello", "anna", email: "anna@example.com", locale: locale);
        await host.WithDbAsync(async db =>
        {
            var teamId = await DigestScheduleKit.SeedTeamAsync(db, "anna", Week);
            // The next week has work too, so its digest is not skipped as empty.
            var kit = new DigestTestKit(db);
            var vera = kit.Person("Vera", "Europe/Berlin");
            var tuesday = DigestTestKit.Utc(12, 1, 12);
            kit.Promise(kit.Account(vera, "Globex", started: tuesday.AddDays(-30)), tuesday.AddDays(-5), tuesday.AddHours(4), done: tuesday);
            db.Set<TeamMember>().Add(new TeamMember { TeamId = teamId, PersonId = vera.Id, AddedUtc = Sunday, ToldUtc = Sunday });
            await db.SaveChangesAsync();
            if (!toChannel) return 0;
            var lead = await db.People.SingleAsync(p => p.DisplayName == "anna");
            var channel = new ConversationAddress { Transport = CoachTestHost.Transport, Key = ChannelKey, ReferenceJson = "{}", PersonId = lead.Id, IsShared = true, UpdatedUtc = Sunday };
            db.Addresses.Add(channel);
            await db.SaveChangesAsync();
            db.Set<DigestDelivery>().Add(new DigestDelivery { TeamId = teamId, AddressId = channel.Id, UpdatedUtc = Sunday });
            return await db.SaveChangesAsync();
        });
        return host;
    }

    private static async Task RunAtAsync(CoachTestHost host, DateTime utc)
    {
        host.Time.SetUtcNow(new DateTimeOffset(utc));
        await host.Dispatcher.RunAsync();
        await host.Dispatcher.RunAsync();
    }

    /// <summary>Digests sent, in either language: the one reply that carries a chart.</summary>
    private static List<ConversationAddress> SalesEastDigests(CoachTestHost host) =>
        host.Sender.Sent.Where(s => s.Reply.Image is not null && s.Reply.Card?.Title.Contains("Sales East", StringComparison.Ordinal) == true).Select(s => s.Address).ToList();

    [Theory]
    [InlineData(true, "en-US", "pause", "resume")]
    [InlineData(false, "en-US", "pause", "resume")]
    [InlineData(true, "ru-RU", "пауза", "продолжить")]
    [InlineData(false, "ru-RU", "пауза", "продолжить")]
    public async Task Dispatcher_DropsThePausedLeadsDigest_InTheirChatAndTheTeamChannelAlike(bool toChannel, string locale, string pause, string resume)
    {
        await using var host = await LeadAsync(toChannel, locale);
        await host.SayAsync(pause, "anna", locale: locale);

        await RunAtAsync(host, Monday0900Berlin);
        Assert.Empty(SalesEastDigests(host));

        // Back within the day the digest may still be sent late: it stays dropped, as every nudge of a pause is.
        host.Time.SetUtcNow(new DateTimeOffset(Monday0900Berlin.AddHours(1)));
        await host.SayAsync(resume, "anna", locale: locale);
        await RunAtAsync(host, Monday0900Berlin.AddHours(2));
        Assert.Empty(SalesEastDigests(host));
        var paused = Assert.Single(await host.WithDbAsync(db => db.Outbox.Where(o => o.Kind == DigestNudges.Kind && o.SubjectId!.EndsWith("2026-11-23")).ToListAsync()),
            o => o.Status == OutboxStatus.Skipped && o.LastError == "paused");

        await RunAtAsync(host, Monday0900Berlin.AddDays(7));
        var next = Assert.Single(SalesEastDigests(host));
        Assert.Equal(toChannel ? ChannelKey : "test|anna", next.Key);
        Assert.Equal(next.Id, paused.AddressId); // the paused week was addressed where the next one went
    }
}
