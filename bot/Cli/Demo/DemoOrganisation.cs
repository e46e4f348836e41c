using AccountCoachBot.Channels.Terminal;
using AccountCoachBot.Data;
using AccountCoachBot.Features.People;
using AccountCoachBot.Features.ProactiveCalls;
using AccountCoachBot.Features.Teams;

namespace AccountCoachBot.Cli.Demo;

/// <summary>One member's part of the demo: the person, how reliable they are, and their accounts with cadences.</summary>
public sealed record DemoMember(Person Person, double Discipline, List<(Account Account, AccountCadence Cadence)> Accounts);

/// <summary>The people, the team and the accounts: everything the history hangs on.</summary>
public static class DemoOrganisation
{
    public const int AccountsPerMember = 8;

    /// <summary>
    /// The lead (the admin, and the person at the keyboard in <c>chat</c>: the terminal user is theirs), a team of five
    /// placeholder members known by email, and eight accounts each, a quarter of them key. Saved, so ids exist.
    /// </summary>
    public static async Task<(Person Lead, Team Team, List<DemoMember> Members)> CreateAsync(
        CoachDbContext db, DemoClock clock, string leadEmail, string terminalUser, CancellationToken ct)
    {
        var lead = NewPerson(DemoNames.Lead with { Email = leadEmail }, clock.Start.AddDays(-60));
        // The lead has written before: the first person who wrote is the admin, and the terminal's `chat` is them.
        lead.Welcomed = true;
        lead.Identities.Add(new ChannelIdentity { Channel = TerminalChat.Transport, ExternalId = terminalUser });
        db.People.Add(lead);
        await db.SaveChangesAsync(ct);
        db.Set<TeamAdmin>().Add(new TeamAdmin { PersonId = lead.Id, AssignedUtc = lead.CreatedUtc });

        var team = new Team { Name = DemoNames.TeamName, NormalizedName = Team.Normalize(DemoNames.TeamName), LeadId = lead.Id, CreatedUtc = clock.Start.AddDays(-45) };
        db.Set<Team>().Add(team);

        var members = new List<DemoMember>();
        var company = 0;
        foreach (var spec in DemoNames.Members)
        {
            // Placeholders: added by email as a teams import adds them, linked when they first write.
            var person = NewPerson(spec, clock.Start.AddDays(-45));
            db.People.Add(person);
            members.Add(new DemoMember(person, spec.Discipline, []));
        }
        await db.SaveChangesAsync(ct);
        foreach (var member in members)
        {
            for (var i = 0; i < AccountsPerMember; i++, company++)
                member.Accounts.Add(NewAccount(db, member.Person, DemoNames.Companies[company], company, clock));
        }
        await db.SaveChangesAsync(ct);

        foreach (var member in members)
        {
            // Told long ago: seeding queues no "your lead is…" notices.
            db.Set<TeamMember>().Add(new TeamMember { TeamId = team.Id, PersonId = member.Person.Id, AddedUtc = team.CreatedUtc, ToldUtc = team.CreatedUtc });
        }
        await db.SaveChangesAsync(ct);
        return (lead, team, members);
    }

    private static Person NewPerson(DemoPersonSpec spec, DateTime createdUtc) => new()
    {
        DisplayName = spec.Name,
        Email = spec.Email.Trim().ToLowerInvariant(),
        TimeZoneId = spec.TimeZoneId,
        TimeZoneSource = TimeZoneSource.Command,
        Language = spec.Language,
        LanguageChosen = true,
        CreatedUtc = createdUtc,
    };

    private static (Account, AccountCadence) NewAccount(CoachDbContext db, Person owner, string name, int index, DemoClock clock)
    {
        var created = clock.Start.AddDays(-40 + index % 7);
        // Number stays 0: the context gives each owner's accounts 1, 2, 3… as they are saved.
        var account = new Account { OwnerId = owner.Id, Name = name, NormalizedName = Account.Normalize(name), CreatedUtc = created };
        db.Accounts.Add(account);
        var cadence = new AccountCadence
        {
            Account = account,
            Tier = index % 4 == 0 ? AccountTier.Key : AccountTier.Standard,
            // A few accounts have their own rhythm, as people set with `cadence Acme 21`.
            CadenceDays = index % 9 == 4 ? 21 : index % 13 == 6 ? 7 : null,
            StartedUtc = created,
            NextCheckUtc = clock.Now,
        };
        db.Set<AccountCadence>().Add(cadence);
        return (account, cadence);
    }
}
