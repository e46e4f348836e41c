using AccountCoachBot.Features.Promises.Parsing;

namespace AccountCoachBot.Tests.Features.Promises.Parsing;

public class ZonedTimeTests
{
    private static readonly TimeZoneInfo Berlin = TestContexts.Berlin;

    [Theory]
    [InlineData("2026-03-28T12:00:00", "2026-03-28T12:00:00+01:00")]
    [InlineData("2026-03-29T01:59:00", "2026-03-29T01:59:00+01:00")]
    [InlineData("2026-03-29T03:00:00", "2026-03-29T03:00:00+02:00")]
    [InlineData("2026-03-29T12:00:00", "2026-03-29T12:00:00+02:00")]
    [InlineData("2026-10-25T03:00:00", "2026-10-25T03:00:00+01:00")]
    [InlineData("2026-10-26T12:00:00", "2026-10-26T12:00:00+01:00")]
    public void FromLocal_UsesTheZonesRealOffset_WhenWallTimeIsUnambiguous(string local, string expected)
    {
        var result = ZonedTime.FromLocal(DateTime.Parse(local), Berlin);

        Assert.Equal(expected, TestContexts.Iso(result));
    }

    [Fact]
    public void FromLocal_ShiftsForwardByTheGap_WhenWallTimeDoesNotExist()
    {
        // 02:30 on 2026-03-29 is skipped in Berlin (02:00 → 03:00): read with the winter offset it is 03:30 summer time.
        var result = ZonedTime.FromLocal(new DateTime(2026, 3, 29, 2, 30, 0), Berlin);

        Assert.Equal("2026-03-29T03:30:00+02:00", TestContexts.Iso(result));
    }

    [Fact]
    public void FromLocal_PicksTheFirstInstant_WhenWallTimeHappensTwice()
    {
        // 02:30 on 2026-10-25 happens at +02:00 and again at +01:00: the first one counts.
        var result = ZonedTime.FromLocal(new DateTime(2026, 10, 25, 2, 30, 0), Berlin);

        Assert.Equal("2026-10-25T02:30:00+02:00", TestContexts.Iso(result));
        Assert.Equal(new DateTimeOffset(2026, 10, 25, 0, 30, 0, TimeSpan.Zero), result);
    }

    [Fact]
    public void ToLocal_ReadsTheWallClock_WhenInstantHasAnotherOffset()
    {
        var local = ZonedTime.ToLocal(new DateTimeOffset(2026, 3, 4, 10, 0, 0, TimeSpan.Zero), Berlin);

        Assert.Equal(new DateTime(2026, 3, 4, 11, 0, 0), local);
        Assert.Equal(DateTimeKind.Unspecified, local.Kind);
    }
}
