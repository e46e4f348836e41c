using System.Text.RegularExpressions;
using AccountCoachBot.Data;
using AccountCoachBot.Features.People;
using AccountCoachBot.Features.Promises;
using AccountCoachBot.Features.Promises.Parsing;

namespace AccountCoachBot.Features.MeetingPrep;

/// <summary>One line of the debrief's "what did you promise": the deliverable and, if it said one, a due time.</summary>
public sealed record PromiseLine(string Line, string What, DateTime? DueUtc);

/// <summary>
/// Turns the debrief's promises (one per line, each with a date) into tracked promises: the same rows and
/// reminders the Promises feature makes, linked to the meeting they were made in.
/// </summary>
public static partial class DebriefPromises
{
    private static readonly HashSet<string> Nothing = new(StringComparer.OrdinalIgnoreCase)
    {
        "-", "—", "no", "none", "nothing", "n/a", "skip", "нет", "ничего", "пропустить",
    };

    public static IReadOnlyList<PromiseLine> Parse(string? text, ParseContext context)
    {
        var result = new List<PromiseLine>();
        if (string.IsNullOrWhiteSpace(text)) return result;
        foreach (var raw in text.Split(['\n', '\r', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var line = Bullet().Replace(raw, "").Trim();
            if (line.Length == 0 || Nothing.Contains(line.TrimEnd('.', '!'))) continue;
            var due = DueParser.Find(line, context);
            var what = due is null ? line : line.Remove(due.Start, due.Length);
            what = Lead().Replace(Spaces().Replace(what, " "), "").Trim(' ', ',', '.', ';', ':', '-', '—');
            if (what.Length == 0) what = line;
            result.Add(new PromiseLine(line, what, due?.Due.UtcDateTime));
        }
        return result;
    }

    /// <summary>Creates a promise per dated line (due ahead of now) and plans its reminders; returns them and the lines left out.</summary>
    public static async Task<(IReadOnlyList<Promise> Created, IReadOnlyList<PromiseLine> Undated)> CreateAsync(
        CoachDbContext db, Meeting meeting, Person person, ConversationAddress address, IReadOnlyList<PromiseLine> lines, DateTime nowUtc, CancellationToken ct)
    {
        var created = new List<Promise>();
        var undated = new List<PromiseLine>();
        foreach (var line in lines)
        {
            if (line.DueUtc is not { } due || due <= nowUtc)
            {
                undated.Add(line);
                continue;
            }
            var promise = new Promise
            {
                OwnerId = person.Id,
                AccountId = meeting.AccountId,
                What = line.What.Length > 1000 ? line.What[..1000] : line.What,
                DueUtc = due,
                TimeZoneId = person.TimeZoneId,
                AddressId = address.Id,
                CreatedUtc = nowUtc,
                History = [new PromiseEvent { Kind = PromiseEventKind.Created, AtUtc = nowUtc, NewDueUtc = due, Reason = $"debrief of meeting #{meeting.Number}" }],
            };
            db.Promises.Add(promise);
            await db.SaveChangesAsync(ct);
            db.Set<MeetingPromise>().Add(new MeetingPromise { MeetingId = meeting.Id, PromiseId = promise.Id });
            await PromiseScheduler.PlanAsync(db, promise, person, address, nowUtc, ct);
            created.Add(promise);
        }
        return (created, undated);
    }

    [GeneratedRegex(@"^(?:[-*•·]+|[0-9]+[.)])\s*")]
    private static partial Regex Bullet();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    // "I'll send…", "we will send…", "to send…", «обещал(а) отправить…», «пообещали…».
    [GeneratedRegex(@"^\s*(?:(?:i'll|i will|we'll|we will|(?:i |we )?promised to|to)\s+|(?:по)?обещал[аи]?\s+)", RegexOptions.IgnoreCase)]
    private static partial Regex Lead();
}
