namespace AccountCoachBot.Operations;

/// <summary>A reason not to start the server, decided from configuration before anything listens.</summary>
public interface IStartupCheck
{
    /// <summary>The one line to print and exit with, or null to go on.</summary>
    string? Refusal();
}
