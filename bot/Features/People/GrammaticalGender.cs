namespace AccountCoachBot.Features.People;

/// <summary>
/// How a person speaks of themselves in Russian («я обещал» / «я обещала»): notes written on their behalf use it.
/// Unknown until they say (`пол ж` / `gender f`); until then the notes use phrasing that needs none.
/// </summary>
public enum GrammaticalGender
{
    Unknown = 0,
    Masculine = 1,
    Feminine = 2,
}
