namespace AccountCoachBot.Features.Teams;

/// <summary>
/// The admin chosen by the bot itself: with no <c>Coach:Admins</c> configured, the first person who talks to it.
/// At most one row (<see cref="Slot"/> is always 1); configured admins are never stored.
/// </summary>
public sealed class TeamAdmin
{
    public const int TheSlot = 1;

    public int Slot { get; set; } = TheSlot;
    public int PersonId { get; set; }
    public DateTime AssignedUtc { get; set; }
}
