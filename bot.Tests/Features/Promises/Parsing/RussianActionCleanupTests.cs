using AccountCoachBot.Features.Promises.Parsing;

namespace AccountCoachBot.Tests.Features.Promises.Parsing;

/// <summary>The action keeps what was promised: the client's name in any case and its preposition are cut out.</summary>
public class RussianActionCleanupTests
{
    [Theory]
    [InlineData("надо отправить в Ромашку коммерческое предложение до пятницы", "Ромашка", "отправить коммерческое предложение")]
    [InlineData("обещал отправить в Ромашку коммерческое предложение до пятницы", null, "отправить коммерческое предложение")]
    [InlineData("обещал прислать для Ромашки акт сверки до пятницы", "Ромашка", "прислать акт сверки")]
    [InlineData("обещал Ромашке прислать акт сверки до пятницы", "Ромашка", "прислать акт сверки")]
    [InlineData("обещал созвониться с Ромашкой до пятницы", "Ромашка", "созвониться")]
    [InlineData("обещал заехать к Ромашке до пятницы", "Ромашка", "заехать")]
    [InlineData("обещал Васильку прислать счёт до пятницы", "Василёк", "прислать счёт")]
    [InlineData("обещал выслать в Северсталь договор до пятницы", "Северсталь", "выслать договор")]
    [InlineData("обещал Газпром нефти прислать КП до пятницы", "Газпром нефть", "прислать КП")]
    [InlineData("обещал отправить в ООО «Ромашка» счёт до пятницы", "Ромашка", "отправить счёт")]
    public void Parse_LeavesOnlyTheAction_WhenTheClientIsNamedInAnyCase(string text, string? known, string action)
    {
        var context = known is null ? TestContexts.Spec() : TestContexts.Spec(known);

        var result = PromiseParser.Parse(text, context);

        Assert.True(result.IsPromise);
        Assert.Equal(action, result.Action);
        if (known is not null) Assert.Equal(known, result.Account);
    }

    [Theory]
    [InlineData("обещал Ольге из Ромашки прислать КП до пятницы", "Ромашка", "прислать КП", "Ольга")]
    [InlineData("обещал Ивану из Ромашки прислать договор до пятницы", "Ромашка", "прислать договор", "Иван")]
    [InlineData("обещал Ивану прислать договор Ромашке до пятницы", "Ромашка", "прислать договор", "Иван")]
    [InlineData("обещал Ольге из Ромашки прислать КП до пятницы", null, "прислать КП", "Ольга")]
    public void Parse_KeepsTheContactApart_WhenThePromiseNamesAPersonAtTheClient(string text, string? known, string action, string contact)
    {
        var context = known is null ? TestContexts.Spec() : TestContexts.Spec(known);

        var result = PromiseParser.Parse(text, context);

        Assert.Equal(action, result.Action);
        Assert.Equal(contact, result.Contact);
        Assert.StartsWith("Ромашк", result.Account);
    }

    [Theory]
    [InlineData("обещал Ромашке прислать акт сверки до пятницы")]
    [InlineData("обещал Globex перезвонить завтра")]
    [InlineData("обещал Ромашке прислать КП до пятницы")]
    public void Parse_HasNoContact_WhenOnlyTheClientIsNamed(string text)
    {
        Assert.Null(PromiseParser.Parse(text, TestContexts.Spec("Ромашка")).Contact);
    }
}
