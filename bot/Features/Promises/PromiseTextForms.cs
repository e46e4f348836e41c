using System.Globalization;
using System.Text.RegularExpressions;
using AccountCoachBot.Conversation;
using AccountCoachBot.Features.People;
using AccountCoachBot.Features.Promises.Parsing;
using Microsoft.EntityFrameworkCore;

namespace AccountCoachBot.Features.Promises;

/// <summary>The typed forms of a reminder's buttons: `done 3`, `snooze 3`, `cancel 3: reason`, `move 3 to Tuesday because …`.</summary>
public sealed partial class PromiseCommands
{
    private async Task<Reply> ByNumberAsync(Turn turn, string actionId, string rest, string word, CancellationToken ct)
    {
        var number = LeadingNumber(rest, out _);
        if (number is null) return turn.T(PromiseTexts.NeedId, word);
        return await ActOnNumberAsync(turn, actionId, number.Value, [], ct);
    }

    private async Task<Reply> CancelTextAsync(Turn turn, string rest, CancellationToken ct)
    {
        var number = LeadingNumber(rest, out var reason);
        if (number is null) return turn.T(PromiseTexts.NeedId, "cancel");
        var payload = new Dictionary<string, string>();
        if (!string.IsNullOrWhiteSpace(reason)) payload[PromiseActions.ReasonKey] = reason.TrimStart(':', '-', ' ');
        return await ActOnNumberAsync(turn, PromiseActions.Cancel, number.Value, payload, ct);
    }

    /// <summary>`move 3 to Tuesday because the data is late` / `перенести 3 на вторник, потому что …`.</summary>
    private async Task<Reply> MoveTextAsync(Turn turn, string rest, CancellationToken ct)
    {
        var number = LeadingNumber(rest, out var tail);
        if (number is null) return turn.T(PromiseTexts.NeedId, "move");
        var payload = new Dictionary<string, string>();
        var split = BecauseWords().Match(tail);
        var when = split.Success ? tail[..split.Index] : tail;
        if (split.Success) payload[PromiseActions.ReasonKey] = tail[(split.Index + split.Length)..].Trim();
        when = ToWords().Replace(when, "").Trim(' ', ',', ':');
        if (when.Length > 0) payload[PromiseActions.DueKey] = when;
        return await ActOnNumberAsync(turn, PromiseActions.Move, number.Value, payload, ct);
    }

    /// <summary>The person's promise by their own number, then the same as its button (which carries the id, also when a question follows).</summary>
    private async Task<Reply> ActOnNumberAsync(Turn turn, string actionId, int number, Dictionary<string, string> payload, CancellationToken ct)
    {
        var promise = await turn.Db.Promises.Include(p => p.Account).Include(p => p.History)
            .FirstOrDefaultAsync(p => p.OwnerId == turn.Person.Id && p.Number == number, ct);
        if (promise is null) return turn.T(PromiseTexts.NotFound, number);
        payload[PromiseActions.IdKey] = promise.Id.ToString(CultureInfo.InvariantCulture);
        return await ActAsync(turn, promise, new SubmittedAction(actionId, payload), ct);
    }

    [GeneratedRegex(@"[,;]?\s*(\bbecause\b|\bas\b|\bsince\b|\bпотому что\b|\bтак как\b|\bпотому\b|\bиз-за\b)\s*", RegexOptions.IgnoreCase)]
    private static partial Regex BecauseWords();

    [GeneratedRegex(@"^\s*(to|until|till|на|до)\s+", RegexOptions.IgnoreCase)]
    private static partial Regex ToWords();
}
