namespace AccountCoachBot;

/// <summary>
/// The bot reads appsettings.json once, at start. .NET's default watches the content root for changes to it, and that
/// watch takes in every folder below: the database's by default (data/coach.db). Measured under a burst of acks
/// (bench/JOURNAL.md), each write to the database's log woke the watcher, and the bot took a fifth less throughput on
/// the same machine. The bot never reloads its settings anyway: they are checked once, before it listens.
/// </summary>
public static class SettingsFiles
{
    /// <summary>The host's own switch (https://learn.microsoft.com/dotnet/core/extensions/generic-host): first, so an
    /// operator's own argument still wins.</summary>
    public const string ReadOnce = "--hostBuilder:reloadConfigOnChange=false";

    public static string[] ReadOnceWith(string[] args) => [ReadOnce, .. args];
}
