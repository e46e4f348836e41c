using System.Globalization;
using AccountCoachBot.Conversation;
using AccountCoachBot.Data;
using AccountCoachBot.Features.People;
using Microsoft.EntityFrameworkCore;

namespace AccountCoachBot.Features.ProactiveCalls.Import;

/// <summary>What an import did, or why it did nothing.</summary>
public sealed record ImportReport(int Created, int Updated, IReadOnlyList<string> Errors)
{
    public bool Ok => Errors.Count == 0;
}

/// <summary>
/// Accounts from CSV (<c>name,owner_email,tier,cadence_days,last_contact,slack_channel,domains</c>), all or nothing:
/// every row is checked first and any problem is reported by line with nothing written; a clean file is
/// written in one transaction. Owners are people the bot already knows, matched by email (or, with Slack on,
/// through <c>users.lookupByEmail</c> to their Slack identity); an unknown owner is reported, never invented.
/// <c>domains</c> (the client's email domains, separated by spaces or semicolons) replaces the account's domains when
/// the column is there; an empty cell clears them.
/// </summary>
public sealed class AccountImporter(CoachDbContext db, TimeProvider time, IEnumerable<IOwnerLookup> lookups, Destinations destinations)
{
    public static readonly string[] Columns = ["name", "owner_email", "tier", "cadence_days", "last_contact", "slack_channel", "domains"];

    private sealed record Owner(Person? Person, string? Problem);

    private sealed record Row(int Line, string Name, Person Owner, AccountTier Tier, int? Days, DateOnly? LastContact, SharedPlace? Channel, IReadOnlyList<string>? Domains);

