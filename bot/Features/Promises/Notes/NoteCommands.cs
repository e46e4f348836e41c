using System.Globalization;
using System.Text.RegularExpressions;
using AccountCoachBot.Conversation;
using AccountCoachBot.Features.People;
using Microsoft.EntityFrameworkCore;

namespace AccountCoachBot.Features.Promises.Notes;

/// <summary>`note 3` (the promise's last note to the client, again) and `gender m|f` (how Russian notes speak of the manager).</summary>
public sealed partial class NoteCommands : ITurnHandler
{
    public async Task<IReadOnlyList<Reply>?> TryHandleAsync(Turn turn, CancellationToken ct)
    {
        if (turn.Action is not null) return null;
        if (NoteVerbs.Note.Matches(turn.Text, out var rest))
        {
            var m = Number().Match(rest);
            if (m.Success) return [await NoteAsync(turn, int.Parse(m.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture), ct)];
            // "note to self: …", «заметка: позвонить…»: a promise said another way, for the free-text reader.
            return rest.Length == 0 ? [turn.T(PromiseTexts.NeedId, NoteVerbs.Note.Shown(turn.Language))] : null;
        }
        if (NoteVerbs.Gender.Matches(turn.Text, out rest))
            return SetGender(turn, rest);
        return null;
    }

    private static async Task<Reply> NoteAsync(Turn turn, int number, CancellationToken ct)
    {
        var promise = await turn.Db.Promises.Include(p => p.Account).Include(p => p.History)
            .FirstOrDefaultAsync(p => p.OwnerId == turn.Person.Id && p.Number == number, ct);
        if (promise is null) return turn.T(PromiseTexts.NotFound, number);
        var change = promise.History.Where(h => h.Kind is PromiseEventKind.Moved or PromiseEventKind.Cancelled)
            .OrderByDescending(h => h.AtUtc).ThenByDescending(h => h.Id).FirstOrDefault();
        return change is null ? turn.T(NoteTexts.NoNote, number) : NoteCards.Again(turn.Person, promise, change);
    }

    private static IReadOnlyList<Reply>? SetGender(Turn turn, string value)
    {
        var word = value.Trim().TrimEnd('.', '!').ToLowerInvariant();
        GrammaticalGender? gender = word switch
        {
            "m" or "male" or "man" or "masculine" or "м" or "муж" or "мужской" or "мужчина" => GrammaticalGender.Masculine,
            "f" or "female" or "woman" or "feminine" or "ж" or "жен" or "женский" or "женщина" => GrammaticalGender.Feminine,
            "none" or "off" or "-" or "нет" or "не указан" or "не указывать" => GrammaticalGender.Unknown,
            _ => null,
        };
        if (gender is null)
        {
            // A longer sentence that merely starts with the word («пол дня ушло…») is not this command.
            if (word.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length > 2) return null;
            return [turn.T(NoteTexts.GenderUnknown)];
        }
        turn.Person.Gender = gender.Value;
        turn.Person.GenderAsked = true;
        return [turn.T(gender switch
        {
            GrammaticalGender.Masculine => NoteTexts.GenderSetMasculine,
            GrammaticalGender.Feminine => NoteTexts.GenderSetFeminine,
            _ => NoteTexts.GenderCleared,
        })];
    }

    [GeneratedRegex(@"^(?:#|№)?\s*([0-9]{1,9})\s*$")]
    private static partial Regex Number();
}
