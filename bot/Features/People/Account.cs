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

    /// <summary>When the owner marked it lost (`account Acme lost: …`), and why. Kept after a win-back: churn counts the period it happened in.</summary>
    public DateTime? LostUtc { get; set; }
    public string? LostReason { get; set; }

    /// <summary>When it was last won back (`account Acme won back`); a loss after it makes the account lost again.</summary>
    public DateTime? WonBackUtc { get; set; }

    public bool IsLost => IsLostAt(LostUtc, WonBackUtc, DateTime.MaxValue);

    /// <summary>Lost at an instant: marked lost before it and not won back between the loss and it.</summary>
    public static bool IsLostAt(DateTime? lostUtc, DateTime? wonBackUtc, DateTime atUtc) =>
        lostUtc is { } lost && lost < atUtc && !(wonBackUtc is { } won && won > lost && won <= atUtc);

    public static string Normalize(string name) => string.Join(' ', name.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToUpperInvariant();
}
