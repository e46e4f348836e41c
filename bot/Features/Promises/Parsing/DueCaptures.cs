namespace AccountCoachBot.Features.Promises.Parsing;

internal enum Meridiem
{
    None,
    Am,
    Pm,
}

/// <summary>How sure we are that a number is a clock time: "3" (bare), «9 часов» (worded), "3pm"/"15:00" (strong).</summary>
internal enum ClockCertainty
{
    Bare,
    Worded,
    Strong,
}

internal readonly record struct ClockTime(int Hour, int Minute, Meridiem Meridiem, ClockCertainty Certainty);

/// <summary>What the slots of a due pattern captured.</summary>
internal readonly record struct DueCaptures(
    DayOfWeek? Weekday = null,
    int? Month = null,
    int? Day = null,
    int? Year = null,
    int? Count = null,
    DueUnit? Unit = null,
    ClockTime? Clock = null);
