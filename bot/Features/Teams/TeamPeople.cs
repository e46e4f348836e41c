using AccountCoachBot.Conversation;
using AccountCoachBot.Data;
using AccountCoachBot.Features.People;
using Microsoft.EntityFrameworkCore;

namespace AccountCoachBot.Features.Teams;

/// <summary>
/// Finds the person a command names: by their identity on the channel that mentioned them, else by email. Someone
/// the bot doesn't know yet is added as a placeholder (the mention's identity and/or the email), who becomes that
/// person when they first write with that identity or email (the turn pipeline matches both).
/// </summary>
public static class TeamPeople
{
    public sealed record Found(Person? Person, string Shown, Text? Problem);

    public static async Task<Found> ResolveAsync(CoachDbContext db, string channel, PersonRef named, DateTime nowUtc, CancellationToken ct)
    {
        if (named.Unresolved) return new Found(null, named.Shown, TeamTexts.UnknownRef);
        if (named.Mention is { } mention)
        {
            if (mention.Foreign) return new Found(null, named.Shown, TeamTexts.Foreign);
            var known = await FindIdentityAsync(db, channel, mention.ExternalId, ct);
            if (known is not null) return new Found(known, Who(known), null);
            var email = Email(mention.Email);
            var person = email is null ? null : await FindEmailAsync(db, email, ct);
            if (person is null)
            {
                person = Placeholder(mention.Name, email, nowUtc);
                db.People.Add(person);
            }
            person.Identities.Add(new ChannelIdentity { Channel = channel, ExternalId = mention.ExternalId });
            return new Found(person, Who(person), null);
        }
        var byEmail = await FindOrAddByEmailAsync(db, named.Email!, nowUtc, ct);
        return new Found(byEmail, Who(byEmail), null);
    }

    public static async Task<Person> FindOrAddByEmailAsync(CoachDbContext db, string email, DateTime nowUtc, CancellationToken ct)
    {
        email = Email(email)!;
        var person = await FindEmailAsync(db, email, ct);
        if (person is null)
        {
            person = Placeholder(null, email, nowUtc);
            db.People.Add(person);
        }
        return person;
    }

    /// <summary>How messages name a person: their name, else their email.</summary>
    public static string Who(Person person) =>
        !string.IsNullOrWhiteSpace(person.DisplayName) ? person.DisplayName : person.Email ?? $"#{person.Id}";

    private static string? Email(string? email) => string.IsNullOrWhiteSpace(email) ? null : email.Trim().ToLowerInvariant();

    private static Person Placeholder(string? name, string? email, DateTime nowUtc) =>
        new() { DisplayName = name ?? "", Email = email, CreatedUtc = nowUtc };

    private static async Task<Person?> FindIdentityAsync(CoachDbContext db, string channel, string externalId, CancellationToken ct) =>
        db.ChannelIdentities.Local.FirstOrDefault(i => i.Channel == channel && i.ExternalId == externalId)?.Person
        ?? (await db.ChannelIdentities.Include(i => i.Person).FirstOrDefaultAsync(i => i.Channel == channel && i.ExternalId == externalId, ct))?.Person;

    private static async Task<Person?> FindEmailAsync(CoachDbContext db, string email, CancellationToken ct) =>
        db.People.Local.FirstOrDefault(p => p.Email == email) ?? await db.People.FirstOrDefaultAsync(p => p.Email == email, ct);
}
