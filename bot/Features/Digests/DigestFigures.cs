namespace AccountCoachBot.Features.Digests;

/// <summary>
/// What happened to promises due in a period, one outcome each (<see cref="PromiseOutcomes"/> says how one is
/// chosen): the outcomes add up to <see cref="Due"/>.
/// </summary>
public sealed record PromiseCounts(int Made, int Due, int KeptOnTime, int KeptLate, int MovedBeforeDue, int MovedAfterDue, int Cancelled, int StillOpen, int NotYetDue)
{
    public static readonly PromiseCounts Zero = new(0, 0, 0, 0, 0, 0, 0, 0, 0);

    public int Moved => MovedBeforeDue + MovedAfterDue;

    /// <summary>Kept on time ÷ due, or null when nothing was due.</summary>
    public double? OnTimeRate => Rate(KeptOnTime, Due);

    /// <summary>Moved before the due time ÷ all moved, or null when nothing was moved.</summary>
    public double? ToldInTimeRate => Rate(MovedBeforeDue, Moved);

    public static PromiseCounts operator +(PromiseCounts a, PromiseCounts b) => new(
        a.Made + b.Made, a.Due + b.Due, a.KeptOnTime + b.KeptOnTime, a.KeptLate + b.KeptLate, a.MovedBeforeDue + b.MovedBeforeDue,
        a.MovedAfterDue + b.MovedAfterDue, a.Cancelled + b.Cancelled, a.StillOpen + b.StillOpen, a.NotYetDue + b.NotYetDue);

    public static double? Rate(int part, int whole) => whole == 0 ? null : (double)part / whole;
}

/// <summary>An account past its cadence now, and for how long nobody has talked to it.</summary>
public sealed record ColdAccount(int AccountId, string Account, int OwnerId, bool Key, int CadenceDays, int DaysSinceContact, int OverduePromises);

/// <summary>Proactive calls, meetings and seed 004's account KPIs for one member or the team.</summary>
public sealed record AccountCounts(
    int CallsDue, int CallsInTime,
    int MeetingsHeld, int MeetingsPrepared, int MeetingsDebriefed,
    int Accounts, int RegularAccounts,
    int OwnedAtStart, int Lost)
{
    public static readonly AccountCounts Zero = new(0, 0, 0, 0, 0, 0, 0, 0, 0);

    public double? CallsInTimeRate => PromiseCounts.Rate(CallsInTime, CallsDue);
    public double? RegularShare => PromiseCounts.Rate(RegularAccounts, Accounts);
    public double? ChurnRate => PromiseCounts.Rate(Lost, OwnedAtStart);

    public static AccountCounts operator +(AccountCounts a, AccountCounts b) => new(
        a.CallsDue + b.CallsDue, a.CallsInTime + b.CallsInTime, a.MeetingsHeld + b.MeetingsHeld, a.MeetingsPrepared + b.MeetingsPrepared,
        a.MeetingsDebriefed + b.MeetingsDebriefed, a.Accounts + b.Accounts, a.RegularAccounts + b.RegularAccounts, a.OwnedAtStart + b.OwnedAtStart, a.Lost + b.Lost);
}

/// <summary>One period's on-time rate: a point of the trend.</summary>
public sealed record TrendPoint(DateOnly First, DateOnly Last, int Due, int KeptOnTime)
{
    public double? OnTimeRate => PromiseCounts.Rate(KeptOnTime, Due);
}

/// <summary>The coaching focus for one member: which figure, and the principle it rests on.</summary>
public sealed record CoachingFocus(FocusKind Kind, string PrincipleId, int Count, int OutOf);

public enum FocusKind
{
    MovedAfterDue = 0,
    Overdue = 1,
    CallsLate = 2,
    MeetingsUnprepared = 3,
    KeptLate = 4,
    NothingRecorded = 5,
    AllOnTime = 6,
    KeepGoing = 7,
}

/// <summary>One person's figures, or the team total (<see cref="PersonId"/> null).</summary>
public sealed record DigestFigures(
    int? PersonId,
    string Name,
    PromiseCounts Promises,
    AccountCounts Accounts,
    IReadOnlyList<TrendPoint> Trend,
    IReadOnlyList<ColdAccount> Cold,
    CoachingFocus? Focus)
{
    /// <summary>True when nothing happened: no promise made or due, no call due, no meeting, no account lost.</summary>
    public bool IsEmpty => Promises.Made == 0 && Promises.Due == 0 && Accounts.CallsDue == 0 && Accounts.MeetingsHeld == 0 && Accounts.Lost == 0;
}

/// <summary>A risk across the team: an account, its owner, and what makes it risky, with the score that ranked it.</summary>
public sealed record DigestRisk(int AccountId, string Account, int OwnerId, string Owner, bool Key, int CadenceDays, int DaysPastCadence, int DaysSinceContact, int OverduePromises, int Score);

/// <summary>A digest: the period, each member's figures, the total, and the biggest risks.</summary>
public sealed record Digest(
    DigestPeriod Period,
    DateTime ComputedUtc,
    string? Team,
    IReadOnlyList<DigestFigures> Members,
    DigestFigures Total,
    IReadOnlyList<DigestRisk> Risks);
