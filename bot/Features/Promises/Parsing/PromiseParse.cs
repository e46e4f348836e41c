using AccountCoachBot.Features.People;

namespace AccountCoachBot.Features.Promises.Parsing;

/// <summary>
/// The result of reading one message. For a non-promise, Account, Action and Due are null.
/// Account is the known spelling when <see cref="IsKnownAccount"/> is true, else the name as written. Contact is the
/// person at the client the promise was made to, in the nominative («Ольга»), when the text names one.
/// </summary>
public sealed record PromiseParse(
    bool IsPromise,
    string? Account,
    bool IsKnownAccount,
    string? Action,
    DateTimeOffset? Due,
    Language Language,
    string? Contact = null)
{
    internal static PromiseParse None(Language language) => new(false, null, false, null, null, language);
}
