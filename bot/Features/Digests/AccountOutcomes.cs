using AccountCoachBot.Features.People;
using AccountCoachBot.Features.ProactiveCalls;

namespace AccountCoachBot.Features.Digests;

/// <summary>An account as the digest reads it: owner, name, cadence, and whether and when it was lost.</summary>
public sealed record AccountRow(
    int Id, int OwnerId, string Name, DateTime CreatedUtc, DateTime? LostUtc, DateTime? WonBackUtc,
    AccountTier Tier, int? CadenceDays, DateTime? StartedUtc, DateTime? LastContactUtc)
{
    public int Days => CadenceDays ?? CallCadence.DefaultDays(Tier);
    public bool Key => Tier == AccountTier.Key;
    public bool LostAt(DateTime utc) => Account.IsLostAt(LostUtc, WonBackUtc, utc);
}

/// <summary>
/// The account figures, on the owner's calendar and working hours (the same arithmetic as the call nudges):
/// <list type="bullet">
/// <item>A <b>call falls due</b> when the time since a contact (or since tracking began) reaches the account's cadence:
/// the instant its nudge would be due. It is <b>in time</b> when the next contact came at or before that instant.
/// An account counts once among those due in a period, and as in time when every one of its dues there was.</item>
/// <item><b>Cold now</b>: past its cadence at this moment (a snooze does not warm it).</item>
/// <item><b>Regular</b> (seed 004's Kпост): at least one contact in each of the last three cadence-long cycles before the
/// period's end. The share is of all accounts owned then, new ones included (Kобщ): a client becomes regular by
/// being contacted regularly, which is in the owner's hands.</item>
/// <item><b>Churn</b>: accounts marked lost in the period (and not won back within it) ÷ accounts owned at its start.</item>
/// </list>
/// Cadence changes are not kept in history: past periods are read with today's cadence.
/// </summary>
public static class AccountOutcomes
{
    public const int RegularCycles = 3;

    // How far the exact due instant can be from "base + days": a day back to local midnight (and a DST hour), up to a
    // day to the start of working hours plus a week of days off. Outside these, no zone arithmetic is needed.
    private const int RoughBefore = 2;
    private const int RoughAfter = 9;

    /// <summary>Dues in the period and whether all were met; <paramref name="contacts"/> ascending.</summary>
    public static (bool Due, bool InTime) Calls(AccountRow account, ReadOnlySpan<DateTime> contacts, TimeZoneInfo zone, WorkingHours hours,
        DateTime startUtc, DateTime endUtc, DateTime nowUtc)
    {
        var due = false;
        var inTime = true;
        var lastEnd = endUtc < nowUtc ? endUtc : nowUtc;
        var lostEnd = account.LostAt(nowUtc) ? account.LostUtc!.Value : DateTime.MaxValue;
        // The chain starts when tracking began, or at an earlier contact (an imported last-contact date).
        var started = account.StartedUtc ?? account.CreatedUtc;
        var baseUtc = contacts.Length > 0 && contacts[0] < started ? contacts[0] : started;
        var i = 0;
        while (true)
        {
            // The exact due instant (calendar days in the zone, then the next working morning) lies within
            // [base + days − 2 d, base + days + 9 d]: skip the zone arithmetic while it is surely before the period.
            var rough = baseUtc.AddDays(account.Days);
            if (rough.AddDays(RoughAfter) < startUtc)
            {
                while (i < contacts.Length && contacts[i] <= baseUtc) i++;
                if (i >= contacts.Length) break;
                baseUtc = contacts[i];
                continue;
            }
            if (rough.AddDays(-RoughBefore) >= lastEnd) break;
            var deadline = CallCadence.DueUtc(baseUtc, account.Days, zone, hours);
            if (deadline >= lastEnd || deadline >= lostEnd) break;
            while (i < contacts.Length && contacts[i] <= baseUtc) i++;
            var next = i < contacts.Length ? contacts[i] : (DateTime?)null;
            if (deadline >= startUtc)
            {
                due = true;
                if (next is null || next > deadline) inTime = false;
            }
            if (next is null) break;
            baseUtc = next.Value;
        }
        return (due, due && inTime);
    }

    /// <summary>Regular: a contact in each of the last <see cref="RegularCycles"/> cycles before <paramref name="endUtc"/>; <paramref name="contacts"/> ascending.</summary>
    public static bool Regular(AccountRow account, ReadOnlySpan<DateTime> contacts, DateTime endUtc)
    {
        var cycle = TimeSpan.FromDays(account.Days);
        for (var k = 1; k <= RegularCycles; k++)
        {
            var from = endUtc - cycle * k;
            var to = endUtc - cycle * (k - 1);
            var any = false;
            foreach (var c in contacts)
                if (c >= from && c < to) { any = true; break; }
            if (!any) return false;
        }
        return true;
    }

    /// <summary>Past its cadence now: how many days since the last contact, or null when it is not cold.</summary>
    public static int? ColdDays(AccountRow account, TimeZoneInfo zone, WorkingHours hours, DateTime nowUtc)
    {
        if (account.LostAt(nowUtc)) return null;
        var baseUtc = account.LastContactUtc ?? account.StartedUtc ?? account.CreatedUtc;
        var rough = baseUtc.AddDays(account.Days);
        if (nowUtc < rough.AddDays(-RoughBefore)) return null;
        if (nowUtc <= rough.AddDays(RoughAfter) && nowUtc < CallCadence.DueUtc(baseUtc, account.Days, zone, hours)) return null;
        return Math.Max(0, CallCadence.DaysBetween(baseUtc, nowUtc, zone));
    }
}
