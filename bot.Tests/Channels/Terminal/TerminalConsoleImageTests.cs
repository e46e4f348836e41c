using AccountCoachBot.Channels.Terminal;
using AccountCoachBot.Conversation;
using AccountCoachBot.Tests.Infrastructure;

namespace AccountCoachBot.Tests.Channels.Terminal;

/// <summary>A terminal cannot show a picture: it saves the file and prints what it shows and where it is.</summary>
public sealed class TerminalConsoleImageTests
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3];

    [Fact]
    public void Write_SavesTheImageAndPrintsItsDescriptionAndPath_AfterTheText()
    {
        using var folder = new TestDatabase(); // a temp folder of the test's own
        var output = new StringWriter();
        var console = new TerminalConsole(output, folder.Directory);

        console.Write(new Reply("On time: 6 of 8") { Image = new ReplyImage(Png, "Chart: promises kept on time, by week", "on-time-2026-11-23.png") });

        var path = Path.Combine(folder.Directory, "on-time-2026-11-23.png");
        Assert.Equal(Png, File.ReadAllBytes(path));
        var lines = output.ToString().Split(Environment.NewLine);
        Assert.Equal("On time: 6 of 8", lines[0]);
        Assert.Equal($"🖼 Chart: promises kept on time, by week → {path}", lines[1]);
    }

    [Fact]
    public void Write_PrintsTheDescriptionAlone_WhenTheFileCannotBeSaved()
    {
        using var folder = new TestDatabase();
        var blocked = Path.Combine(folder.Directory, "not-a-folder");
        File.WriteAllText(blocked, "a file where the folder would be");
        var output = new StringWriter();

        new TerminalConsole(output, blocked).Write(new Reply("On time: 6 of 8") { Image = new ReplyImage(Png, "Chart", "../../escape.png") });

        Assert.Contains("🖼 Chart" + Environment.NewLine, output.ToString());
        Assert.DoesNotContain("→", output.ToString());
    }
}
