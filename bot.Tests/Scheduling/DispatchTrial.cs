using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AccountCoachBot.Data.Postgres;
using AccountCoachBot.Features.People;
using AccountCoachBot.Features.Promises;
using AccountCoachBot.Scheduling;
using AccountCoachBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AccountCoachBot.Tests.Scheduling;

/// <summary>
/// Due promise reminders seeded straight into a PostgreSQL database, half to Teams conversations (served by a
/// <see cref="FakeConnector"/>), half to Slack channels (a <see cref="FakeSlackApi"/>), and what the fakes saw of them.
/// Each reminder names its own promise (<c>Q00042z</c>), so a message seen twice is a nudge sent twice.
/// </summary>
public sealed partial class DispatchTrial(string connectionString, int nudges, int conversations)
{
    public int Nudges => nudges;

    public static PostgresCoachDbContext Open(string connectionString) =>
        new(new DbContextOptionsBuilder<PostgresCoachDbContext>().UseNpgsql(connectionString).Options);

    /// <summary>Creates the schema and the people, conversations, promises and due outbox rows.</summary>
    public async Task SeedAsync(string serviceUrl)
    {
        await using var db = Open(connectionString);
        await db.Database.MigrateAsync();
        var now = DateTime.UtcNow;
        var always = new WorkingHours(TimeOnly.MinValue, TimeOnly.MaxValue, Enum.GetValues<DayOfWeek>().ToHashSet());
        var zone = MiddayZone(now);
        Assert.Equal(TimeSpan.FromHours(12 - now.Hour), TimeZones.FindOrUtc(zone).GetUtcOffset(now)); // the system's tz database has it
        var people = new List<(Person Person, ConversationAddress Address)>();
        for (var c = 0; c < conversations; c++)
        {
            var person = new Person
            {
                DisplayName = $"Manager {c}", Welcomed = true, CreatedUtc = now, TimeZoneId = zone, TimeZoneSource = TimeZoneSource.Command,
                WorkStart = always.Start, WorkEnd = always.End, WorkDaysMask = always.DaysMask,
            };
            var teams = c % 2 == 0;
            var key = TeamsConversation(c);
            var address = teams
                ? new ConversationAddress
                {
                    Transport = "botframework", Key = $"msteams|{key}", UpdatedUtc = now,
                    ReferenceJson = new JsonObject
                    {
                        ["user"] = new JsonObject { ["id"] = $"29:user{c}" }, ["bot"] = new JsonObject { ["id"] = "28:bot" },
                        ["conversation"] = new JsonObject { ["id"] = key }, ["channelId"] = "msteams", ["serviceUrl"] = serviceUrl,
                    }.ToJsonString(),
                }
                : new ConversationAddress
                {
                    Transport = "slack", Key = $"slack|{FakeSlackApi.TeamId}|{SlackChannel(c)}", UpdatedUtc = now,
                    ReferenceJson = new JsonObject { ["team"] = FakeSlackApi.TeamId, ["channel"] = SlackChannel(c), ["user"] = $"U{c:D6}" }.ToJsonString(),
                };
            db.People.Add(person);
            people.Add((person, address));
        }
        await db.SaveChangesAsync();
        foreach (var (person, address) in people) address.PersonId = person.Id;
        db.Addresses.AddRange(people.Select(p => p.Address));
        await db.SaveChangesAsync();

        var promises = new List<(Promise Promise, ConversationAddress Address)>();
        for (var n = 0; n < nudges; n++)
        {
            var (person, address) = people[n % conversations];
            var number = ++person.LastPromiseNumber;
            person.LastAccountNumber = number;
            var name = $"Client {n}";
            var account = new Account { OwnerId = person.Id, Number = number, Name = name, NormalizedName = Account.Normalize(name), CreatedUtc = now };
            var promise = new Promise
            {
                OwnerId = person.Id, Number = number, Account = account, What = $"send the quote {Token(n)}", DueUtc = now, TimeZoneId = zone,
                Status = PromiseStatus.Open, CreatedUtc = now, AddressId = address.Id,
            };
            db.Promises.Add(promise);
            promises.Add((promise, address));
        }
        await db.SaveChangesAsync();
        db.Outbox.AddRange(promises.Select(p => new OutboxMessage
        {
            Kind = ReminderPolicy.DueKind, PersonId = p.Promise.OwnerId, SubjectId = PromiseScheduler.SubjectId(p.Promise), DueUtc = now,
            AddressId = p.Address.Id, Transport = p.Address.Transport, DedupeKey = ReminderPolicy.DedupeKey(ReminderPolicy.DueKind, p.Promise.Id, p.Promise.DueUtc),
            Status = OutboxStatus.Pending, CreatedUtc = now,
        }));
        await db.SaveChangesAsync();
    }

    /// <summary>
    /// A zone where it is about midday now, so that the reminders, due now, stay due "today" for the people however long
    /// the trial runs. Past their midnight, a reminder still waiting would be left to the next day's overdue list
    /// (<see cref="PromiseNudgeRenderer"/>), as the bot should, and the trial would count it lost.
    /// </summary>
    public static string MiddayZone(DateTime utcNow) => (12 - utcNow.Hour) switch
    {
        0 => "Etc/GMT",
        > 0 and var east => $"Etc/GMT-{east}", // POSIX signs: Etc/GMT-3 is three hours ahead of UTC
        var west => $"Etc/GMT+{-west}",
    };

    /// <summary>How many rows are sent, and whether the process with this id holds a claim right now.</summary>
    public async Task<(int Sent, int Left, bool Holds)> ProgressAsync(int? processId)
    {
        await using var db = Open(connectionString);
        var sent = await db.Outbox.CountAsync(o => o.Status == OutboxStatus.Sent);
        var left = await db.Outbox.CountAsync(o => o.Status == OutboxStatus.Pending || o.Status == OutboxStatus.Sending);
        var marker = $":{processId}:";
        var holds = processId is not null && await db.Outbox.AnyAsync(o => o.Status == OutboxStatus.Sending && o.ClaimedBy!.Contains(marker));
        return (sent, left, holds);
    }

    /// <summary>
    /// The outbox's rows changed by UPDATEs, as PostgreSQL counts them: claims, deferrals, sends. Read once the bots
    /// have exited, which flushed their counts.
    /// </summary>
    public async Task<long> OutboxUpdatesAsync()
    {
        await using var db = Open(connectionString);
        return await db.Database.SqlQuery<long>($"""SELECT n_tup_upd AS "Value" FROM pg_stat_user_tables WHERE relname = 'Outbox'""").SingleAsync();
    }

    public async Task<List<OutboxMessage>> RowsAsync()
    {
        await using var db = Open(connectionString);
        return await db.Outbox.AsNoTracking().ToListAsync();
    }

    public static string Token(int n) => $"Q{n.ToString("D5", CultureInfo.InvariantCulture)}z";

    private static string TeamsConversation(int c) => $"a:teams-{c:D4}";

    private static string SlackChannel(int c) => $"D{c:D8}";

    private static string? TokenIn(string json) => TokenPattern().Match(json) is { Success: true } m ? m.Value : null;

    [GeneratedRegex("Q[0-9]{5}z")]
    private static partial Regex TokenPattern();
}
