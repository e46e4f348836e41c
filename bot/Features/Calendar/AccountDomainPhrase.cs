using System.Text.RegularExpressions;
using AccountCoachBot.Conversation;
using AccountCoachBot.Data;
using AccountCoachBot.Features.People;
using Microsoft.EntityFrameworkCore;

namespace AccountCoachBot.Features.Calendar;

/// <summary>
/// `account Acme domain acme.com` / `клиент Ромашка домен romashka.ru` (several: `domains acme.com, acme.de`;
/// `domain off` forgets them), and the domains shown in `accounts`.
/// </summary>
public sealed partial class AccountDomainPhrase : IAccountPhrase, IAccountDetails
{
    [GeneratedRegex(@"^(?<name>.+?)\s+(?:domains|domain|домены|домен)\s+(?<list>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex Pattern();

    public async Task<Reply?> TryAccountPhraseAsync(Turn turn, string rest, CancellationToken ct)
    {
        if (Pattern().Match(rest.Trim()) is not { Success: true } m) return null;
        var name = m.Groups["name"].Value.Trim().Trim('"', '«', '»', '`');
        var account = await ClientAccounts.FindAsync(turn.Db, turn.Person.Id, name, ct);
        if (account is null) return turn.T(CalendarTexts.DomainUnknownAccount, name);

        var list = m.Groups["list"].Value.Trim();
        if (Command.Is(list, "off", "none", "clear", "выкл", "нет", "убрать"))
        {
            await AccountDomains.ReplaceAsync(turn.Db, account, [], ct);
            return turn.T(CalendarTexts.DomainsCleared, account.Name);
        }

        var domains = new List<string>();
        foreach (var item in AccountDomains.Split(list))
        {
            var (domain, problem) = AccountDomains.Normalize(item);
            if (problem == AccountDomains.Problem.PublicMail) return turn.T(CalendarTexts.DomainPublicMail, item);
            if (domain is null) return turn.T(CalendarTexts.DomainInvalid, item);
            if (await AccountDomains.TakenByAsync(turn.Db, turn.Person.Id, account.Id, domain, ct) is { } other)
                return turn.T(CalendarTexts.DomainTaken, AccountDomains.Display(domain), other.Name);
            domains.Add(domain);
        }
        if (domains.Count == 0) return turn.T(CalendarTexts.DomainUsage);
        var have = await turn.Db.Set<AccountDomain>().Where(d => d.AccountId == account.Id).Select(d => d.Domain).ToListAsync(ct);
        if (have.Union(domains).Count() > AccountDomains.MaxPerAccount) return turn.T(CalendarTexts.DomainTooMany, AccountDomains.MaxPerAccount);
        var all = await AccountDomains.AddAsync(turn.Db, account, domains, ct);
        return turn.T(CalendarTexts.DomainsSet, account.Name, AccountDomains.DisplayList(all));
    }

    public async Task<IReadOnlyDictionary<int, string>> DetailsAsync(CoachDbContext db, int ownerId, Language language, CancellationToken ct)
    {
        var rows = await db.Set<AccountDomain>().Where(d => d.Account!.OwnerId == ownerId)
            .Select(d => new { d.AccountId, d.Domain }).ToListAsync(ct);
        return rows.GroupBy(r => r.AccountId)
            .ToDictionary(g => g.Key, g => CalendarTexts.DomainsDetail.Format(language, AccountDomains.DisplayList(g.Select(r => r.Domain).Order(StringComparer.Ordinal))));
    }
}
