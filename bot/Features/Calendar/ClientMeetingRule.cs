using System.Text.RegularExpressions;
using AccountCoachBot.Data;
using AccountCoachBot.Features.People;
using AccountCoachBot.Features.People.Declension;
using AccountCoachBot.Features.ProactiveCalls;
using Microsoft.EntityFrameworkCore;

namespace AccountCoachBot.Features.Calendar;

/// <summary>A calendar event recognised as a meeting with one of the person's clients.</summary>
public sealed record ClientMatch(Account Account, bool Important, IReadOnlyList<string> ClientPeople);

/// <summary>
/// Which calendar events are client meetings, and which of those are important. The one rule:
/// <list type="bullet">
/// <item>A client meeting: someone on the invite has an email at one of the client's domains
/// (`account Acme domain acme.com`; `mail.acme.com` counts for `acme.com`), or else the subject names the client,
/// in any Russian case («Встреча с Ромашкой» → Ромашка). The client with the most people on the invite wins; by
/// name, the longest name.</item>
/// <item>Important: the client is a key account, or more than <see cref="CalendarOptions.ImportantAttendees"/> of
/// the client's people are invited, or the invite names an executive (CEO, CFO, VP, director, «генеральный
/// директор»…) in its subject, description or an invitee's name.</item>
/// </list>
/// The client's people are the invitees from the client's domains; for a client with no domains, everyone from
/// outside the person's own domain.
/// </summary>
public sealed partial class ClientMeetingRule
{
    private readonly IReadOnlyList<Account> _accounts;
    private readonly IReadOnlyList<AccountDomain> _domains;
    private readonly HashSet<int> _keyAccounts;
    private readonly string? _ownDomain;
    private readonly int _importantAttendees;

    private ClientMeetingRule(IReadOnlyList<Account> accounts, IReadOnlyList<AccountDomain> domains, HashSet<int> keyAccounts, string? ownDomain, int importantAttendees)
    {
        _accounts = accounts;
        _domains = domains;
        _keyAccounts = keyAccounts;
        _ownDomain = ownDomain;
        _importantAttendees = importantAttendees;
    }

    [GeneratedRegex(@"\b(?:CEO|CFO|CTO|COO|CIO|CMO|CRO|CPO|SVP|EVP|VP|Chief\s+\w+\s+Officer|Vice[\s-]+President|President|Managing\s+Director|Director|Founder|Head\s+of|генеральн\w*\s+директор\w*|гендиректор\w*|финансов\w*\s+директор\w*|коммерческ\w*\s+директор\w*|директор\w*|вице-президент\w*|президент\w*|основател\w*|владел\w*|руководител\w*)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Executive();

    [GeneratedRegex(@"[\p{L}\p{N}][\p{L}\p{N}\-&'.]*")]
    private static partial Regex Word();

    public static bool NamesExecutive(string text) => Executive().IsMatch(text);

    public static async Task<ClientMeetingRule> LoadAsync(CoachDbContext db, Person person, int importantAttendees, CancellationToken ct)
    {
        var accounts = await db.Accounts.Where(a => a.OwnerId == person.Id).ToListAsync(ct);
        var domains = await AccountDomains.OfOwnerAsync(db, person.Id, ct);
        var keys = await db.Set<AccountCadence>().Where(c => c.Tier == AccountTier.Key && c.Account!.OwnerId == person.Id).Select(c => c.AccountId).ToListAsync(ct);
        return new ClientMeetingRule(accounts, domains, [.. keys], AccountDomains.OfEmail(person.Email), importantAttendees);
    }

    public ClientMatch? Match(CalendarEventInfo e)
    {
        var external = e.People.Where(p => _ownDomain is null || AccountDomains.OfEmail(p.Email) != _ownDomain).ToList();
        var byDomain = external
            .Select(p => (Person: p, Domain: _domains.FirstOrDefault(d => AccountDomains.OfEmail(p.Email) is { } at && AccountDomains.Covers(d.Domain, at))))
            .Where(x => x.Domain is not null)
            .GroupBy(x => x.Domain!.AccountId)
            .OrderByDescending(g => g.Count())
            .FirstOrDefault();

        Account? account;
        List<EventPerson> clientPeople;
        if (byDomain is not null)
        {
            account = _accounts.FirstOrDefault(a => a.Id == byDomain.Key);
            clientPeople = byDomain.Select(x => x.Person).ToList();
        }
        else
        {
            account = Named(e.Subject);
            var hasDomains = account is not null && _domains.Any(d => d.AccountId == account.Id);
            clientPeople = hasDomains ? [] : external;
        }
        if (account is null) return null;

        var important = _keyAccounts.Contains(account.Id) || clientPeople.Count > _importantAttendees || e.ExecutiveNamed;
        var names = clientPeople.Select(p => p.Name ?? p.Email[..p.Email.IndexOf('@')]).Distinct().ToList();
        return new ClientMatch(account, important, names);
    }

    /// <summary>The account the subject names, as a run of its words in any case; the longest name first («Газпром нефть» before «Газпром»).</summary>
    private Account? Named(string subject)
    {
        var words = Word().Matches(subject).Select(m => m.Value.Trim('.', '\'')).Where(w => w.Length > 0).ToArray();
        foreach (var account in _accounts.OrderByDescending(a => a.Name.Length))
        {
            var size = account.Name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
            for (var i = 0; i + size <= words.Length; i++)
                if (RussianNames.IsFormOf(string.Join(' ', words[i..(i + size)]), account.Name)) return account;
        }
        return null;
    }
}
