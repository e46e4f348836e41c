using AccountCoachBot.Data;
using AccountCoachBot.Features.MeetingPrep;
using AccountCoachBot.Features.People;
using AccountCoachBot.Features.ProactiveCalls;
using AccountCoachBot.Features.Promises;
using Microsoft.EntityFrameworkCore;

namespace AccountCoachBot.Bench;

/// <summary>
/// A year of a 50-person team: 100 accounts each (5,000), 2,000 promises each (100,000, a fifth moved once or twice,
/// most kept), 1,000 contacts each (50,000) and 100 meetings each. Deterministic (fixed seed), written once to a file
/// that later runs reuse.
/// </summary>
public static class BenchData
{
    public const int People = 50;
    public const int AccountsEach = 100;
    public const int PromisesEach = 2_000;
    public const int TouchesEach = 1_000;
    public const int MeetingsEach = 100;
    public static readonly DateTime Now = new(2026, 12, 1, 10, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime YearAgo = Now.AddDays(-365);

    public static async Task SeedAsync(Func<CoachDbContext> open)
    {
        var random = new Random(20261201);
        string[] zones = ["Europe/Berlin", "Europe/Moscow", "America/New_York", "Asia/Tokyo", "UTC"];
        var personIds = new List<int>();
        await using (var db = open())
        {
            for (var p = 0; p < People; p++)
                db.People.Add(new Person { DisplayName = $"Manager {p:00}", TimeZoneId = zones[p % zones.Length], CreatedUtc = YearAgo, Email = $"m{p}@example.com",
                    LastPromiseNumber = PromisesEach, LastAccountNumber = AccountsEach, LastMeetingNumber = MeetingsEach });
            await db.SaveChangesAsync();
            personIds.AddRange(await db.People.Select(p => p.Id).ToListAsync());
        }

        foreach (var personId in personIds)
        {
            await using var db = open();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            var accounts = new List<Account>();
            for (var a = 1; a <= AccountsEach; a++)
            {
                var created = YearAgo.AddDays(random.Next(0, 200));
                var account = new Account { OwnerId = personId, Number = a, Name = $"Client {personId}-{a}", NormalizedName = $"CLIENT {personId}-{a}", CreatedUtc = created };
                if (random.Next(40) == 0) { account.LostUtc = created.AddDays(random.Next(30, 150)); account.LostReason = "price"; }
                accounts.Add(account);
                db.Accounts.Add(account);
            }
            await db.SaveChangesAsync();
            foreach (var account in accounts)
            {
                var key = random.Next(5) == 0;
                db.Set<AccountCadence>().Add(new AccountCadence { AccountId = account.Id, Tier = key ? AccountTier.Key : AccountTier.Standard, StartedUtc = account.CreatedUtc,
                    LastContactUtc = Now.AddDays(-random.Next(1, 60)), NextCheckUtc = Now });
            }
            for (var t = 0; t < TouchesEach; t++)
            {
                var account = accounts[random.Next(accounts.Count)];
                db.Set<Touch>().Add(new Touch { AccountId = account.Id, PersonId = personId, Kind = random.Next(10) == 0 ? TouchKind.Skipped : TouchKind.Call,
                    AtUtc = YearAgo.AddMinutes(random.Next(0, 365 * 24 * 60)) });
            }
            for (var m = 1; m <= MeetingsEach; m++)
            {
                var start = YearAgo.AddHours(random.Next(0, 365 * 24));
                db.Set<Meeting>().Add(new Meeting { OwnerId = personId, Number = m, AccountId = accounts[random.Next(accounts.Count)].Id, StartUtc = start, EndUtc = start.AddHours(1),
                    CreatedUtc = start.AddDays(-3), PreparedUtc = random.Next(3) == 0 ? null : start.AddHours(-random.Next(-2, 20)), DebriefedUtc = random.Next(2) == 0 ? start.AddHours(2) : null });
            }
            for (var n = 1; n <= PromisesEach; n++)
            {
                var created = YearAgo.AddMinutes(random.Next(0, 360 * 24 * 60));
                var due = created.AddHours(random.Next(4, 24 * 14));
                var promise = new Promise { OwnerId = personId, Number = n, AccountId = accounts[random.Next(accounts.Count)].Id, What = "send the quote", CreatedUtc = created, DueUtc = due,
                    History = [new PromiseEvent { Kind = PromiseEventKind.Created, AtUtc = created, NewDueUtc = due }] };
                var moves = random.Next(10) switch { 0 => 2, 1 => 1, _ => 0 };
                var movedAt = created;
                for (var i = 0; i < moves; i++)
                {
                    var at = promise.DueUtc.AddHours(random.Next(-48, 24));
                    if (at < created) at = created;
                    var next = at.AddDays(random.Next(1, 10));
                    // Never before the move before it: the bot records each move at its own turn's time.
                    if (at < movedAt) at = movedAt;
                    movedAt = at;
                    promise.History.Add(new PromiseEvent { Kind = PromiseEventKind.Moved, AtUtc = at, OldDueUtc = promise.DueUtc, NewDueUtc = next, Reason = "waiting for legal" });
                    promise.DueUtc = next;
                }
                var fate = random.Next(20);
                if (promise.DueUtc < Now && fate < 17)
                {
                    promise.Status = PromiseStatus.Done;
                    promise.ClosedUtc = promise.DueUtc.AddHours(random.Next(-72, fate < 14 ? 0 : 48));
                }
                else if (fate == 17)
                {
                    promise.Status = PromiseStatus.Cancelled;
                    promise.ClosedUtc = created.AddDays(1);
                }
                db.Promises.Add(promise);
            }
            await db.SaveChangesAsync();
        }
    }
}
