using AccountCoachBot.Conversation;
using AccountCoachBot.Features.MeetingPrep;
using AccountCoachBot.Features.People;
using AccountCoachBot.Features.ProactiveCalls;
using AccountCoachBot.Features.Promises;
using AccountCoachBot.Scheduling;
using AccountCoachBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AccountCoachBot.Tests.Conversation;

/// <summary>An id or a command word means one thing: the app refuses to build its services otherwise.</summary>
public sealed class TurnRoutingTests
{
    private sealed class Stray : ITurnHandler
    {
        public Task<IReadOnlyList<Reply>?> TryHandleAsync(Turn turn, CancellationToken ct) => Task.FromResult<IReadOnlyList<Reply>?>(null);
    }

    private sealed class StrayReader : IFreeTextHandler
    {
        public Task<IReadOnlyList<Reply>?> TryCaptureAsync(Turn turn, CancellationToken ct) => Task.FromResult<IReadOnlyList<Reply>?>(null);
    }

    private static HostApplicationBuilder App()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = AppContext.BaseDirectory, DisableDefaults = true });
        builder.AddCoachServices();
        return builder;
    }

    [Fact]
    public void AddTurnHandler_ThrowsNamingBothRegistrants_WhenAButtonIdIsTakenAlready()
    {
        var builder = App();

        var error = Assert.Throws<InvalidOperationException>(() => builder.Services.AddTurnHandler<Stray>(buttons: [PromiseActions.Done]));

        Assert.Contains($"'{PromiseActions.Done}'", error.Message);
        Assert.Contains(nameof(PromiseCommands), error.Message);
        Assert.Contains(nameof(Stray), error.Message);
    }

    [Fact]
    public void AddTurnHandler_ThrowsNamingBothRegistrants_WhenACommandWordIsTakenAlready()
    {
        var builder = App();
        var clash = new Verb(VerbTopics.Meetings, VerbArgs.None, ["brief"], ["бриф-копия"]);

        var error = Assert.Throws<InvalidOperationException>(() => builder.Services.AddTurnHandler<Stray>(verbs: [clash]));

        Assert.Contains("'brief'", error.Message);
        Assert.Contains(nameof(MeetingCommands), error.Message);
        Assert.Contains(nameof(Stray), error.Message);
    }

    [Fact]
    public void AddFreeTextHandler_Throws_WhenFreeTextIsReadAlready()
    {
        var builder = App();

        var error = Assert.Throws<InvalidOperationException>(() => builder.Services.AddFreeTextHandler<StrayReader>());

        Assert.Contains(nameof(PromiseCommands), error.Message);
        Assert.Contains(nameof(StrayReader), error.Message);
    }

    [Fact]
    public void AddTurnHandler_Throws_WhenAHandlerClaimsThePipelinesSuggestionButton()
    {
        Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddTurnHandler<Stray>(buttons: [SayAction.Id]));
    }

    [Fact]
    public void Routes_SendEveryCommandWordToAHandler_WhenTheAppIsBuilt()
    {
        using var host = App().Build();
        var routes = host.Services.GetServices<TurnRoute>().ToList();
        var routed = routes.SelectMany(r => r.Verbs).ToHashSet();

        var unrouted = host.Services.GetServices<IVerbSet>().SelectMany(s => s.Verbs).Where(v => !routed.Contains(v)).Select(v => v.En[0]).ToList();

        Assert.Empty(unrouted);
        Assert.NotNull(host.Services.GetRequiredService<TurnRoutes>().FreeText);
    }

    [Theory]
    [InlineData("prep lead 2h", typeof(MeetingLeadCommands))]
    [InlineData("подготовка за 30м", typeof(MeetingLeadCommands))]
    [InlineData("prep day-before off", typeof(MeetingLeadCommands))]
    [InlineData("prep Acme", typeof(MeetingCommands))]
    [InlineData("cancel meeting 2", typeof(MeetingCommands))]
    [InlineData("cancel 2", typeof(PromiseCommands))]
    [InlineData("account add Globex key", typeof(CallCommands))]
    [InlineData("link 123456", typeof(LinkCommand))]
    public void ForText_PutsTheMostSpecificVerbFirst_WhenSeveralStartTheText(string text, Type expected)
    {
        using var host = App().Build();

        var first = host.Services.GetRequiredService<TurnRoutes>().ForText(text)[0];

        Assert.Equal(expected, first.Handler);
    }

    [Fact]
    public void ForText_IsEmpty_WhenNoVerbStartsTheText()
    {
        using var host = App().Build();

        Assert.Empty(host.Services.GetRequiredService<TurnRoutes>().ForText("told Acme I'd send the deck by Friday"));
    }

    [Fact]
    public void NudgeKinds_AreNeverButtonIds_InTheBuiltApp()
    {
        using var host = App().Build();
        string[] kinds =
        [
            ReminderPolicy.BeforeKind, ReminderPolicy.DueKind, ReminderPolicy.SnoozeKind, ReminderPolicy.OverdueKind,
            .. MeetingPolicy.AllKinds, CallNudgeKinds.Bundle, CallNudgeKinds.CatchUp, .. CallNudgeKinds.AccountKinds,
        ];
        var buttons = host.Services.GetRequiredService<TurnRoutes>().ButtonIds.ToList();

        Assert.All(kinds, k => Assert.StartsWith(NudgeKinds.Prefix, k));
        Assert.DoesNotContain(buttons, b => b.StartsWith(NudgeKinds.Prefix, StringComparison.Ordinal));
        Assert.Empty(kinds.Intersect(buttons));
    }

    [Fact]
    public async Task Pipeline_AnswersUnknownButton_WhenNoSliceRegisteredTheId()
    {
        await using var host = await CoachTestHost.StartAsync(new DateTimeOffset(2026, 3, 4, 9, 0, 0, TimeSpan.Zero));
        await host.SayAsync("promise Acme: send the quote Friday");

        // Once any `promise.*` id reached promises (which asked for a promise id); now only the ids promises registered do.
        var replies = await host.PressAsync("promise.bogus", new Dictionary<string, string>());

        Assert.Equal(PipelineTexts.UnknownAction[Language.En], replies[^1].Text);
    }
}
