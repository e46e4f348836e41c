using AccountCoachBot.Conversation;
using AccountCoachBot.Features.People;
using AccountCoachBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AccountCoachBot.Tests.Conversation;

/// <summary>Commands that win over a waiting question, did-you-mean for typos, help by topic — through the real pipeline.</summary>
public sealed class ConversationFlowTests : IAsyncLifetime
{
    private CoachTestHost _host = null!;

    public async Task InitializeAsync() => _host = await CoachTestHost.StartAsync(new DateTimeOffset(2026, 3, 4, 9, 0, 0, TimeSpan.Zero));

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task<IReadOnlyList<Reply>> SayAsync(string text, string user = "olga", string locale = "en-US") =>
        await _host.SayAsync(text, user, locale: locale);

    [Fact]
    public async Task Command_RunsAndLeavesTheAccountUnsaved_WhenTypedInsteadOfYesOrNo()
    {
        await SayAsync("promise Acme: send the quote by Friday");
        Assert.StartsWith("Globex is new to me", (await SayAsync("I'll send Globex the draft contract by Friday"))[^1].Text);

        var replies = await SayAsync("promises");

        Assert.Equal("Left the promise to Globex unsaved.", replies[0].Text);
        Assert.Equal("Open promises (1)", replies[^1].Card!.Title);
        Assert.Equal(0, await _host.WithDbAsync(db => db.Accounts.CountAsync(a => a.Name == "Globex")));
        // The question is gone: a later "yes" is not an answer to it.
        Assert.DoesNotContain("Promise saved", (await SayAsync("yes"))[^1].Text);
    }

    [Fact]
    public async Task Command_Runs_WhenTypedInsteadOfADate()
    {
        Assert.Contains("When", (await SayAsync("promise Acme: send the quote"))[^1].Text, StringComparison.OrdinalIgnoreCase);

        var replies = await SayAsync("meeting Acme 2026-03-10 15:00");

        Assert.Equal("Left my last question unanswered.", replies[0].Text);
        Assert.Equal(1, await _host.WithDbAsync(db => db.Set<AccountCoachBot.Features.MeetingPrep.Meeting>().CountAsync()));
        Assert.Equal(0, await _host.WithDbAsync(db => db.Promises.CountAsync()));
    }

    [Fact]
    public async Task Answer_StillAnswers_WhenAReasonStartsLikeACommand()
    {
        await SayAsync("promise Acme: send the quote 2026-03-06");
        var id = await _host.WithDbAsync(db => db.Promises.Select(p => p.Id).SingleAsync());
        await SayAsync($"move {id} to 2026-03-10");

        var reply = (await SayAsync("meeting with legal took longer"))[^1];

        Assert.StartsWith("Moved to", reply.Text);
        var moved = await _host.WithDbAsync(db => db.PromiseEvents.SingleAsync(e => e.Reason != null));
        Assert.Equal("meeting with legal took longer", moved.Reason);
    }

    [Fact]
    public async Task BareCommand_Wins_WhenTypedInsteadOfAReason()
    {
        await SayAsync("promise Acme: send the quote 2026-03-06");
        var id = await _host.WithDbAsync(db => db.Promises.Select(p => p.Id).SingleAsync());
        await SayAsync($"cancel {id}");

        var replies = await SayAsync("promises");

        Assert.Equal("Left my last question unanswered.", replies[0].Text);
        Assert.Equal("Open promises (1)", replies[^1].Card!.Title);
    }

    [Fact]
    public async Task Command_Runs_WhenTypedInsteadOfAChecklistAnswer()
    {
        await SayAsync("meeting Acme 2026-03-10 15:00");
        await SayAsync("prep Acme");

        var replies = await SayAsync("meetings");

        Assert.Equal("Left my last question unanswered.", replies[0].Text);
        Assert.Equal("Upcoming meetings (1)", replies[^1].Card!.Title);
        Assert.Equal(0, await _host.WithDbAsync(db => db.Set<AccountCoachBot.Features.MeetingPrep.MeetingAnswer>().CountAsync()));
    }

    [Fact]
    public async Task Command_Runs_WhenTypedInsteadOfConfirmingForgetMe()
    {
        await SayAsync("promise Acme: send the quote 2026-03-06");
        await SayAsync("forget me");

        var replies = await SayAsync("settings");

        Assert.Equal("Left my last question unanswered.", replies[0].Text);
        Assert.Equal(1, await _host.WithDbAsync(db => db.People.CountAsync()));
        Assert.Equal(1, await _host.WithDbAsync(db => db.Promises.CountAsync()));
    }

