using System.Globalization;
using AccountCoachBot.Scheduling;

namespace AccountCoachBot.Features.Digests;

/// <summary>
/// The weekly digest's outbox rows: one per team and covered week (the dedupe key), whose subject names both, so the
/// renderer rebuilds that week at send time.
/// </summary>
public static class DigestNudges
{
    public const string Kind = NudgeKinds.Prefix + "digest.weekly";

    public static string SubjectPrefix(int teamId) => $"team:{teamId}:week:";

    public static string Subject(int teamId, DateOnly weekFirst) => SubjectPrefix(teamId) + weekFirst.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Key(int teamId, DateOnly weekFirst) => $"{Kind}|{teamId}|{weekFirst:yyyy-MM-dd}";

    public static bool TryParse(string? subject, out int teamId, out DateOnly weekFirst)
    {
        teamId = 0;
        weekFirst = default;
        var parts = subject?.Split(':') ?? [];
        return parts.Length == 4 && parts[0] == "team" && parts[2] == "week"
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out teamId)
            && DateOnly.TryParseExact(parts[3], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out weekFirst);
    }
}
