using System.Text.RegularExpressions;
using AccountCoachBot.Conversation;

namespace AccountCoachBot.Features.Teams;

/// <summary>
/// `kudos @vera for rescuing the Globex renewal` (`спасибо @vera за …`, `похвала …`): stored for the digest, and
/// passed on to Vera at once in her own chat.
/// </summary>
public sealed partial class KudosCommands : ITurnHandler
{

    [GeneratedRegex(@"^(?:to|для)$", RegexOptions.IgnoreCase)]
    private static partial Regex Lead();

    [GeneratedRegex(@"^(?:for|за|—|-|:)\s*", RegexOptions.IgnoreCase)]
    private static partial Regex For();

    public async Task<IReadOnlyList<Reply>?> TryHandleAsync(Turn turn, CancellationToken ct)
    {
        if (turn.Action is not null || !TeamVerbs.Kudos.Matches(turn.Text, out var rest)) return null;
        var split = PersonRefs.Read(rest, turn.Message.MentionsOrEmpty);
        // "спасибо за помощь" and "thanks to you" are thanks to the bot, not kudos: only a named colleague makes them.
        var plainThanks = TeamVerbs.Kudos.Matches(turn.Text, out _) && !Command.Matches(turn.Text, out _, "kudos", "похвала", "благодарность");
        if (split.People.Count == 0) return plainThanks ? null : [turn.T(KudosTexts.Usage)];
        if (split.Head.Length > 0 && !Lead().IsMatch(split.Head)) return plainThanks ? null : [turn.T(KudosTexts.Usage)];
        if (split.People.Count > 1) return [turn.T(KudosTexts.OnePerson)];
        var why = For().Replace(split.Tail, "").Trim();
        if (why.Length == 0) return [turn.T(KudosTexts.Usage)];
        if (why.Length > 500) return [turn.T(KudosTexts.TooLong)];

        var found = await TeamPeople.ResolveAsync(turn.Db, turn.Message.Channel, split.People[0], turn.NowUtc, ct);
        if (found.Problem is not null)
        {
            foreach (var person in turn.Db.ChangeTracker.Entries<People.Person>()) person.Entity.Identities.RemoveAll(i => i.Id == 0);
            foreach (var entry in turn.Db.ChangeTracker.Entries().Where(e => e.State == Microsoft.EntityFrameworkCore.EntityState.Added).ToList())
                entry.State = Microsoft.EntityFrameworkCore.EntityState.Detached;
            return [turn.T(found.Problem, found.Shown)];
        }
        if (ReferenceEquals(found.Person, turn.Person) || found.Person!.Id == turn.Person.Id) return [turn.T(KudosTexts.Self)];

        await turn.Db.SaveChangesAsync(ct);
        var kudos = new Kudos { FromId = turn.Person.Id, ToId = found.Person.Id, Text = why, AtUtc = turn.NowUtc };
        turn.Db.Set<Kudos>().Add(kudos);
        await turn.Db.SaveChangesAsync(ct);
        var told = await TeamNotices.QueueKudosAsync(turn.Db, kudos, turn.NowUtc, ct);
        return [turn.T(told ? KudosTexts.Saved : KudosTexts.SavedLater, found.Shown)];
    }
}
