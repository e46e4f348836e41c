using AccountCoachBot.Features.Digests;
using static AccountCoachBot.Tests.Features.Digests.DigestTestKit;

namespace AccountCoachBot.Tests.Features.Digests;

/// <summary>The digest's own reading of SQLite's date text: to the tick what EF Core writes, and nothing else.</summary>
public sealed class DigestRowsTests
{
    [Theory]
    [InlineData("2026-11-29 23:00:00", 0L)]
    [InlineData("2026-11-29 23:00:00.5", 5_000_000L)]
    [InlineData("2026-11-29 23:00:00.0000001", 1L)]
    [InlineData("2026-11-29 23:00:00.1234567", 1_234_567L)]
    [InlineData("2026-11-29 23:00:00.05", 500_000L)]
    public void TryParseSqlite_ReadsTheTextEfCoreWrites_ToTheTick(string text, long fractionTicks)
    {
        Assert.True(DigestRows.TryParseSqlite(text, out var value));

        Assert.Equal(Utc(11, 29, 23).AddTicks(fractionTicks), value);
        Assert.Equal(DateTimeKind.Utc, value.Kind);
    }

    [Theory]
    [InlineData("2026-11-29T23:00:00")]
    [InlineData("2026-11-29 23:00:00.")]
    [InlineData("2026-11-29 23:00:00.12345678")]
    [InlineData("2026-02-30 23:00:00")]
    [InlineData("2026-11-29 24:00:00")]
    [InlineData("2026-11-29 23:00:00Z")]
    [InlineData("2026-11-29")]
    public void TryParseSqlite_LeavesAnyOtherText_ToTheProvider(string text)
    {
        Assert.False(DigestRows.TryParseSqlite(text, out _));
    }

    [Fact]
    public void TryParseSqlite_AgreesWithDateTimeParse_OnTheFormatEfCoreWrites()
    {
        var random = new Random(20261201);
        for (var i = 0; i < 10_000; i++)
        {
            var expected = new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddTicks(random.NextInt64(TimeSpan.TicksPerDay * 366 * 50));
            var text = expected.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", System.Globalization.CultureInfo.InvariantCulture).TrimEnd('.');

            Assert.True(DigestRows.TryParseSqlite(text, out var value), text);
            Assert.Equal(expected, value);
        }
    }
}
