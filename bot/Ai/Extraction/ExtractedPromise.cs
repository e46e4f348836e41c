namespace AccountCoachBot.Ai.Extraction;

/// <summary>
/// A promise read by the model and validated: the action is never empty, the due (when there is one) lies ahead
/// within a year, and the client is one of the person's own or a new name that the message itself contains.
/// What failed validation is null, so the ordinary flow asks for it.
/// </summary>
public sealed record ExtractedPromise(string? Account, bool IsKnownAccount, string? Contact, string Action, DateTime? DueUtc);
