using AccountCoachBot.Features.People;
using AccountCoachBot.Features.Promises.Parsing;

namespace AccountCoachBot.Tests.Features.Promises.Parsing;

public class PromiseParserTests
{
    // ---- the examples from the issue (now = Wed 2026-03-04 11:00 Berlin, no known accounts) ----

    [Fact]
    public void Parse_ReadsAccountActionAndDue_WhenEnglishPromiseHasAWeekday()
    {
        var result = PromiseParser.Parse("I'll send Initech the draft contract by Monday", TestContexts.Spec());

        Assert.True(result.IsPromise);
        Assert.Equal("Initech", result.Account);
        Assert.False(result.IsKnownAccount);
        Assert.Equal("send the draft contract", result.Action);
        Assert.Equal("2026-03-09T18:00:00+01:00", TestContexts.Iso(result.Due));
        Assert.Equal(Language.En, result.Language);
    }

    [Fact]
    public void Parse_ReadsALatinAccountInRussianText_WhenPromiseHasTomorrowAtNine()
    {
        var result = PromiseParser.Parse("обещал Globex перезвонить завтра в 9", TestContexts.Spec());

        Assert.True(result.IsPromise);
        Assert.Equal("Globex", result.Account);
        Assert.Equal("перезвонить", result.Action);
        Assert.Equal("2026-03-05T09:00:00+01:00", TestContexts.Iso(result.Due));
        Assert.Equal(Language.Ru, result.Language);
    }

    [Fact]
    public void Parse_ReturnsNoPromiseAndNulls_WhenTextIsAQuestion()
    {
        var result = PromiseParser.Parse("what did Acme say about pricing?", TestContexts.Spec());

        Assert.Equal(new PromiseParse(false, null, false, null, null, Language.En), result);
    }

    // ---- intent ----

    [Theory]
    [InlineData("Acme promised to send us the PO")]
    [InlineData("Globex will send us the signed contract by Friday")]
    [InlineData("Клиент обещал прислать PO до пятницы")]
    [InlineData("Ромашка обещала оплатить счёт до конца месяца")]
    [InlineData("Они обещали перезвонить завтра")]
    public void Parse_IsNotAPromise_WhenSomeoneElseIsTheSubject(string text)
    {
        Assert.False(PromiseParser.Parse(text, TestContexts.Spec("Acme", "Ромашка")).IsPromise);
    }

    [Theory]
    [InlineData("I sent Acme the quote yesterday")]
    [InlineData("Отправил Globex КП вчера")]
    [InlineData("I already sent the deck to Initech on Monday")]
    public void Parse_IsNotAPromise_WhenTextIsAPastFact(string text)
    {
        Assert.False(PromiseParser.Parse(text, TestContexts.Spec()).IsPromise);
    }

    [Theory]
    [InlineData("Did I promise Initech anything last week")]
    [InlineData("Should I send Acme the quote by Friday")]
    [InlineData("Прислал ли Globex акт сверки")]
    [InlineData("Когда Globex пришлёт договор?")]
    public void Parse_IsNotAPromise_WhenTextIsAQuestionWithoutQuestionMark(string text)
    {
        Assert.False(PromiseParser.Parse(text, TestContexts.Spec()).IsPromise);
    }

    [Theory]
    [InlineData("When Acme signs, I'll send the invoice on Monday", "send the invoice")]
    [InlineData("Когда Ромашка подпишет, пришлю счёт в понедельник", "прислать счёт")]
    public void Parse_IsAPromise_WhenWhenOpensAConditionNotAQuestion(string text, string action)
    {
        var result = PromiseParser.Parse(text, TestContexts.Spec("Acme", "Ромашка"));

        Assert.True(result.IsPromise);
        Assert.Equal(action, result.Action);
        Assert.Equal("2026-03-09T18:00:00+01:00", TestContexts.Iso(result.Due));
    }

    [Theory]
    [InlineData("When will I send Acme the deck")]
    [InlineData("Когда пришлю Ромашке счёт")]
    public void Parse_IsNotAPromise_WhenWhenOpensAQuestion(string text)
    {
        Assert.False(PromiseParser.Parse(text, TestContexts.Spec("Acme", "Ромашка")).IsPromise);
    }

    [Theory]
    [InlineData("I will not offer Globex another discount this month")]
    [InlineData("Не обещал Globex никаких скидок")]
    [InlineData("Не пришлю Ромашке счёт до пятницы")]
    public void Parse_IsNotAPromise_WhenTheCommitmentIsNegated(string text)
    {
        Assert.False(PromiseParser.Parse(text, TestContexts.Spec("Ромашка")).IsPromise);
    }

    [Theory]
    [InlineData("I need to check my notes")]
    [InlineData("Надо подумать")]
    public void Parse_IsNotAPromise_WhenAWeakMarkerHasNoDate(string text)
    {
        Assert.False(PromiseParser.Parse(text, TestContexts.Spec()).IsPromise);
    }

    [Fact]
    public void Parse_IsAPromise_WhenAWeakMarkerHasADate()
    {
        var result = PromiseParser.Parse("Надо отправить Ромашке договор до пятницы", TestContexts.Spec("Ромашка"));

        Assert.True(result.IsPromise);
        Assert.Equal("отправить договор", result.Action);
    }

