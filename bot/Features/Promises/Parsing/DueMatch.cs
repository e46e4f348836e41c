namespace AccountCoachBot.Features.Promises.Parsing;

/// <summary>
/// A due-time expression found in a text. Start/Length cover the words in the original text, including a
/// leading preposition such as "by" or «до», so a caller can cut them out. HasTime is false when no time of
/// day was said and the due defaulted to the end of the working day.
/// </summary>
public sealed record DueMatch(DateTimeOffset Due, int Start, int Length, bool HasTime);
