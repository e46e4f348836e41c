namespace AccountCoachBot.Features.People;

/// <summary>
/// A row a person sees numbered as their own: their promises, meetings and accounts are #1, #2, #3… for them alone,
/// whoever else uses the bot. The number is given when the row is first saved (<see cref="Data.OwnNumbers"/>), stays,
/// and is never given again to another of that person's rows of the kind, even after this one is gone. What people
/// see and type uses the number; buttons carry the row's id.
/// </summary>
public interface IOwnNumbered
{
    int Id { get; }
    int OwnerId { get; }

    /// <summary>0 until saved.</summary>
    int Number { get; set; }
}