    [Fact]
    public void Parse_IsNotAPromise_WhenThereIsNeitherAccountNorDate()
    {
        Assert.False(PromiseParser.Parse("I'll think about it", TestContexts.Spec()).IsPromise);
    }

    [Fact]
    public void Parse_SkipsSetPhrases_WhenTheyContainAMarker()
    {
        var result = PromiseParser.Parse("Will do - I'll send Acme the contract by Friday", TestContexts.Spec("Acme"));

        Assert.Equal("send the contract", result.Action);
    }

    // ---- accounts ----

    [Theory]
    [InlineData("обещал Ромашке прислать счёт до пятницы")]
    [InlineData("Созвонюсь с ромашкой завтра")]
    [InlineData("Пришлю ООО «Ромашка» счёт завтра")]
    [InlineData("Договор Ромашке пришлю завтра")]
    public void Parse_ReturnsTheKnownSpelling_WhenACyrillicAccountIsInflected(string text)
    {
        var result = PromiseParser.Parse(text, TestContexts.Spec("Globex", "Ромашка"));

        Assert.Equal("Ромашка", result.Account);
        Assert.True(result.IsKnownAccount);
        Assert.DoesNotContain("омашк", result.Action, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Parse_ReturnsTheNameAsWritten_WhenTheAccountIsUnknown()
    {
        var result = PromiseParser.Parse("I'll send the quote to Pied Piper by Thursday", TestContexts.Spec("Hooli"));

        Assert.Equal("Pied Piper", result.Account);
        Assert.False(result.IsKnownAccount);
        Assert.Equal("send the quote", result.Action);
    }

    [Fact]
    public void Parse_PrefersTheNameAfterAPreposition_WhenSeveralNamesAreCapitalized()
    {
        var result = PromiseParser.Parse("I'll call John at Acme tomorrow", TestContexts.Spec());

        Assert.Equal("Acme", result.Account);
        Assert.Equal("call John", result.Action);
    }

    [Fact]
    public void Parse_ReturnsNullAccount_WhenNoNameIsGiven()
    {
        var result = PromiseParser.Parse("I'll send the summary by Friday", TestContexts.Spec());

        Assert.True(result.IsPromise);
        Assert.Null(result.Account);
        Assert.False(result.IsKnownAccount);
    }

    // ---- action ----

    [Theory]
    [InlineData("I promised to send Initech the case study by Thursday", "send the case study")]
    [InlineData("Let me get back to Initech on pricing by Monday", "get back on pricing")]
    [InlineData("I promised Acme I'll send the deck by Friday", "send the deck")]
    [InlineData("Обещал Ромашке, что пришлю счёт до пятницы", "прислать счёт")]
    [InlineData("Подготовлю для Альфа-Банка предложение в пятницу", "подготовить предложение")]
    [InlineData("Перезвоню Ромашке в 15:30. Потом обед", "перезвонить")]
    public void Parse_CutsIntentAccountAndDateWords_WhenBuildingTheAction(string text, string action)
    {
        Assert.Equal(action, PromiseParser.Parse(text, TestContexts.Spec("Ромашка", "Альфа-Банк")).Action);
    }

    [Fact]
    public void Parse_TakesTheDueFromTheCommitmentsSentence_WhenAnotherSentenceHasADate()
    {
        var result = PromiseParser.Parse("Met Acme today. I'll send them the deck on Friday.", TestContexts.Spec("Acme"));

        Assert.Equal("2026-03-06T18:00:00+01:00", TestContexts.Iso(result.Due));
    }

    // ---- explicit form ----

    [Fact]
    public void ParseExplicit_CutsTheDateWords_WhenBodyHasADate()
    {
        var result = PromiseParser.ParseExplicit("acme", "send the revised quote by Friday", TestContexts.Spec("Acme"));

        Assert.True(result.IsPromise);
        Assert.Equal("Acme", result.Account);
        Assert.True(result.IsKnownAccount);
        Assert.Equal("send the revised quote", result.Action);
        Assert.Equal("2026-03-06T18:00:00+01:00", TestContexts.Iso(result.Due));
    }

    [Fact]
    public void ParseExplicit_KeepsThePromiseWithNullDue_WhenBodyHasNoDate()
    {
        var result = PromiseParser.ParseExplicit("Initech", "send the case study", TestContexts.Spec());

        Assert.True(result.IsPromise);
        Assert.Equal("Initech", result.Account);
        Assert.False(result.IsKnownAccount);
        Assert.Equal("send the case study", result.Action);
        Assert.Null(result.Due);
    }

    [Fact]
    public void ParseExplicit_DropsLeadingCommitmentWords_WhenBodyIsAFullSentence()
    {
        var result = PromiseParser.ParseExplicit("Ромашка", "пришлю счёт завтра в 10", TestContexts.Spec("Ромашка"));

        Assert.Equal("прислать счёт", result.Action);
        Assert.Equal("2026-03-05T10:00:00+01:00", TestContexts.Iso(result.Due));
        Assert.Equal(Language.Ru, result.Language);
    }

    [Fact]
    public void ParseExplicit_MatchesAnInflectedKnownAccount_WhenTheAccountIsGivenInflected()
    {
        var result = PromiseParser.ParseExplicit("Ромашке", "выслать акт до конца месяца", TestContexts.Spec("Ромашка"));

        Assert.Equal("Ромашка", result.Account);
        Assert.True(result.IsKnownAccount);
        Assert.Equal("выслать акт", result.Action);
    }
}