    public async Task<ImportReport> ImportAsync(TextReader input, CancellationToken ct = default)
    {
        List<CsvRecord> records;
        try
        {
            records = Csv.Read(input).ToList();
        }
        catch (CsvFormatException e)
        {
            return Failed($"line {e.Line}: {e.Message}");
        }
        if (records.Count == 0) return Failed($"the file is empty; the first line must be the header {string.Join(',', Columns)}");

        var header = records[0].Fields.Select(f => f.Trim().TrimStart('\uFEFF').ToLowerInvariant()).ToList();
        var headerProblems = header.Where(h => !Columns.Contains(h)).Select(h => $"unknown column \"{h}\"")
            .Concat(header.GroupBy(h => h).Where(g => g.Count() > 1).Select(g => $"column \"{g.Key}\" appears twice"))
            .Concat(new[] { "name", "owner_email" }.Where(c => !header.Contains(c)).Select(c => $"column \"{c}\" is missing"))
            .ToList();
        if (headerProblems.Count > 0)
            return Failed($"line 1: {string.Join("; ", headerProblems)} (expected {string.Join(',', Columns)})");

        var now = time.GetUtcNow().UtcDateTime;
        var owners = new Dictionary<string, Owner>(StringComparer.OrdinalIgnoreCase);
        var seen = new Dictionary<(int, string), int>();
        var seenDomains = new Dictionary<(int, string), string>();
        var errors = new List<string>();
        var rows = new List<Row>();
        foreach (var record in records.Skip(1))
        {
            if (record.Fields.Count != header.Count)
            {
                errors.Add($"line {record.Line}: {record.Fields.Count} fields, the header has {header.Count}");
                continue;
            }
            string Get(string column) => header.IndexOf(column) is var i and >= 0 ? record.Fields[i].Trim() : "";
            var problems = new List<string>();

            var name = string.Join(' ', Get("name").Split(' ', StringSplitOptions.RemoveEmptyEntries));
            if (name.Length == 0) problems.Add("name is empty");
            else if (name.Length > 200) problems.Add("name is longer than 200 characters");

            var email = Get("owner_email").ToLowerInvariant();
            if (email.Length == 0) problems.Add("owner_email is empty");
            else if (!email.Contains('@') || email.Contains(' ')) problems.Add($"owner_email \"{email}\" is not an email address");

            AccountTier tier = AccountTier.Standard;
            switch (Get("tier").ToLowerInvariant())
            {
                case "" or "standard": break;
                case "key": tier = AccountTier.Key; break;
                case var other: problems.Add($"tier \"{other}\" is neither key nor standard"); break;
            }

            int? days = null;
            var daysText = Get("cadence_days");
            if (daysText.Length > 0)
            {
                if (int.TryParse(daysText, NumberStyles.None, CultureInfo.InvariantCulture, out var d) && d is >= 1 and <= CallCadence.MaxDays) days = d;
                else problems.Add($"cadence_days \"{daysText}\" is not a number of days from 1 to {CallCadence.MaxDays}");
            }

            DateOnly? last = null;
            var lastText = Get("last_contact");
            if (lastText.Length > 0)
            {
                if (DateOnly.TryParseExact(lastText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) last = date;
                else problems.Add($"last_contact \"{lastText}\" is not a date like 2026-03-01");
            }

            SharedPlace? channel = null;
            var channelText = Get("slack_channel");
            if (channelText.Length > 0)
            {
                channel = destinations.ParsePlace(channelText);
                if (channel is null) problems.Add($"slack_channel \"{channelText}\" is not a Slack channel id like C0123ABCD");
            }

            List<string>? domains = header.Contains("domains") ? [] : null;
            foreach (var item in Calendar.AccountDomains.Split(Get("domains")))
            {
                var (domain, problem) = Calendar.AccountDomains.Normalize(item);
                if (problem == Calendar.AccountDomains.Problem.PublicMail) problems.Add($"domains: {item} is a public mail service, not a client's domain");
                else if (domain is null) problems.Add($"domains: \"{item}\" is not an email domain like acme.com");
                else if (!domains!.Contains(domain)) domains.Add(domain);
            }
            if (domains?.Count > Calendar.AccountDomains.MaxPerAccount) problems.Add($"domains: more than {Calendar.AccountDomains.MaxPerAccount}");

            Owner? owner = null;
            if (email.Contains('@') && !email.Contains(' '))
            {
                if (!owners.TryGetValue(email, out owner)) owners[email] = owner = await ResolveOwnerAsync(email, ct);
                if (owner.Problem is not null) problems.Add(owner.Problem);
            }

            if (owner?.Person is { } person && name.Length > 0)
            {
                if (last is { } l && l > DateOnly.FromDateTime(TimeZones.ToLocal(now, person.Zone)))
                    problems.Add($"last_contact {l:yyyy-MM-dd} is in the future");
                if (channel is not null && !await destinations.KnowsAsync(db, person.Id, channel, ct))
                    problems.Add($"slack_channel is set but {email} has no Slack identity the bot knows (they need to message the bot in Slack once)");
                var key = (person.Id, Account.Normalize(name));
                if (seen.TryGetValue(key, out var firstLine)) problems.Add($"{name} for {email} is already on line {firstLine}");
                else seen[key] = record.Line;
                foreach (var domain in domains ?? [])
                {
                    if (seenDomains.TryGetValue((person.Id, domain), out var other) && other != key.Item2) problems.Add($"domains: {domain} is also given to another account of {email}");
                    seenDomains[(person.Id, domain)] = key.Item2;
                    var holder = await db.Set<Calendar.AccountDomain>().Where(d => d.Domain == domain && d.Account!.OwnerId == person.Id && d.Account.NormalizedName != key.Item2)
                        .Select(d => d.Account!.Name).FirstOrDefaultAsync(ct);
                    if (holder is not null) problems.Add($"domains: {domain} is already {holder}'s domain");
                }
            }

            if (problems.Count > 0) errors.Add($"line {record.Line}: {string.Join("; ", problems)}");
            else rows.Add(new Row(record.Line, name, owner!.Person!, tier, days, last, channel, domains));
        }
        if (errors.Count > 0) return new ImportReport(0, 0, errors);

        var (created, updated) = await WriteAsync(rows, now, ct);
        return new ImportReport(created, updated, []);
    }

    private async Task<Owner> ResolveOwnerAsync(string email, CancellationToken ct)
    {
        var person = await db.People.FirstOrDefaultAsync(p => p.Email == email, ct);
        if (person is null)
        {
            foreach (var lookup in lookups)
            {
                var found = await lookup.FindByEmailAsync(email, ct);
                if (found.Error is not null) return new Owner(null, $"could not look up {email}: {found.Error}");
                if (found.Identity is null) continue;
                var identity = await db.ChannelIdentities.Include(i => i.Person)
                    .FirstOrDefaultAsync(i => i.Channel == lookup.Channel && i.ExternalId == found.Identity, ct);
                if (identity?.Person is null) continue;
                person = identity.Person;
                break;
            }
        }
        return person is null
            ? new Owner(null, $"owner {email} is not known to the bot yet (they need to message the bot once, in Teams or Slack)")
            : new Owner(person, null);
    }

    private async Task<(int Created, int Updated)> WriteAsync(IReadOnlyList<Row> rows, DateTime now, CancellationToken ct)
    {
        var created = 0;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        foreach (var row in rows)
        {
            var (account, isNew) = await ClientAccounts.FindOrAddAsync(db, row.Owner.Id, row.Name, now, ct);
            if (isNew)
            {
                await db.SaveChangesAsync(ct);
                created++;
            }
            var cadence = await CallStore.EnsureCadenceAsync(db, account, ct);
            if (isNew) cadence.StartedUtc = now;
            cadence.Tier = row.Tier;
            cadence.CadenceDays = row.Days == CallCadence.DefaultDays(row.Tier) ? null : row.Days;

            if (row.LastContact is { } day)
            {
                // A date without a time: the owner's local noon, so a zone change never moves it to another day.
                var at = TimeZones.ToUtc(day.ToDateTime(new TimeOnly(12, 0)), row.Owner.Zone);
                if (cadence.LastContactUtc is null || at > cadence.LastContactUtc)
                {
                    cadence.LastContactUtc = at;
                    cadence.ResetCycle();
                    db.Set<Touch>().Add(new Touch { AccountId = account.Id, Kind = TouchKind.Imported, AtUtc = at, Source = "import" });
                }
            }

            // Checked above: the owner is known in the channel, so it has an address for them.
            if (row.Channel is not null && await destinations.SharedAddressAsync(db, row.Owner.Id, row.Channel, now, ct) is { } address)
            {
                await db.SaveChangesAsync(ct);
                if (cadence.ChannelAddressId != address.Id) cadence.ChannelWarnedUtc = null;
                cadence.ChannelAddressId = address.Id;
            }
            else
            {
                cadence.ChannelAddressId = null;
            }
            if (row.Domains is not null) await Calendar.AccountDomains.ReplaceAsync(db, account, row.Domains, ct);
            CallStore.Refresh(cadence, row.Owner, now);
            await db.SaveChangesAsync(ct);
        }
        await transaction.CommitAsync(ct);
        return (created, rows.Count - created);
    }

    private static ImportReport Failed(string error) => new(0, 0, [error]);
}
