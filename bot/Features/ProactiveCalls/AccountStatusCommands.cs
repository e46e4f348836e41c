using System.Text.RegularExpressions;
using AccountCoachBot.Conversation;
using AccountCoachBot.Features.People;

namespace AccountCoachBot.Features.ProactiveCalls;

/// <summary>
/// `account Acme lost: reason` and `account Acme won back` (and their Russian): stored on the account with when and why,
/// read by the digest's churn figure. A lost account gets no call nudges and is not "cold"; won back, its cadence starts
/// again from that day.
/// </summary>
public sealed partial class AccountStatusCommands : ITurnHandler
{
    [GeneratedRegex(@"^(?<name>.+?)\s+(?:lost|ушёл|ушел|ушла|потерян|потеряна)\s*(?:[:—–-]\s*(?<reason>.*))?$", RegexOptions.IgnoreCase)]
    private static partial Regex LostPattern();

    [GeneratedRegex(@"^(?<name>.+?)\s+(?:won\s+back|is\s+back|back|вернулся|вернулась|вернулись|возвращён|возвращен)\s*[.!]?$", RegexOptions.IgnoreCase)]
    private static partial Regex WonBackPattern();

    [GeneratedRegex(@"^(?<name>.+?)\s*(?:[:—–]\s*(?<reason>.*))?$")]
    private static partial Regex NameReasonPattern();

    public async Task<IReadOnlyList<Reply>?> TryHandleAsync(Turn turn, CancellationToken ct)
    {
        if (turn.Action is not null) return null;
        var text = turn.Text;
        if (AccountStatusVerbs.Lost.Matches(text, out var rest) && rest.Length > 0)
            return [await LostAsync(turn, NameReasonPattern().Match(rest), ct)];
        if (AccountStatusVerbs.WonBack.Matches(text, out rest) && rest.Length > 0)
            return [await WonBackAsync(turn, rest, ct)];
        return null;
    }

    /// <summary>
    /// The natural order, `account Acme lost: …` / `account Acme won back`: the word `account` is the call commands',
    /// so they ask here before reading the rest as a setting.
    /// </summary>
    public static async Task<Reply?> TryAccountPhraseAsync(Turn turn, string rest, CancellationToken ct)
    {
        if (LostPattern().Match(rest) is { Success: true } lost) return await LostAsync(turn, lost, ct);
        if (WonBackPattern().Match(rest) is { Success: true } won) return await WonBackAsync(turn, won.Groups["name"].Value, ct);
        return null;
    }

    private static async Task<Reply> LostAsync(Turn turn, Match m, CancellationToken ct)
    {
        var name = m.Groups["name"].Value.Trim();
        var (account, candidates) = await CallStore.FindAccountAsync(turn.Db, turn.Person.Id, name, ct);
        if (account is null) return Unknown(turn, name, candidates);
        var reason = m.Groups["reason"].Success ? m.Groups["reason"].Value.Trim().TrimEnd('.') : "";
        if (reason.Length == 0) return turn.T(AccountStatusTexts.LostNeedsReason, account.Name);
        if (account.IsLost) return turn.T(AccountStatusTexts.AlreadyLost, account.Name, Formats.Day(account.LostUtc!.Value, turn.Person.Zone, turn.Language));
        account.LostUtc = turn.NowUtc;
        account.LostReason = reason.Length > 500 ? reason[..500] : reason;
        // No more nudges for it: the planner looks again only far away, and the state of the current cycle goes.
        var cadence = await CallStore.EnsureCadenceAsync(turn.Db, account, ct);
        cadence.ResetCycle();
        cadence.NextCheckUtc = DateTime.MaxValue.AddDays(-1);
        return turn.T(AccountStatusTexts.Lost, account.Name, account.LostReason);
    }

    private static async Task<Reply> WonBackAsync(Turn turn, string name, CancellationToken ct)
    {
        var (account, candidates) = await CallStore.FindAccountAsync(turn.Db, turn.Person.Id, name.Trim(), ct);
        if (account is null) return Unknown(turn, name, candidates);
        if (!account.IsLost) return turn.T(AccountStatusTexts.NotLost, account.Name);
        account.WonBackUtc = turn.NowUtc;
        // The cadence counts from the day they came back: no nudge for the silence while they were gone.
        var cadence = await CallStore.EnsureCadenceAsync(turn.Db, account, ct);
        cadence.StartedUtc = turn.NowUtc;
        cadence.LastContactUtc = turn.NowUtc;
        cadence.ResetCycle();
        CallStore.Refresh(cadence, turn.Person, turn.NowUtc);
        return turn.T(AccountStatusTexts.WonBack, account.Name);
    }

    private static Reply Unknown(Turn turn, string name, IReadOnlyList<Account> candidates) =>
        candidates.Count > 1
            ? turn.T(CallTexts.AmbiguousAccount, string.Join(", ", candidates.Select(c => c.Name)))
            : turn.T(CallTexts.UnknownAccount, name.Trim());
}
