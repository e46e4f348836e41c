using System.Text.RegularExpressions;
using AccountCoachBot.Data;
using Microsoft.EntityFrameworkCore;

namespace AccountCoachBot.Features.MeetingPrep;

/// <summary>A person named in an answer, and what was said about them.</summary>
public sealed record ContactLine(string Name, string Note);

/// <summary>
/// Reads people out of checklist and debrief answers ("Olga Petrova — CFO, wants predictability", one per line
/// or separated by ";") and keeps what drives them per client account.
/// </summary>
public static partial class ContactNotes
{
    public const int MaxNotes = 500;

    private static readonly HashSet<string> NotAName = new(StringComparer.OrdinalIgnoreCase)
    {
        "no one", "nobody", "none", "noone", "unknown", "tbd", "n/a", "nothing", "skip", "ok", "yes", "no", "not sure", "-", "—",
        "никто", "нет", "не знаю", "неизвестно", "ничего", "пропустить", "да", "ок", "пока неясно",
    };

    /// <summary>
    /// One entry per line that names a person. With <paramref name="allowBareNames"/>, a short line without a
    /// note ("Olga Petrova") counts too (who attends); otherwise only "name — note" lines do.
    /// </summary>
    public static IReadOnlyList<ContactLine> Parse(string? text, bool allowBareNames)
    {
        var result = new List<ContactLine>();
        if (string.IsNullOrWhiteSpace(text)) return result;
        foreach (var raw in text.Split(['\n', '\r', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var line = Bullet().Replace(raw, "").Trim();
            if (line.Length == 0) continue;
            var sep = Separator().Match(line);
            string name, note;
            if (sep.Success && sep.Index > 0)
            {
                name = line[..sep.Index].Trim();
                note = line[(sep.Index + sep.Length)..].Trim().TrimEnd(')', '.', ' ');
            }
            else
            {
                // A bare line is a name only when it looks like one: "Olga Petrova", not "ok" or "same as last time".
                if (!allowBareNames || !char.IsUpper(line[0])) continue;
                name = line.TrimEnd('.');
                note = "";
            }
            if (!LooksLikeName(name)) continue;
            result.Add(new ContactLine(name, note));
        }
        return result;
    }

    private static bool LooksLikeName(string name)
    {
        if (name.Length is 0 or > 60 || NotAName.Contains(name) || !char.IsLetter(name[0]) || name.Any(char.IsDigit)) return false;
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length <= 4;
    }

    /// <summary>Adds the people to the account's contacts, appending new notes; returns the names touched.</summary>
    public static async Task<IReadOnlyList<string>> RememberAsync(CoachDbContext db, Meeting meeting, IEnumerable<ContactLine> lines, DateTime nowUtc, CancellationToken ct)
    {
        var touched = new List<string>();
        foreach (var line in lines)
        {
            var normalized = Normalize(line.Name);
            var contact = db.Set<ClientContact>().Local.FirstOrDefault(c => c.AccountId == meeting.AccountId && c.NormalizedName == normalized)
                ?? await db.Set<ClientContact>().FirstOrDefaultAsync(c => c.AccountId == meeting.AccountId && c.NormalizedName == normalized, ct);
            if (contact is null)
            {
                contact = new ClientContact
                {
                    OwnerId = meeting.OwnerId, AccountId = meeting.AccountId, Name = line.Name, NormalizedName = normalized, CreatedUtc = nowUtc,
                };
                db.Set<ClientContact>().Add(contact);
            }
            contact.Notes = Merge(contact.Notes, line.Note);
            contact.LastMeetingId = meeting.Id;
            contact.UpdatedUtc = nowUtc;
            touched.Add(contact.Name);
        }
        return touched;
    }

    /// <summary>Appends a note unless it is already there; keeps the newest <see cref="MaxNotes"/> characters.</summary>
    public static string Merge(string existing, string note)
    {
        note = note.Trim();
        if (note.Length == 0 || existing.Contains(note, StringComparison.OrdinalIgnoreCase)) return existing;
        var merged = existing.Length == 0 ? note : $"{existing}; {note}";
        if (merged.Length <= MaxNotes) return merged;
        var tail = merged[^MaxNotes..];
        var cut = tail.IndexOf("; ", StringComparison.Ordinal);
        return cut >= 0 ? tail[(cut + 2)..] : tail;
    }

    public static string Normalize(string name) => string.Join(' ', name.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToUpperInvariant();

    /// <summary>True when the notes name a client-side executive (CEO, CFO, director, VP, owner…, both languages).</summary>
    public static bool IsExecutive(string? notes) => !string.IsNullOrWhiteSpace(notes) && Executive().IsMatch(notes);

    public static string Describe(ClientContact c) => string.IsNullOrWhiteSpace(c.Notes) ? c.Name : $"{c.Name} — {c.Notes}";

    [GeneratedRegex(@"^(?:[-*•·]+|[0-9]+[.)])\s*")]
    private static partial Regex Bullet();

    // "Name — note", "Name – note", "Name - note", "Name: note", "Name (note)", "Name, note".
    [GeneratedRegex(@"\s+[—–-]\s+|\s*[—–]\s*|\s*:\s+|\s*\(\s*|\s*,\s+")]
    private static partial Regex Separator();

    [GeneratedRegex(@"(?<![\p{L}])(CEO|CFO|COO|CTO|CIO|CMO|CRO|CPO|CHRO|VP|SVP|EVP|vice[- ]president|president|director|managing director|head of|business owner|founder|co-founder|chair(?:man|woman)?|board member|managing partner|генеральн\w*|гендир\w*|директор\w*|руководител\w*|владел\w*|основател\w*|совладел\w*|председател\w*|вице-президент\w*|президент\w*|партн[её]р\w*|член\w* правления|правлени\w*)(?![\p{L}])", RegexOptions.IgnoreCase)]
    private static partial Regex Executive();
}
