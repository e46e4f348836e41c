namespace AccountCoachBot.Features.People.Declension;

/// <summary>The six Russian cases, in the order the declension tables list them.</summary>
public enum RussianCase
{
    Nominative = 0,
    Genitive = 1,
    Dative = 2,
    Accusative = 3,
    Instrumental = 4,
    Prepositional = 5,
}
