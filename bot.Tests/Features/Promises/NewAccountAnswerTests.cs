using AccountCoachBot.Features.Promises;

namespace AccountCoachBot.Tests.Features.Promises;

public class NewAccountAnswerTests
{
    [Theory]
    [InlineData("Ромашке", "Ромашка|Ромашке")]
    [InlineData("Газпрому", "Газпром|Газпрома|Газпрому")]
    [InlineData("Васильку", "Василёк|Василька|Васильку")]
    [InlineData("Северстали", "Северсталь|Северсталя|Северстали")]
    [InlineData("Ромашка", "Ромашка")]
    [InlineData("Globex", "Globex")]
    [InlineData("Дикси", "Дикси")]
    public void Proposals_OfferTheNominativeAndTheNameAsTyped_WhenTheNameIsNew(string typed, string expected)
    {
        Assert.Equal(expected.Split('|'), NewAccountAnswer.Proposals(typed));
    }

    [Theory]
    [InlineData("Ромашка-Плюс", "Ромашка-Плюс")]
    [InlineData("«Ромашка»", "Ромашка")]
    [InlineData("Acme Corp", "Acme Corp")]
    [InlineData("да", null)]
    [InlineData("yes", null)]
    [InlineData("нет", null)]
    [InlineData("no thanks", null)]
    [InlineData("maybe later", null)]
    [InlineData("", null)]
    public void TypedName_IsTheExactName_OnlyWhenTheAnswerIsWrittenLikeAName(string answer, string? name)
    {
        Assert.Equal(name, NewAccountAnswer.TypedName(answer));
    }
}
