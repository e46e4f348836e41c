namespace AccountCoachBot.Features.People;

/// <summary>A client account, named per owner.</summary>
public sealed class Account : IOwnNumbered
{
    public int Id { get; set; }
    public int OwnerId { get; set; }

    /// <summary>The owner's own number for it: 1, 2, 3… per person, never given twice.</summary>
    public int Number { get; set; }

    public string Name { get; set; } = "";

    /// <summary>Upper-invariant name, unique per owner, so "acme" and "Acme" are one account.</summary>
    public string NormalizedName { get; set; } = "";

    public DateTime CreatedUtc { get; set; }

    public static string Normalize(string name) => string.Join(' ', name.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToUpperInvariant();
}
