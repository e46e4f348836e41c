using System.Net;
using AccountCoachBot.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace AccountCoachBot.Tests.Operations;

/// <summary>/healthz: the process answers. /readyz: the database and job storage answer too.</summary>
public sealed class ReadinessTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 4, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Readyz_Answers503WhileTheDatabaseIsGone_AndHealthzStill200()
    {
        using var db = new TestDatabase();
        await using var bot = await BotHost.StartAsync(db.Path, _time);
        using var http = new HttpClient { BaseAddress = new Uri(bot.BaseUrl) };
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("readyz")).StatusCode);

        // The database file becomes unopenable (a folder where it was), as a lost volume would be.
        SqliteConnection.ClearAllPools();
        File.Move(db.Path, db.Path + ".away");
        Directory.CreateDirectory(db.Path);

        var notReady = await http.GetAsync("readyz");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, notReady.StatusCode);
        Assert.Contains("database unreachable", await notReady.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("healthz")).StatusCode);

        Directory.Delete(db.Path);
        File.Move(db.Path + ".away", db.Path);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("readyz")).StatusCode); // back by itself
    }
}