    [Theory]
    [InlineData("promsies", "en-US", "Did you mean `promises`?", "promises")]
    [InlineData("dnoe 3", "en-US", "Did you mean `done 3`?", "done 3")]
    [InlineData("setings", "en-US", "Did you mean `settings`?", "settings")]
    [InlineData("обещанья", "ru-RU", "Вы имели в виду `обещания`?", "обещания")]
    [InlineData("настроки", "ru-RU", "Вы имели в виду `настройки`?", "настройки")]
    public async Task Typo_GetsASuggestionToPress_InThePersonsLanguage(string typed, string locale, string question, string command)
    {
        await SayAsync(locale == "ru-RU" ? "привет" : "hi", locale: locale);

        var reply = (await SayAsync(typed, locale: locale))[^1];

        Assert.Equal(question, reply.Text);
        var button = Assert.Single(reply.Card!.Actions);
        Assert.Equal((SayAction.Id, command), (button.Id, button.Payload[SayAction.TextKey]));
    }

    [Fact]
    public async Task Suggestion_RunsTheCommand_WhenPressed()
    {
        await SayAsync("promise Acme: send the quote 2026-03-06");
        var button = (await SayAsync("promsies"))[^1].Card!.Actions[0];

        var reply = (await _host.PressAsync(button.Id, button.Payload.ToDictionary()))[^1];

        Assert.Equal("Open promises (1)", reply.Card!.Title);
    }

    [Theory]
    [InlineData("I'll sned Acme the revised quote tomorrow")]
    [InlineData("hello there")]
    [InlineData("Acme")]
    public async Task NoSuggestion_ForSentencesAndWordsFarFromAnyCommand(string text)
    {
        await SayAsync("hi");

        var reply = (await SayAsync(text))[^1];

        Assert.DoesNotContain("Did you mean", reply.Text);
    }

    [Fact]
    public async Task Help_IsShortWithTopicsToPress()
    {
        await SayAsync("hi");

        var reply = (await SayAsync("help"))[^1];

        Assert.True(reply.Card!.Lines.Count <= 6, $"help has {reply.Card.Lines.Count} lines");
        Assert.Equal(["Promises", "Meetings", "Calls", "Settings", "Your data", "Teams and kudos"], reply.Card.Actions.Select(a => a.Label));
        Assert.Equal("help meetings", reply.Card.Actions[1].Payload[SayAction.TextKey]);
    }

    [Theory]
    [InlineData("help promises", "en-US", "Promises", "`done 3`")]
    [InlineData("help meetings", "en-US", "Meetings", "`prep Acme`")]
    [InlineData("help calls", "en-US", "Calls", "`due calls`")]
    [InlineData("help settings", "en-US", "Settings", "`timezone Europe/Berlin`")]
    [InlineData("help data", "en-US", "Your data", "`forget me`")]
    [InlineData("помощь обещания", "ru-RU", "Обещания", "`готово 3`")]
    [InlineData("помощь звонки", "ru-RU", "Звонки", "`кому позвонить`")]
    [InlineData("help digest", "en-US", "Digests", "`digest Sales East last month`")]
    [InlineData("помощь сводка", "ru-RU", "Сводки", "`сводка моя`")]
    public async Task HelpTopic_ShowsItsCommandsWithExamplesToPress(string text, string locale, string title, string mentions)
    {
        await SayAsync(locale == "ru-RU" ? "привет" : "hi", locale: locale);

        var reply = (await SayAsync(text, locale: locale))[^1];

        Assert.Equal(title, reply.Card!.Title);
        Assert.Contains(mentions, reply.Text);
        Assert.NotEmpty(reply.Card.Actions);
        Assert.All(reply.Card.Actions, a => Assert.Equal(SayAction.Id, a.Id));
    }

    [Fact]
    public async Task HelpTopic_NamesTheTopics_WhenUnknown()
    {
        await SayAsync("hi");

        Assert.StartsWith("I have no help on \"weather\".", (await SayAsync("help weather"))[^1].Text);
    }

    /// <summary>Every registered command reaches a handler: the vocabulary and the handlers cannot drift apart.</summary>
    [Fact]
    public async Task EveryVerb_IsUnderstood_InBothLanguages()
    {
        var verbs = _host.Services.GetServices<IVerbSet>().SelectMany(s => s.Verbs).ToList();
        Assert.True(verbs.Count >= 30, $"only {verbs.Count} verbs registered");
        var user = 0;
        foreach (var verb in verbs)
        {
            foreach (var language in new[] { Language.En, Language.Ru })
            {
                var text = verb.Shown(language) + verb.Args switch { VerbArgs.Number => " 1", VerbArgs.Text => " Acme", _ => "" };
                var who = $"verb-{++user}";
                await _host.SayAsync(language == Language.Ru ? "привет" : "hi", who, locale: language == Language.Ru ? "ru-RU" : "en-US");
                var reply = (await _host.SayAsync(text, who, locale: language == Language.Ru ? "ru-RU" : "en-US"))[^1].Text;
                Assert.False(reply.StartsWith("I didn't catch that", StringComparison.Ordinal) || reply.StartsWith("Не понял.", StringComparison.Ordinal)
                    || reply.Contains("Did you mean", StringComparison.Ordinal) || reply.Contains("Вы имели в виду", StringComparison.Ordinal),
                    $"`{text}` was not understood: {reply}");
            }
        }
    }
}
