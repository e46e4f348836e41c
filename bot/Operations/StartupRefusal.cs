namespace AccountCoachBot.Operations;

/// <summary>
/// The server will not start, for a reason an operator can fix (a bad setting, an open endpoint on a public address,
/// an unreachable database). The message is the one line printed before exiting with code 1; no stack trace.
/// Derives from <see cref="InvalidOperationException"/>, what the host throws for a failed start.
/// </summary>
public sealed class StartupRefusal(string message) : InvalidOperationException(message)
{
    public const int ExitCode = 1;
}
