using System.Text.Json.Nodes;
using AccountCoachBot.Channels.Inbox;
using AccountCoachBot.Scheduling;
using AccountCoachBot.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AccountCoachBot.Tests.Operations;

/// <summary>
/// The SQLite file unopenable for a while (a folder where it was, as a lost volume would leave it): a message is still
/// acknowledged, kept in the arrivals file beside it, and the person is told it will be answered; once the file is back
/// the bot answers it and what came after, and the reminder that came due meanwhile goes out once.
/// </summary>
public sealed class DatabaseOutageSqliteTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 4, 9, 0, 0, TimeSpan.Zero)); // Wed 10:00 Berlin

    [Fact]
    public async Task Turns_ApologiseAndAnswerOnceTheFileIsBack_WhenTheDatabaseFileIsAwayForAWhile()
    {
        using var db = new TestDatabase();
        await using var connector = await FakeConnector.StartAsync();
        await using var bot = await BotHost.StartAsync(db.Path, _time);
        using var http = new HttpClient { BaseAddress = new Uri(bot.BaseUrl) };
        await PostAsync(http, Activities.Message(connector.ServiceUrl, "promise Acme: send the quote in 10 minutes"));
        await connector.WaitForDeliveredAsync(1);
        var before = connector.Calls.Count;
        var due = await bot.WithDbAsync(d => d.Outbox.CountAsync(o => o.Status == OutboxStatus.Pending && o.DueUtc <= _time.GetUtcNow().UtcDateTime.AddMinutes(15)));
        Assert.True(due > 0, "the promise's reminder was not queued");

        // As a lost volume would: no connection goes on writing to the file that was there.
        SqliteConnection.ClearAllPools();
        File.Move(db.Path, db.Path + ".away");
        Directory.CreateDirectory(db.Path);
        _time.Advance(TimeSpan.FromMinutes(15));

        await PostAsync(http, Activities.Message(connector.ServiceUrl, "обещания", id: "m-away"));
        var apology = (await connector.WaitForDeliveredAsync(before + 1))[^1];
        Assert.Equal(("m-away", "Извините, сейчас нет доступа к моим записям. Ваше сообщение у меня, и я отвечу на него, как только смогу."),
            (apology.ActivityId, apology.Activity["text"]!.GetValue<string>()));
        await Assert.ThrowsAnyAsync<Exception>(bot.RunDispatcherAsync);
        Assert.Equal(before + 1, connector.Calls.Count);

        Directory.Delete(db.Path);
        File.Move(db.Path + ".away", db.Path);

        await PostAsync(http, Activities.Message(connector.ServiceUrl, "promises", id: "m-back"));
        var answers = (await connector.WaitForDeliveredAsync(before + 3)).TakeLast(2).ToList();
        Assert.Equal(["m-away", "m-back"], answers.Select(a => a.ActivityId)); // the kept message first, in its order
        Assert.All(answers, a => Assert.Contains("Acme", a.Activity.ToJsonString()));
        Assert.Equal(due, await bot.RunDispatcherAsync());
        Assert.Equal(0, await bot.RunDispatcherAsync());
        Assert.Equal(due, connector.Delivered.Count(c => c.ActivityId is null));
    }

    private static async Task PostAsync(HttpClient http, JsonObject activity)
    {
        using var response = await http.PostAsync("api/messages", activity);
        Assert.True(response.IsSuccessStatusCode, $"/api/messages answered {(int)response.StatusCode}");
    }
}
