using System.Globalization;
using AccountCoachBot.Conversation;
using AccountCoachBot.Features.People;
using Microsoft.EntityFrameworkCore;

namespace AccountCoachBot.Features.Undo;

/// <summary>
/// `undo` / `отменить последнее`, and the Undo button under a confirmation: takes back the person's last change if
/// it is under <see cref="UndoLog.Window"/> old. The button names its change; it is re-checked against the person
/// pressing it.
/// </summary>
public sealed class UndoCommands(IEnumerable<IUndoable> features) : ITurnHandler
{
    public const string Action = "undo.last";
    public const string EntryKey = "change";

    // «отменить последнее» comes here, not to promises' `отменить N`: the longer matching word wins (TurnRoutes.ForText).

    /// <summary>The button a confirmation carries to take its change back.</summary>
    public static CardAction Button(UndoEntry entry, Language language) =>
        new(Action, UndoTexts.Button[language], new Dictionary<string, string> { [EntryKey] = entry.Id.ToString(CultureInfo.InvariantCulture) });

    public async Task<IReadOnlyList<Reply>?> TryHandleAsync(Turn turn, CancellationToken ct)
    {
        if (turn.Action is { } action)
            return [await PressedAsync(turn, action, ct)];
        return UndoVerbs.Undo.Is(turn.Text) ? [await UndoLastAsync(turn, ct)] : null;
    }

    private async Task<Reply> PressedAsync(Turn turn, SubmittedAction action, CancellationToken ct)
    {
        if (!long.TryParse(action.Get(EntryKey), NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            return turn.T(UndoTexts.NotLast);
        var entry = await turn.Db.Set<UndoEntry>().FirstOrDefaultAsync(u => u.Id == id, ct);
        if (entry is null) return turn.T(UndoTexts.NotLast); // a newer change replaced it
        if (entry.PersonId != turn.Person.Id) return turn.T(UndoTexts.NotYours);
        return await UndoAsync(turn, entry, ct);
    }

    private async Task<Reply> UndoLastAsync(Turn turn, CancellationToken ct)
    {
        var entry = await turn.Db.Set<UndoEntry>().Where(u => u.PersonId == turn.Person.Id).OrderByDescending(u => u.Id).FirstOrDefaultAsync(ct);
        return entry is null ? turn.T(UndoTexts.NothingToUndo) : await UndoAsync(turn, entry, ct);
    }

    private async Task<Reply> UndoAsync(Turn turn, UndoEntry entry, CancellationToken ct)
    {
        if (entry.UndoneUtc is not null) return turn.T(UndoTexts.NothingMore);
        if (turn.NowUtc - entry.AtUtc > UndoLog.Window) return turn.T(UndoTexts.TooOld);
        var feature = features.FirstOrDefault(f => f.Handles(entry.Kind));
        if (feature is null) return turn.T(UndoTexts.NothingToUndo);

        var outcome = await feature.RevertAsync(turn.Db, entry, turn.Person, turn.NowUtc, ct);
        if (outcome.Undone) await UndoLog.RestoreNudgesAsync(turn.Db, entry, ct);
        // Either way the change is spent: undone, or overtaken by a later one.
        entry.UndoneUtc = turn.NowUtc;
        return outcome.Text;
    }
}
