using AccountCoachBot.Conversation;
using AccountCoachBot.Features.People;
using AccountCoachBot.Features.Promises;

namespace AccountCoachBot.Tests.Conversation;

public sealed class DidYouMeanTests
{
    private static readonly IReadOnlyList<Verb> Verbs = new PromiseVerbs().Verbs.Concat(new PeopleVerbs().Verbs).ToList();

    [Theory]
    [InlineData("dnoe", "done", 1)]
    [InlineData("promsies", "promises", 1)]
    [InlineData("settigns", "settings", 1)]
    [InlineData("abc", "abc", 0)]
    [InlineData("kitten", "sitting", 3)]
    public void Distance_CountsASwapOfNeighboursAsOneEdit_WhenWordsDiffer(string a, string b, int expected) =>
        Assert.Equal(expected, EditDistance.Between(a, b));

    [Fact]
    public void Suggest_KeepsTheNumber_WhenTheVerbTakesOne() =>
        Assert.Equal("done 12", DidYouMean.Suggest("dnoe 12", Verbs, Language.En));

    [Fact]
    public void Suggest_GivesNothing_WhenTheArgumentDoesNotFit() =>
        Assert.Null(DidYouMean.Suggest("dnoe Acme", Verbs, Language.En));

    [Fact]
    public void Suggest_GivesNothing_ForALongSentence() =>
        Assert.Null(DidYouMean.Suggest("promsies to send Acme the quote by Friday", Verbs, Language.En));

    [Fact]
    public void Suggest_PrefersThePersonsLanguage_WhenBothAreAsClose()
    {
        var verbs = new[] { new Verb("t", VerbArgs.None, ["pausa"], ["пауза"]) };
        Assert.Equal("pausa", DidYouMean.Suggest("pauza", verbs, Language.En));
    }

    [Fact]
    public void Suggest_AllowsOneEditOnly_ForShortWords()
    {
        Verb[] verbs = [new("t", VerbArgs.None, ["list"], ["список"])];
        Assert.Equal("list", DidYouMean.Suggest("lsit", verbs, Language.En));
        Assert.Null(DidYouMean.Suggest("lxyt", verbs, Language.En));
    }
}
