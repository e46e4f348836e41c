using System.Text.RegularExpressions;
using AccountCoachBot.Features.Coaching;
using AccountCoachBot.Features.People;

namespace AccountCoachBot.Tests.Features.Coaching;

/// <summary>"why &lt;principle&gt;": the title, the statement and the seed it comes from, in the person's language.</summary>
public class WhyCommandTests
{
    private static readonly PrincipleCatalog Catalog = PrincipleCatalog.Load();

    private static string Collapse(string s) => Regex.Replace(s, @"\s+", " ").Trim();

    [Fact]
    public void FormatWhy_NamesTitleStatementAndSource_WhenInEnglish()
    {
        var p = Catalog.Get(PrincipleIds.AlwaysDoWhatYouSay);
        var text = WhyCommand.FormatWhy(p, Language.En);
        var lines = text.Split('\n');
        Assert.Equal(3, lines.Length);
        Assert.Equal(p.Title(Language.En), lines[0]);
        Assert.Equal(p.Statement(Language.En), lines[1]);
        Assert.StartsWith("Source: seed 004 — «", lines[2]);
        Assert.Contains(Collapse(p.Source.Quote), lines[2]);
    }

    [Fact]
    public void FormatWhy_UsesRussianLabelsAndNestedQuotes_WhenInRussian()
    {
        var p = Catalog.Get(PrincipleIds.OneVoice);
        var text = WhyCommand.FormatWhy(p, Language.Ru);
        Assert.StartsWith(p.Title(Language.Ru) + "\n" + p.Statement(Language.Ru) + "\n", text);
        Assert.Contains("Источник: материал 003 — «", text);
        Assert.Contains("„ONE VOICE“", text);
        Assert.DoesNotContain("Source", text);
        Assert.Null(WhyCommand.FormatWhy(Catalog, "no-such-principle", Language.Ru));
        Assert.Equal(text, WhyCommand.FormatWhy(Catalog, PrincipleIds.OneVoice, Language.Ru));
    }
}
