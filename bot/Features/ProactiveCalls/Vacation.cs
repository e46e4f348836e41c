using AccountCoachBot.Features.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AccountCoachBot.Features.ProactiveCalls;

/// <summary>
/// Days a person is away, in their own calendar (first and last day inclusive). Call nudges wait; on return
/// the person gets one catch-up summary instead of a backlog.
/// </summary>
public sealed class Vacation
{
    public int Id { get; set; }
    public int PersonId { get; set; }
    public DateOnly FirstDay { get; set; }
    public DateOnly LastDay { get; set; }

    /// <summary>The return has been handled: the catch-up summary was written (or there was nothing to catch up on).</summary>
    public bool CatchUpDone { get; set; }

    public DateTime CreatedUtc { get; set; }

    public bool Covers(DateOnly day) => day >= FirstDay && day <= LastDay;
}

internal sealed class VacationConfiguration : IEntityTypeConfiguration<Vacation>
{
    public void Configure(EntityTypeBuilder<Vacation> e)
    {
        e.ToTable("Vacations");
        e.HasOne<Person>().WithMany().HasForeignKey(v => v.PersonId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(v => new { v.PersonId, v.LastDay });
    }
}
