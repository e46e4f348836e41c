using System.Globalization;
using AccountCoachBot.Features.People;
using AccountCoachBot.Features.Promises.Parsing;

namespace AccountCoachBot.Tests.Features.Promises.Parsing;

/// <summary>Builds parse contexts from a wall time in a zone, the way the manager sees the clock.</summary>
internal static class TestContexts
{
    public static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
    public static readonly TimeZoneInfo Moscow = TimeZoneInfo.FindSystemTimeZoneById("Europe/Moscow");

    /// <summary>The reference moment of the spec: Wednesday 2026-03-04 11:00 in Berlin.</summary>
    public const string SpecNow = "2026-03-04T11:00:00";

    public static ParseContext At(string localNow, TimeZoneInfo? zone = null, WorkingHours? hours = null, params string[] accounts)
    {
        zone ??= Berlin;
        var local = DateTime.Parse(localNow, CultureInfo.InvariantCulture);
        var now = new DateTimeOffset(local, zone.GetUtcOffset(local));
        return new ParseContext(now, zone, accounts, hours ?? WorkingHours.Default);
    }

    public static ParseContext Spec(params string[] accounts) => At(SpecNow, Berlin, null, accounts);

    public static string Iso(DateTimeOffset? value) =>
        value?.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture) ?? "null";
}
