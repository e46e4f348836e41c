namespace AccountCoachBot.Tests.Infrastructure;

/// <summary>A SQLite file of the test's own in a temp folder, deleted afterwards.</summary>
public sealed class TestDatabase : IDisposable
{
    public string Directory { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "coach-tests", Guid.NewGuid().ToString("N"));

    public TestDatabase() => System.IO.Directory.CreateDirectory(Directory);

    public string Path => System.IO.Path.Combine(Directory, "coach.db");

    public string ConnectionString => $"Data Source={Path}";

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { System.IO.Directory.Delete(Directory, recursive: true); } catch (IOException) { }
    }
}
