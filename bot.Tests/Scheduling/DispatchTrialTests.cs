using AccountCoachBot.Features.People;

namespace AccountCoachBot.Tests.Scheduling;

public sealed class DispatchTrialTests
{
    /// <summary>The trials' people live where it is midday, so that no run, however long, crosses their midnight.</summary>
    [Fact]
    public void MiddayZone_IsNoonThere_AtEveryHourOfTheDay()
    {
        var day = new DateTime(2026, 12, 4, 0, 30, 0, DateTimeKind.Utc);
        foreach (var hour in Enumerable.Range(0, 24))
        {
            var utc = day.AddHours(hour);
            var local = TimeZoneInfo.ConvertTimeFromUtc(utc, TimeZones.FindOrUtc(DispatchTrial.MiddayZone(utc)));
            Assert.Equal(new TimeOnly(12, 30), TimeOnly.FromDateTime(local));
        }
    }
}
