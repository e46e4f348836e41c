namespace AccountCoachBot.Features.People;

/// <summary>
/// When a person works: a daily window (end inclusive) on some days of the week, in their own zone.
/// Nudges wait for this window; a date without a time means the end of it.
/// </summary>
public sealed record WorkingHours(TimeOnly Start, TimeOnly End, IReadOnlySet<DayOfWeek> Days)
{
    public static readonly IReadOnlySet<DayOfWeek> Weekdays = new HashSet<DayOfWeek>
    {
        DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday,
    };

    public static WorkingHours Default { get; } = new(new TimeOnly(9, 0), new TimeOnly(18, 0), Weekdays);

    public bool IsWorkday(DayOfWeek day) => Days.Contains(day);

    public bool Contains(DateTime local) =>
        IsWorkday(local.DayOfWeek) && TimeOnly.FromDateTime(local) >= Start && TimeOnly.FromDateTime(local) <= End;

    /// <summary>Encodes the days as a bit mask (bit 0 = Sunday), the way they are stored.</summary>
    public int DaysMask => Days.Aggregate(0, (mask, d) => mask | (1 << (int)d));

    public static IReadOnlySet<DayOfWeek> DaysFromMask(int mask) =>
        Enum.GetValues<DayOfWeek>().Where(d => (mask & (1 << (int)d)) != 0).ToHashSet();
}
