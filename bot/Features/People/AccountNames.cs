using System.Text.RegularExpressions;
using AccountCoachBot.Conversation;

namespace AccountCoachBot.Features.People;

/// <summary>
/// `account Ромашке rename Ромашка` / `клиент Ромашке переименовать в Ромашка`, and `account X merge into Y` /
/// `клиент X объединить с Y`: fixing a client that was saved under a wrong name or split in two. The word `account`
/// is the call commands'; they ask here first, like they ask the lost/won-back phrases.
/// </summary>
public sealed partial class AccountNames(PersonMerge merge)
{
    [GeneratedRegex(@"^(?<name>.+?)\s+(?:rename\s+to|rename|переименовать\s+в|переименовать)\s+(?<new>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex RenamePattern();

    [GeneratedRegex(@"^(?<name>.+?)\s+(?:merge\s+into|merge\s+with|объединить\s+со|объединить\s+с|слить\s+с)\s+(?<into>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex MergePattern();

    /// <summary>The reply when <paramref name="rest"/> (what follows `account`) is a rename or a merge; else null.</summary>
    public async Task<Reply?> TryAccountPhraseAsync(Turn turn, string rest, CancellationToken ct)
    {
        if (MergePattern().Match(rest.Trim()) is { Success: true } m) return await MergeAsync(turn, Clean(m.Groups["name"].Value), Clean(m.Groups["into"].Value), ct);
        if (RenamePattern().Match(rest.Trim()) is { Success: true } r) return await RenameAsync(turn, Clean(r.Groups["name"].Value), Clean(r.Groups["new"].Value), ct);
        return null;
    }

    private static async Task<Reply> RenameAsync(Turn turn, string name, string newName, CancellationToken ct)
    {
        if (newName.Length is 0 or > 100 || !newName.Any(char.IsLetter)) return turn.T(AccountNameTexts.BadName);
        var account = await ClientAccounts.FindAsync(turn.Db, turn.Person.Id, name, ct);
        if (account is null) return turn.T(AccountNameTexts.Unknown, name);
        var normalized = Account.Normalize(newName);
        var other = turn.Db.Accounts.Local.FirstOrDefault(a => a.OwnerId == turn.Person.Id && a.NormalizedName == normalized && a.Id != account.Id)
                    ?? await ClientAccounts.FindAsync(turn.Db, turn.Person.Id, newName, ct);
        if (other is not null && other.Id != account.Id && other.NormalizedName == normalized)
            return turn.T(AccountNameTexts.NameTaken, account.Name, other.Name);
        var old = account.Name;
        account.Name = newName;
        account.NormalizedName = normalized;
        await turn.Db.SaveChangesAsync(ct);
        return turn.T(AccountNameTexts.Renamed, old, newName);
    }

    private async Task<Reply> MergeAsync(Turn turn, string name, string intoName, CancellationToken ct)
    {
        var from = await ClientAccounts.FindAsync(turn.Db, turn.Person.Id, name, ct);
        if (from is null) return turn.T(AccountNameTexts.Unknown, name);
        var into = await ClientAccounts.FindAsync(turn.Db, turn.Person.Id, intoName, ct);
        if (into is null) return turn.T(AccountNameTexts.Unknown, intoName);
        if (from.Id == into.Id) return turn.T(AccountNameTexts.Same, name, intoName);

        // The turn runs in one transaction: the merge is all or nothing with it.
        await turn.Db.SaveChangesAsync(ct);
        await merge.MergeAccountAsync(turn.Db, from, into, ct);
        // The bulk updates went round the tracker: the deleted account must not be saved again.
        turn.Db.Entry(from).State = Microsoft.EntityFrameworkCore.EntityState.Detached;
        return turn.T(AccountNameTexts.Merged, from.Name, into.Name);
    }

    private static string Clean(string name) => string.Join(' ', name.Trim().Trim('"', '«', '»', '`', '.').Split(' ', StringSplitOptions.RemoveEmptyEntries));
}
