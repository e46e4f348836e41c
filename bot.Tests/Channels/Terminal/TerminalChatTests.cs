using System.Globalization;
using AccountCoachBot.Channels.Terminal;
using AccountCoachBot.Tests.Infrastructure;

namespace AccountCoachBot.Tests.Channels.Terminal;

/// <summary>`chat` from a script: stdin in, readable text with numbered actions out, same database as the server.</summary>
public sealed class TerminalChatTests
{
    // `chat` runs on the real clock: a due date written into a test comes due one day (2026-12-03 did, and the card
    // it should have saved became a question). A month from today stays ahead.
    private static readonly string InAMonth = DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static async Task<string> ChatAsync(TestDatabase db, params string[] lines)
    {
        var output = new StringWriter();
        var code = await TerminalChat.RunAsync([$"--ConnectionStrings:Coach={db.ConnectionString}"], new StringReader(string.Join('\n', lines)), output);
        Assert.Equal(0, code);
        return output.ToString();
    }

    [Fact]
    public async Task Run_CapturesPromise_AndShowsNumberedActions()
    {
        using var db = new TestDatabase();

        var output = await ChatAsync(db, "promise Acme: send the revised quote tomorrow", "promises");

        Assert.Contains("Promise saved", output);
        Assert.Contains("Client: Acme", output);
        Assert.Contains("[1] Change date  [2] Edit  [3] Cancel", output);
        Assert.Contains("Open promises (1)", output);
    }

    [Fact]
    public async Task Run_PressesActionByNumber_AndAsksForItsInput()
    {
        using var db = new TestDatabase();

        var output = await ChatAsync(db, "promise Acme: send the revised quote tomorrow", "3", "the client cancelled the tender");

        Assert.Contains("Why cancel it?", output);
        Assert.Contains("Cancelled: send the revised quote", output);
    }

    [Fact]
    public async Task Run_SpeaksRussian_AndKeepsDataAcrossSessions()
    {
        using var db = new TestDatabase();
        await ChatAsync(db, $"обещание Ромашка: отправить счёт {InAMonth}");

        var output = await ChatAsync(db, "обещания");

        Assert.Contains("Открытые обещания (1)", output);
        Assert.Contains("Ромашка: отправить счёт", output);
    }

    [Fact]
    public async Task Run_TakesANumberAsTheAnswer_WhenTheLastMessageIsAQuestion()
    {
        using var db = new TestDatabase();

        // The saved card has three buttons; `move 1` then asks a question, and "3" answers it.
        var output = await ChatAsync(db, $"promise Acme: send the revised quote {InAMonth}", "move 1", "3");

        Assert.Contains("[3] Cancel", output);
        Assert.Contains("I didn't catch a date there", output);
        Assert.DoesNotContain("Why cancel it?", output);
    }
}
