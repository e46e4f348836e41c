using AccountCoachBot.Conversation;
using AccountCoachBot.Data;

namespace AccountCoachBot.Features.People;

/// <summary>
/// A feature's own phrase after `account &lt;name&gt;` (e.g. `account Acme domain acme.com`): the word `account` belongs
/// to the call commands, which ask every registered phrase before reading the rest as a setting.
/// </summary>
public interface IAccountPhrase
{
    /// <summary>The reply when <paramref name="rest"/> (what follows `account`) is this phrase; else null.</summary>
    Task<Reply?> TryAccountPhraseAsync(Turn turn, string rest, CancellationToken ct);
}

/// <summary>A feature's few words about each of a person's accounts, appended to the `accounts` view.</summary>
public interface IAccountDetails
{
    Task<IReadOnlyDictionary<int, string>> DetailsAsync(CoachDbContext db, int ownerId, Language language, CancellationToken ct);
}
