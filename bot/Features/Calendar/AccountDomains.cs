using System.Globalization;
using System.Text.RegularExpressions;
using AccountCoachBot.Data;
using AccountCoachBot.Features.People;
using Microsoft.EntityFrameworkCore;

namespace AccountCoachBot.Features.Calendar;

/// <summary>Reading, checking and storing accounts' email domains; and which account an email belongs to.</summary>
public static partial class AccountDomains
{
    public const int MaxPerAccount = 10;

    /// <summary>Mail services anyone can have an address at: they say nothing about which client someone is from.</summary>
    private static readonly HashSet<string> PublicMail = new(StringComparer.Ordinal)
    {
        "gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "live.com", "msn.com", "yahoo.com", "icloud.com", "me.com",
        "aol.com", "proton.me", "protonmail.com", "gmx.de", "gmx.net", "web.de", "mail.ru", "bk.ru", "list.ru", "inbox.ru",
        "yandex.ru", "ya.ru", "yandex.com", "rambler.ru",
    };

    [GeneratedRegex(@"^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?$")]
    private static partial Regex AsciiDomain();

    public enum Problem
    {
        None,
        NotADomain,
        PublicMail,
    }

    /// <summary>`acme.com`, `@acme.com`, `olga@acme.com`, `https://www.acme.com/` → `acme.com`; `ромашка.рф` → punycode.</summary>
    public static (string? Domain, Problem Problem) Normalize(string text)
    {
        var s = text.Trim().Trim('"', '«', '»', '`', '\'', '<', '>', ',', ';').ToLowerInvariant();
        if (s.StartsWith("http://", StringComparison.Ordinal) || s.StartsWith("https://", StringComparison.Ordinal))
            s = Uri.TryCreate(s, UriKind.Absolute, out var uri) ? uri.Host : "";
        var at = s.LastIndexOf('@');
        if (at >= 0) s = s[(at + 1)..];
        s = s.TrimEnd('.', '/');
        if (s.StartsWith("www.", StringComparison.Ordinal)) s = s[4..];
        try
        {
            s = new IdnMapping().GetAscii(s);
        }
        catch (ArgumentException)
        {
            return (null, Problem.NotADomain);
        }
        if (!AsciiDomain().IsMatch(s)) return (null, Problem.NotADomain);
        return PublicMail.Contains(s) ? (null, Problem.PublicMail) : (s, Problem.None);
    }

    /// <summary>A list as people type it: commas, semicolons or spaces between.</summary>
    public static IReadOnlyList<string> Split(string text) =>
        text.Split([',', ';', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>The domain of an email address, lower-case; null when it is not one.</summary>
    public static string? OfEmail(string? email)
    {
        if (string.IsNullOrWhiteSpace(email)) return null;
        var at = email.LastIndexOf('@');
        return at > 0 && at < email.Length - 1 ? email[(at + 1)..].Trim().TrimEnd('.').ToLowerInvariant() : null;
    }

    /// <summary>`mail.acme.com` belongs to `acme.com`; `notacme.com` does not.</summary>
    public static bool Covers(string accountDomain, string emailDomain) =>
        emailDomain == accountDomain || emailDomain.EndsWith("." + accountDomain, StringComparison.Ordinal);

    /// <summary>The owner's domains with their accounts.</summary>
    public static Task<List<AccountDomain>> OfOwnerAsync(CoachDbContext db, int ownerId, CancellationToken ct) =>
        db.Set<AccountDomain>().Include(d => d.Account).Where(d => d.Account!.OwnerId == ownerId).ToListAsync(ct);

    /// <summary>The owner's other account that already has this domain, if any.</summary>
    public static Task<Account?> TakenByAsync(CoachDbContext db, int ownerId, int accountId, string domain, CancellationToken ct) =>
        db.Set<AccountDomain>().Where(d => d.Domain == domain && d.AccountId != accountId && d.Account!.OwnerId == ownerId)
            .Select(d => d.Account).FirstOrDefaultAsync(ct);

    /// <summary>Adds the domains the account does not have yet (checked already); returns the account's domains.</summary>
    public static async Task<IReadOnlyList<string>> AddAsync(CoachDbContext db, Account account, IEnumerable<string> domains, CancellationToken ct)
    {
        var set = db.Set<AccountDomain>();
        var have = await set.Where(d => d.AccountId == account.Id).Select(d => d.Domain).ToListAsync(ct);
        foreach (var domain in domains.Distinct().Where(d => !have.Contains(d)))
        {
            set.Add(new AccountDomain { AccountId = account.Id, Domain = domain });
            have.Add(domain);
        }
        return have.Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>Replaces the account's domains (the CSV import, `domain off`).</summary>
    public static async Task ReplaceAsync(CoachDbContext db, Account account, IReadOnlyCollection<string> domains, CancellationToken ct)
    {
        var set = db.Set<AccountDomain>();
        var have = await set.Where(d => d.AccountId == account.Id).ToListAsync(ct);
        set.RemoveRange(have.Where(d => !domains.Contains(d.Domain)));
        foreach (var domain in domains.Distinct().Where(d => have.All(h => h.Domain != d)))
            set.Add(new AccountDomain { AccountId = account.Id, Domain = domain });
    }

    /// <summary>An IDN shown as people write it (`xn--80aa…` → `ромашка.рф`).</summary>
    public static string Display(string domain)
    {
        try
        {
            return new IdnMapping().GetUnicode(domain);
        }
        catch (ArgumentException)
        {
            return domain;
        }
    }

    public static string DisplayList(IEnumerable<string> domains) => string.Join(", ", domains.Select(Display));
}
