using AccountCoachBot.Features.Promises.Parsing;

namespace AccountCoachBot.Tests.Features.Promises.Parsing;

public class AccountFinderTests
{
    [Theory]
    [InlineData("ромашка", "ромашка")]
    [InlineData("ромашке", "ромашка")]
    [InlineData("ромашку", "ромашка")]
    [InlineData("ромашкой", "ромашка")]
    [InlineData("газпрому", "газпром")]
    [InlineData("северстали", "северсталь")]
    [InlineData("альфа-банка", "альфа-банк")]
    [InlineData("acme's", "acme")]
    [InlineData("globex'у", "globex")]
    public void IsFormOf_MatchesInflectedNames_WhenTheEndingIsACaseEnding(string word, string name)
    {
        Assert.True(AccountFinder.IsFormOf(word, name));
    }

    [Theory]
    [InlineData("газпромнефти", "газпром")]
    [InlineData("ромашковый", "ромашка")]
    [InlineData("acmes", "acme")]
    [InlineData("ям", "яма")]
    public void IsFormOf_Rejects_WhenTheWordIsAnotherWord(string word, string name)
    {
        Assert.False(AccountFinder.IsFormOf(word, name));
    }

    [Fact]
    public void FindKnown_ReturnsTheKnownSpelling_WhenTextHasAnInflectedForm()
    {
        var tokens = Tokenizer.Tokenize("обещал ромашке прислать счёт");

        var hit = AccountFinder.FindKnown(tokens, ["Ромашка"], _ => false);

        Assert.NotNull(hit);
        Assert.Equal("Ромашка", hit.Name);
        Assert.True(hit.IsKnown);
        Assert.Equal(1, hit.Start);
    }

    [Fact]
    public void FindKnown_MatchesEveryWord_WhenTheNameHasSeveral()
    {
        var tokens = Tokenizer.Tokenize("Пришлю Рогам и Копытам КП");

        var hit = AccountFinder.FindKnown(tokens, ["Рога и Копыта"], _ => false);

        Assert.NotNull(hit);
        Assert.Equal((1, 4), (hit.Start, hit.End));
    }

    [Fact]
    public void KnownSpelling_ReturnsNull_WhenTheNameIsNotKnown()
    {
        Assert.Null(AccountFinder.KnownSpelling("Initech", ["Acme"]));
        Assert.Equal("Acme", AccountFinder.KnownSpelling("ACME", ["Acme"]));
    }
}
