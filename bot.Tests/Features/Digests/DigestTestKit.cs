using AccountCoachBot.Data;
using AccountCoachBot.Features.MeetingPrep;
using AccountCoachBot.Features.People;
using AccountCoachBot.Features.ProactiveCalls;
using AccountCoachBot.Features.Promises;

namespace AccountCoachBot.Tests.Features.Digests;

/// <summary>Hand-built records for the digest tests: people, accounts, promises with their history, contacts, meetings.</summary>
internal sealed class DigestTestKit(CoachDbContext db)
{
    private int _promiseNumber;
    private int _accountNumber;
    private int _meetingNumber;

    public static DateTime Utc(int m, int d, int h = 0, int min = 0, int y = 2026) => new(y, m, d, h, min, 0, DateTimeKind.Utc);

    public Person Person(string name, string zone)
    {
        var person = new Person { DisplayName = name, TimeZoneId = zone, CreatedUtc = Utc(1, 1) };
        db.People.Add(person);
        db.SaveChanges();
        return person;
    }

    public Account Account(Person owner, string name, AccountTier tier = AccountTier.Standard, DateTime? started = null, DateTime? lastContact = null, DateTime? lost = null)
    {
        var account = new Account { OwnerId = owner.Id, Number = ++_accountNumber, Name = name, NormalizedName = global::AccountCoachBot.Features.People.Account.Normalize(name), CreatedUtc = started ?? Utc(10, 1), LostUtc = lost, LostReason = lost is null ? null : "price" };
        db.Accounts.Add(account);
        db.SaveChanges();
        db.Set<AccountCadence>().Add(new AccountCadence { AccountId = account.Id, Tier = tier, StartedUtc = started ?? Utc(10, 1), LastContactUtc = lastContact, NextCheckUtc = Utc(12, 31) });
        db.SaveChanges();
        return account;
    }

    public void Contact(Account account, DateTime at, TouchKind kind = TouchKind.Call)
    {
        db.Set<Touch>().Add(new Touch { AccountId = account.Id, PersonId = account.OwnerId, Kind = kind, AtUtc = at });
        db.SaveChanges();
    }

    /// <summary>A promise made at <paramref name="created"/> due at <paramref name="due"/>; then moves (at, new due), then done or cancelled.</summary>
    public Promise Promise(Account account, DateTime created, DateTime due, (DateTime At, DateTime NewDue)[]? moves = null, DateTime? done = null, DateTime? cancelled = null)
    {
        var promise = new Promise
        {
            OwnerId = account.OwnerId, Number = ++_promiseNumber, AccountId = account.Id, What = "secret text", CreatedUtc = created, DueUtc = due,
            History = [new PromiseEvent { Kind = PromiseEventKind.Created, AtUtc = created, NewDueUtc = due }],
        };
        foreach (var (at, newDue) in moves ?? [])
        {
            promise.History.Add(new PromiseEvent { Kind = PromiseEventKind.Moved, AtUtc = at, OldDueUtc = promise.DueUtc, NewDueUtc = newDue, Reason = "why" });
            promise.DueUtc = newDue;
        }
        if (done is { } d)
        {
            promise.Status = PromiseStatus.Done;
            promise.ClosedUtc = d;
            promise.History.Add(new PromiseEvent { Kind = PromiseEventKind.Done, AtUtc = d });
        }
        if (cancelled is { } c)
        {
            promise.Status = PromiseStatus.Cancelled;
            promise.ClosedUtc = c;
            promise.History.Add(new PromiseEvent { Kind = PromiseEventKind.Cancelled, AtUtc = c });
        }
        db.Promises.Add(promise);
        db.SaveChanges();
        return promise;
    }

    public void Meeting(Account account, DateTime start, DateTime? prepared = null, DateTime? debriefed = null, bool cancelled = false)
    {
        db.Set<Meeting>().Add(new Meeting
        {
            OwnerId = account.OwnerId, Number = ++_meetingNumber, AccountId = account.Id, StartUtc = start, EndUtc = start.AddHours(1), CreatedUtc = start.AddDays(-3),
            PreparedUtc = prepared, DebriefedUtc = debriefed, Status = cancelled ? MeetingStatus.Cancelled : MeetingStatus.Scheduled,
            CancelledUtc = cancelled ? start.AddDays(-1) : null,
        });
        db.SaveChanges();
    }
}
