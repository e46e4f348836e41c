using AccountCoachBot.Features.Coaching;
using AccountCoachBot.Features.Coaching.Ask;
using AccountCoachBot.Features.People;

namespace AccountCoachBot.Tests.Features.Coaching;

public class PrincipleSearchTests
{
    private static readonly Lazy<LucenePrincipleSearch> Shared = new(() => new LucenePrincipleSearch(PrincipleCatalog.Load()));

    private static LucenePrincipleSearch Search => Shared.Value;

    [Theory]
    [InlineData("The client went quiet and hasn't replied for a month", Language.En, "proactive-call")]
    [InlineData("Going alone to a big meeting with the CFO tomorrow", Language.En, "never-alone-to-important-meeting")]
    [InlineData("We're late with the delivery, how do I tell them?", Language.En, "renegotiate-before-the-deadline")]
    [InlineData("Is it ok to tell a white lie to cover a mistake?", Language.En, "always-tell-the-truth")]
    [InlineData("Клиент молчит и не отвечает на письма", Language.Ru, "proactive-call")]
    [InlineData("Иду одна на важную встречу с их директором", Language.Ru, "never-alone-to-important-meeting")]
    [InlineData("Клиент требует скидку, иначе уходит к конкуренту", Language.Ru, "fear-of-losing-the-client")]
    [InlineData("Как сообщить плохие новости клиенту?", Language.Ru, "tell-bad-news-truthfully")]
    public void Find_RanksTheFittingPrincipleInTheTop3_WhenTheQuestionDescribesItsSituation(string question, Language language, string expected)
    {
        var found = Search.Find(question, language);

        Assert.InRange(found.Count, 1, 3);
        Assert.Contains(expected, found.Select(m => m.Id));
    }

    [Fact]
    public void Find_StemsWordForms_WhenTheQuestionUsesAnotherFormThanTheCatalog()
    {
        // «задержками» and "delays" are not in the catalog in these forms; the stemmers still meet them.
        Assert.Contains("renegotiate-before-the-deadline", Search.Find("постоянные проблемы с задержками", Language.Ru).Select(m => m.Id));
        Assert.Contains("renegotiate-before-the-deadline", Search.Find("more delays on our side", Language.En).Select(m => m.Id));
    }

    [Theory]
    [InlineData("What's the weather in Paris tomorrow?", Language.En)]
    [InlineData("How many calories are in an apple?", Language.En)]
    [InlineData("Какая погода в Москве?", Language.Ru)]
    [InlineData("Посоветуй рецепт борща", Language.Ru)]
    [InlineData("", Language.En)]
    [InlineData("?!", Language.Ru)]
    public void Find_ReturnsNothing_WhenNothingInTheCatalogFits(string question, Language language)
    {
        Assert.Empty(Search.Find(question, language));
    }

    [Fact]
    public void Find_ReturnsOnlyCatalogIdsBestFirst_AndAtMostTop()
    {
        var catalog = PrincipleCatalog.Load();

        var found = Search.Find("the client demands a discount and threatens to leave for a competitor", Language.En, top: 2);

        Assert.InRange(found.Count, 1, 2);
        Assert.All(found, m => Assert.True(catalog.Contains(m.Id)));
        Assert.Equal(found.OrderByDescending(m => m.Score).Select(m => m.Id), found.Select(m => m.Id));
        Assert.All(found, m => Assert.True(m.Score >= LucenePrincipleSearch.MinimumScore));
    }

    [Fact]
    public void Find_ReturnsNothing_WhenTheMinimumScoreIsAboveEveryMatch()
    {
        using var strict = new LucenePrincipleSearch(PrincipleCatalog.Load(), minimumScore: 1000f);

        Assert.Empty(strict.Find("The client went quiet", Language.En));
    }
}
