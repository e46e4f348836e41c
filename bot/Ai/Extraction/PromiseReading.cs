using AccountCoachBot.Features.Promises.Parsing;

namespace AccountCoachBot.Ai.Extraction;

/// <summary>One way to read a message as a promise, ready to be offered as a button.</summary>
public sealed record PromiseReading(string? Account, bool IsKnownAccount, string? Contact, string Action, DateTime? DueUtc);

/// <summary>
/// The parser and the model side by side. The parser is deterministic and wins where it has a field; the model fills
/// what the parser left empty. Where both have a client or a date and they differ, neither is trusted: both readings
/// are offered and the person picks one with a tap.
/// </summary>
public static class PromiseReconciler
{
    public static IReadOnlyList<PromiseReading> Readings(PromiseParse parse, ExtractedPromise? model)
    {
        var parsed = parse.IsPromise && !string.IsNullOrWhiteSpace(parse.Action)
            ? new PromiseReading(parse.Account, parse.IsKnownAccount, parse.Contact, parse.Action!, parse.Due?.UtcDateTime)
            : null;
        if (model is null) return parsed is null ? [] : [parsed];
        var read = new PromiseReading(model.Account, model.IsKnownAccount, model.Contact, model.Action, model.DueUtc);
        if (parsed is null) return [read];

        var accountsDiffer = parsed.Account is not null && read.Account is not null
            && !string.Equals(parsed.Account, read.Account, StringComparison.OrdinalIgnoreCase);
        var duesDiffer = parsed.DueUtc is { } a && read.DueUtc is { } b && a != b;
        var filled = parsed with
        {
            Account = parsed.Account ?? read.Account,
            IsKnownAccount = parsed.Account is null ? read.IsKnownAccount : parsed.IsKnownAccount,
            Contact = parsed.Contact ?? read.Contact,
            DueUtc = parsed.DueUtc ?? read.DueUtc,
        };
        if (!accountsDiffer && !duesDiffer) return [filled];
        var other = read with
        {
            Account = read.Account ?? parsed.Account,
            IsKnownAccount = read.Account is null ? parsed.IsKnownAccount : read.IsKnownAccount,
            Contact = read.Contact ?? parsed.Contact,
            DueUtc = read.DueUtc ?? parsed.DueUtc,
        };
        return [filled, other];
    }
}
