using System.Security.Cryptography;
using AccountCoachBot.Conversation;
using Microsoft.EntityFrameworkCore;

namespace AccountCoachBot.Features.People;

/// <summary>
/// `link` joins a person's identities across channels (Teams and Slack) when no shared email links them:
/// `link` on one side gives a one-time code, `link 123456` on the other side merges into that person.
/// </summary>
public sealed class LinkCommand(PersonMerge merge) : ITurnHandler
{
    private static readonly TimeSpan CodeLifetime = TimeSpan.FromMinutes(10);

    private static readonly Text CodeIssued = new(
        "Your link code: {0} (valid 10 minutes). In your other chat app, send `link {0}` to me.",
        "Ваш код для связи: {0} (действует 10 минут). В другом мессенджере отправьте мне `связать {0}`.");
    private static readonly Text CodeUnknown = new(
        "That code is unknown or has expired. Send `link` in your other chat app to get a new one.",
        "Код не найден или истёк. Отправьте `связать` в другом мессенджере, чтобы получить новый.");
    private static readonly Text Linked = new(
        "Linked: both chats are now one account with {0} open promises. Reminders come to the chat you used last.",
        "Готово: оба мессенджера теперь одна учётная запись, открытых обещаний: {0}. Напоминания приходят туда, где вы писали последним.");
    private static readonly Text AlreadyLinked = new("This chat is already linked to that account.", "Этот мессенджер уже связан с этой учётной записью.");

    public async Task<IReadOnlyList<Reply>?> TryHandleAsync(Turn turn, CancellationToken ct)
    {
        if (turn.Action is not null || !PeopleVerbs.Link.Matches(turn.Text, out var code)) return null;
        code = code.Trim();
        if (code.Length == 0)
        {
            turn.Person.LinkCode = RandomNumberGenerator.GetInt32(100_000, 1_000_000).ToString();
            turn.Person.LinkCodeExpiresUtc = turn.NowUtc + CodeLifetime;
            return [turn.T(CodeIssued, turn.Person.LinkCode)];
        }

        var target = await turn.Db.People.FirstOrDefaultAsync(p => p.LinkCode == code && p.LinkCodeExpiresUtc > turn.NowUtc, ct);
        if (target is null) return [turn.T(CodeUnknown)];
        if (target.Id == turn.Person.Id) return [turn.T(AlreadyLinked)];

        // The person writing now moves into the one who issued the code; the merge re-reads what it changes.
        await merge.MergeAsync(turn.Db, turn.Person.Id, target.Id, ct);
        await turn.Db.People.Where(p => p.Id == target.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.LinkCode, (string?)null).SetProperty(p => p.LinkCodeExpiresUtc, (DateTime?)null), ct);
        var language = await turn.Db.People.Where(p => p.Id == target.Id).Select(p => p.Language).SingleAsync(ct);
        var open = await turn.Db.Promises.CountAsync(p => p.OwnerId == target.Id && p.Status == Promises.PromiseStatus.Open, ct);
        return [Linked.Format(language, open)];
    }
}
