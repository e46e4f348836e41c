using AccountCoachBot.Data;
using AccountCoachBot.Features.ProactiveCalls.Import;
using Microsoft.EntityFrameworkCore;

namespace AccountCoachBot.Features.Teams;

/// <summary>What a team import did, or why it did nothing.</summary>
public sealed record TeamImportReport(int TeamsCreated, int LeadsChanged, int MembersAdded, int PeopleAdded, IReadOnlyList<string> Errors)
{
    public bool Ok => Errors.Count == 0;
}

/// <summary>
/// Teams from CSV (<c>team,lead_email,member_email</c>, one row per member; an empty member_email names a team and
/// its lead only), all or nothing: every row is checked first and each problem reported by line; a clean file is
/// written in one transaction. People not known yet are added by email and linked when they first write; members
/// are told once who leads them, as when a lead adds them in chat.
/// </summary>
public sealed class TeamImporter(CoachDbContext db, TimeProvider time)
{
    public static readonly string[] Columns = ["team", "lead_email", "member_email"];

    private sealed record Row(int Line, string Team, string Lead, string? Member);

    public async Task<TeamImportReport> ImportAsync(TextReader input, CancellationToken ct = default)
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
        if (!header.SequenceEqual(Columns))
            return Failed($"line 1: the header is \"{string.Join(',', header)}\", expected {string.Join(',', Columns)}");

        var errors = new List<string>();
        var rows = new List<Row>();
        var leads = new Dictionary<string, (string Email, int Line)>();
        foreach (var record in records.Skip(1))
        {
            if (record.Fields.Count != Columns.Length)
            {
                errors.Add($"line {record.Line}: {record.Fields.Count} fields, the header has {Columns.Length}");
                continue;
            }
            var problems = new List<string>();
            var team = Team.Clean(record.Fields[0]);
            if (team.Length == 0) problems.Add("team is empty");
            else if (team.Length > 100) problems.Add("team is longer than 100 characters");
            var lead = record.Fields[1].Trim().ToLowerInvariant();
            if (!IsEmail(lead)) problems.Add(lead.Length == 0 ? "lead_email is empty" : $"lead_email \"{lead}\" is not an email address");
            var member = record.Fields[2].Trim().ToLowerInvariant();
            if (member.Length > 0 && !IsEmail(member)) problems.Add($"member_email \"{member}\" is not an email address");
            if (problems.Count == 0 && leads.TryGetValue(Team.Normalize(team), out var earlier) && earlier.Email != lead)
                problems.Add($"team \"{team}\" has lead {earlier.Email} on line {earlier.Line}; a team has one lead");
            if (problems.Count > 0)
            {
                errors.Add($"line {record.Line}: {string.Join("; ", problems)}");
                continue;
            }
            leads.TryAdd(Team.Normalize(team), (lead, record.Line));
            rows.Add(new Row(record.Line, team, lead, member.Length == 0 ? null : member));
        }
        if (rows.Count == 0 && errors.Count == 0) errors.Add("no rows after the header");
        if (errors.Count > 0) return new TeamImportReport(0, 0, 0, 0, errors);

        var now = time.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var peopleBefore = await db.People.CountAsync(ct);
        var (created, leadsChanged, added) = (0, 0, 0);
        foreach (var group in rows.GroupBy(r => Team.Normalize(r.Team)))
        {
            var first = group.First();
            var lead = await TeamPeople.FindOrAddByEmailAsync(db, first.Lead, now, ct);
            await db.SaveChangesAsync(ct);
            var team = await db.Set<Team>().FirstOrDefaultAsync(t => t.NormalizedName == group.Key, ct);
            if (team is null)
            {
                team = new Team { Name = first.Team, NormalizedName = group.Key, LeadId = lead.Id, CreatedUtc = now };
                db.Set<Team>().Add(team);
                created++;
            }
            else if (team.LeadId != lead.Id)
            {
                team.LeadId = lead.Id;
                leadsChanged++;
            }
            await db.SaveChangesAsync(ct);
            foreach (var email in group.Select(r => r.Member).OfType<string>().Distinct())
            {
                var person = await TeamPeople.FindOrAddByEmailAsync(db, email, now, ct);
                await db.SaveChangesAsync(ct);
                if (await db.Set<TeamMember>().AnyAsync(m => m.TeamId == team.Id && m.PersonId == person.Id, ct)) continue;
                var member = new TeamMember { TeamId = team.Id, PersonId = person.Id, AddedUtc = now };
                db.Set<TeamMember>().Add(member);
                added++;
                if (person.Id == lead.Id) member.ToldUtc = now;
                else await TeamNotices.QueueNoticeAsync(db, member, now, ct);
                await db.SaveChangesAsync(ct);
            }
        }
        var peopleAdded = await db.People.CountAsync(ct) - peopleBefore;
        await transaction.CommitAsync(ct);
        return new TeamImportReport(created, leadsChanged, added, peopleAdded, []);
    }

    private static bool IsEmail(string text) =>
        text.Length is > 2 and <= 320 && text.IndexOf('@') is > 0 && text.IndexOf('@') == text.LastIndexOf('@')
        && text.IndexOf('@') < text.Length - 1 && !text.Any(char.IsWhiteSpace);

    private static TeamImportReport Failed(string error) => new(0, 0, 0, 0, [error]);
}
