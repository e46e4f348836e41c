namespace AccountCoachBot.Features.Digests;

/// <summary>
/// The biggest risks across a team, by one published rule: an account scores the days it is past its cadence (doubled
/// for a key account: losing one costs most) plus 7 for each overdue promise to it (a broken promise weighs like a week
/// of silence). Lost accounts are not risks any more. Ties: the key account, then the longer silence, then the name.
/// </summary>
public static class DigestRisks
{
    public const int Shown = 3;
    public const int KeyWeight = 2;
    public const int PerOverduePromise = 7;

    public static int Score(bool key, int daysPastCadence, int overduePromises) =>
        Math.Max(0, daysPastCadence) * (key ? KeyWeight : 1) + PerOverduePromise * overduePromises;

    /// <summary>The account's risk now, or null when it has none (in touch and no promise overdue).</summary>
    public static DigestRisk? Of(AccountRow account, string owner, int? coldDays, int overduePromises)
    {
        var past = coldDays is { } days ? Math.Max(0, days - account.Days) : 0;
        if (coldDays is null && overduePromises == 0) return null;
        var score = Score(account.Key, past, overduePromises);
        // Cold by the working-hours rule on the very day it ran out: still a risk, the smallest one.
        return new DigestRisk(account.Id, account.Name, account.OwnerId, owner, account.Key, account.Days, past, coldDays ?? 0, overduePromises, Math.Max(score, 1));
    }

    public static IReadOnlyList<DigestRisk> Top(IEnumerable<DigestRisk> risks, int count) =>
        risks.OrderByDescending(r => r.Score).ThenByDescending(r => r.Key).ThenByDescending(r => r.DaysSinceContact)
            .ThenBy(r => r.Account, StringComparer.CurrentCultureIgnoreCase).ThenBy(r => r.AccountId).Take(count).ToList();
}
