using System.Text.Json;
using AccountCoachBot.Cli;

namespace AccountCoachBot.Tests.Cli;

public class ParseBatchCommandTests
{
    private static async Task<(int ExitCode, string[] Lines)> Run(params string[] input)
    {
        var output = new StringWriter();
        var exitCode = await ParseBatchCommand.RunAsync(new StringReader(string.Join('\n', input)), output);
        return (exitCode, output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray());
    }

    [Fact]
    public async Task RunAsync_WritesOneResultPerLineInOrder_WhenLinesAreValid()
    {
        var (exitCode, lines) = await Run(
            """{"text":"I'll send Initech the draft contract by Monday","now":"2026-03-04T11:00:00","tz":"Europe/Berlin","locale":"en-US"}""",
            """{"text":"обещал Globex перезвонить завтра в 9","now":"2026-03-04T11:00:00","tz":"Europe/Berlin","accounts":[]}""",
            """{"text":"what did Acme say about pricing?","now":"2026-03-04T11:00:00","tz":"Europe/Berlin"}""");

        Assert.Equal(0, exitCode);
        Assert.Equal(
        [
            """{"isPromise":true,"account":"Initech","action":"send the draft contract","due":"2026-03-09T18:00:00+01:00"}""",
            """{"isPromise":true,"account":"Globex","action":"перезвонить","due":"2026-03-05T09:00:00+01:00"}""",
            """{"isPromise":false,"account":null,"action":null,"due":null}""",
        ], lines);
    }

    [Fact]
    public async Task RunAsync_WritesAnErrorAndGoesOn_WhenALineIsBad()
    {
        var (exitCode, lines) = await Run(
            """{"text":"I'll call Acme tomorrow","now":"2026-03-04T11:00:00","tz":"Europe/Berlin"}""",
            """{not json""",
            """{"text":"I'll call Acme tomorrow","now":"2026-03-04T11:00:00","tz":"Mars/Olympus_Mons"}""",
            """{"now":"2026-03-04T11:00:00","tz":"Europe/Berlin"}""",
            """{"text":"I'll call Acme tomorrow","now":"yesterday-ish","tz":"Europe/Berlin"}""",
            """{"text":"I'll call Acme tomorrow","now":"2026-03-04T11:00:00","tz":"Europe/Berlin","accounts":["Acme"]}""");

        Assert.Equal(0, exitCode);
        Assert.Equal(6, lines.Length);
        Assert.True(JsonDocument.Parse(lines[0]).RootElement.GetProperty("isPromise").GetBoolean());
        for (var i = 1; i <= 4; i++)
            Assert.Equal(JsonValueKind.String, JsonDocument.Parse(lines[i]).RootElement.GetProperty("error").ValueKind);
        Assert.Contains("Mars/Olympus_Mons", lines[2]);
        Assert.Equal("""{"isPromise":true,"account":"Acme","action":"call","due":"2026-03-05T18:00:00+01:00"}""", lines[5]);
    }

    [Fact]
    public async Task RunAsync_ReadsNowAsAnInstant_WhenNowCarriesAnOffset()
    {
        // 22:30Z is already 01:30 the next day in Moscow, so "tomorrow" is the 6th there.
        var (_, lines) = await Run("""{"text":"Пришлю Ромашке счёт завтра","now":"2026-03-04T22:30:00Z","tz":"Europe/Moscow","accounts":["Ромашка"]}""");

        Assert.Equal("""{"isPromise":true,"account":"Ромашка","action":"прислать счёт","due":"2026-03-06T18:00:00+03:00"}""", Assert.Single(lines));
    }

    [Fact]
    public async Task RunAsync_SkipsBlankLines_WhenInputHasThem()
    {
        var (exitCode, lines) = await Run("", """{"text":"hi","now":"2026-03-04T11:00:00","tz":"UTC"}""", "   ");

        Assert.Equal(0, exitCode);
        Assert.Equal("""{"isPromise":false,"account":null,"action":null,"due":null}""", Assert.Single(lines));
    }

    [Fact]
    public async Task RunAsync_ReturnsOne_WhenTheInputCannotBeRead()
    {
        var exitCode = await ParseBatchCommand.RunAsync(new FailingReader(), new StringWriter());

        Assert.Equal(1, exitCode);
    }

    private sealed class FailingReader : TextReader
    {
        public override ValueTask<string?> ReadLineAsync(CancellationToken cancellationToken) => throw new IOException("disk gone");
    }
}
