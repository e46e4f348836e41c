using AccountCoachBot.Conversation;
using AccountCoachBot.Data;
using AccountCoachBot.Features.People;
using Microsoft.EntityFrameworkCore;

namespace AccountCoachBot.Features.ProactiveCalls.Import;

/// <summary>Writes every account in the import format, so an export imports back unchanged.</summary>
public static class AccountExporter
{
    public sealed record ExportReport(int Accounts, IReadOnlyList<string> Warnings);

    public static async Task<ExportReport> ExportAsync(CoachDbContext db, Destinations destinations, TextWriter output, CancellationToken ct = default)
    {
        var accounts = await db.Accounts.ToListAsync(ct);
        var owners = await db.People.ToDictionaryAsync(p => p.Id, ct);
        var cadences = await db.Cadences().ToDictionaryAsync(c => c.AccountId, ct);
        var addresses = await db.Addresses.Where(a => a.IsShared).ToDictionaryAsync(a => a.Id, ct);
        var domains = (await db.Set<Calendar.AccountDomain>().ToListAsync(ct)).ToLookup(d => d.AccountId, d => d.Domain);
        var warnings = new List<string>();

        await output.WriteLineAsync(Csv.Line(AccountImporter.Columns));
        foreach (var account in accounts.OrderBy(a => owners[a.OwnerId].Email, StringComparer.Ordinal).ThenBy(a => a.NormalizedName, StringComparer.Ordinal))
        {
            var owner = owners[account.OwnerId];
            if (owner.Email is null) warnings.Add($"{account.Name}: its owner {owner.DisplayName} has no email on file, so this row will not import back");
            cadences.TryGetValue(account.Id, out var cadence);
            var channel = cadence?.ChannelAddressId is { } id && addresses.TryGetValue(id, out var address) ? destinations.PlaceOf(address)?.Id : null;
            var last = cadence?.LastContactUtc is { } contact ? TimeZones.ToLocal(contact, owner.Zone).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : "";
            await output.WriteLineAsync(Csv.Line(
            [
                account.Name,
                owner.Email ?? "",
                cadence?.Tier == AccountTier.Key ? "key" : "standard",
                cadence?.CadenceDays?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "",
                last,
                channel ?? "",
                string.Join(' ', domains[account.Id].Order(StringComparer.Ordinal)),
            ]));
        }
        return new ExportReport(accounts.Count, warnings);
    }
}
