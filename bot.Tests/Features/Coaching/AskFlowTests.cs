using AccountCoachBot.Conversation;
using AccountCoachBot.Features.Promises;
using AccountCoachBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AccountCoachBot.Tests.Features.Coaching;

/// <summary>`ask`, `вопрос` and questions typed as they come, through the real pipeline on SQLite.</summary>
public class AskFlowTests : IAsyncLifetime
{
    private CoachTestHost _host = null!;

    public async Task InitializeAsync() => _host = await CoachTestHost.StartAsync(new DateTimeOffset(2026, 3, 4, 9, 0, 0, TimeSpan.Zero));

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private Task<int> PromiseCountAsync() => _host.WithDbAsync(db => db.Promises.CountAsync());

    [Fact]
    public async Task Ask_AnswersWithThreePrinciples_EachWithStatementNextStepSourceAndId()
    {
        var replies = await _host.SayAsync("ask the client went quiet and hasn't replied for a month");

        var card = replies[^1].Card;
        Assert.NotNull(card);
        Assert.Equal(3, card.PrincipleIds.Count);
        Assert.Contains("proactive-call", card.PrincipleIds);
        var text = PlainTextRenderer.Render(replies[^1]);
        Assert.Contains("`proactive-call`", text);
        Assert.Contains("Call first, with a success to share", text);      // the statement
        Assert.Contains("Next step: Call the client first today", text);   // the next step
        Assert.Contains("Source: seed 004", text);                         // the seed source
        Assert.Equal(3, text.Split('\n').Count(l => l.StartsWith("Next step:", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Ask_AnswersInRussian_WhenTheQuestionIsRussian()
    {
        var replies = await _host.SayAsync("вопрос клиент требует скидку 30%, иначе уходит", locale: "ru-RU");

        var text = PlainTextRenderer.Render(replies[^1]);
        Assert.Contains("fear-of-losing-the-client", replies[^1].Card!.PrincipleIds);
        Assert.Contains("Следующий шаг:", text);
        Assert.Contains("Источник: материал 000", text);
        Assert.DoesNotContain("Next step", text);
    }

    [Theory]
    [InlineData("What do I do when a key client stops answering my emails", "proactive-call")]
    [InlineData("Going alone to the big meeting with their board tomorrow, is that ok?", "never-alone-to-important-meeting")]
    [InlineData("Что делать, если клиент замолчал и не отвечает на письма", "proactive-call")]
    public async Task FreeText_IsAnswered_WhenItReadsAsAQuestion(string question, string expected)
    {
        var replies = await _host.SayAsync(question);

        Assert.Contains(expected, replies[^1].Card!.PrincipleIds);
        Assert.Equal(0, await PromiseCountAsync());
    }

    [Fact]
    public async Task FreeText_QuestionAboutAPromise_IsAnsweredAndNotCaptured()
    {
        var replies = await _host.SayAsync("What do I do if I promised Acme the quote by Friday and I won't make it?");

        Assert.Contains("renegotiate-before-the-deadline", replies[^1].Card!.PrincipleIds);
        Assert.Equal(0, await PromiseCountAsync());
        Assert.Null(await _host.WithDbAsync(db => db.People.Select(p => p.PendingPromptJson).SingleAsync()));
    }

    [Fact]
    public async Task FreeText_PromiseStillCaptured_WithTheQuestionReaderRegistered()
    {
        await _host.SayAsync("promise Acme: send the quote by Friday");
        await _host.SayAsync("I'll send Acme the revised quote tomorrow");

        Assert.Equal(2, await PromiseCountAsync());
    }

    [Fact]
    public async Task Ask_SaysNothingFits_WhenNoPrincipleFits()
    {
        var text = await _host.AskAsync("ask what's the weather in Paris tomorrow?");

        Assert.Contains("Nothing in my principles fits this question", text);
        Assert.DoesNotContain("`", text);
    }

    [Fact]
    public async Task FreeText_SaysNothingFitsInRussian_WhenNoPrincipleFits()
    {
        var replies = await _host.SayAsync("Какая погода в Москве?", locale: "ru-RU");

        Assert.Contains("Ни один из моих принципов не подходит", PlainTextRenderer.Render(replies[^1]));
    }

    [Fact]
    public async Task Ask_ExplainsItself_WhenTheQuestionIsEmpty()
    {
        var text = await _host.AskAsync("ask");

        Assert.Contains("Ask me about a situation with a client", text);
    }

    [Fact]
    public async Task WhyButton_OnTheAnswer_ShowsThePrinciple()
    {
        var answer = (await _host.SayAsync("ask how do I break bad news to a key client?"))[^1];
        var why = answer.Card!.Actions.First(a => a.Payload!["principle"] == "tell-bad-news-truthfully");

        var replies = await _host.PressAsync(why.Id, new Dictionary<string, string>(why.Payload!));

        Assert.Contains("Tell bad news truthfully", PlainTextRenderer.Render(replies[^1]));
    }

    [Fact]
    public async Task Why_PassesAQuestionOn_AndStillAnswersAnId()
    {
        var question = (await _host.SayAsync("why do clients go quiet after a delay?"))[^1];
        var why = await _host.AskAsync("why always-do-what-you-say");

        Assert.NotEmpty(question.Card!.PrincipleIds);
        Assert.Contains("Always do what you say you'll do", why);
    }

    [Fact]
    public async Task Help_NamesAsking_InBothLanguages()
    {
        Assert.Contains("`ask ", await _host.AskAsync("help coach"));
        Assert.Contains("`вопрос ", await _host.AskAsync("помощь коуч", user: "vera"));
    }
}
