using AccountCoachBot.Ai;
using AccountCoachBot.Channels.BotFramework;
using AccountCoachBot.Channels.Slack;
using AccountCoachBot.Conversation;
using AccountCoachBot.Data;
using AccountCoachBot.Features.Calendar;
using AccountCoachBot.Features.Coaching;
using AccountCoachBot.Features.Digests;
using AccountCoachBot.Features.MeetingPrep;
using AccountCoachBot.Features.People;
using AccountCoachBot.Features.ProactiveCalls;
using AccountCoachBot.Features.Promises;
using AccountCoachBot.Features.Teams;
using AccountCoachBot.Features.Undo;

namespace AccountCoachBot;

public static class CoachServices
{
    /// <summary>The product without a channel: storage, the turn pipeline and the features.</summary>
    public static IHostApplicationBuilder AddCoachServices(this IHostApplicationBuilder builder)
    {
        builder.AddCoachData();
        builder.Services.AddConversation();
        // Every channel's destinations, live or not: naming places needs only the database (import, terminal, tests).
        builder.Services.AddSlackDestinations();
        builder.Services.AddBotFrameworkDestinations();
        builder.Services.AddPeople();
        builder.Services.AddPromises();
        builder.Services.AddMeetingPrep();
        builder.Services.AddProactiveCalls();
        builder.Services.AddCoaching();
        builder.Services.AddUndo();
        builder.Services.AddTeams(builder.Configuration);
        builder.Services.AddTurnHandler<CoachingCommands>(verbs: [CoachingVerbs.Why], buttons: [CoachingCommands.WhyAction]);
        builder.Services.AddDigests();
        builder.Services.AddCalendar(builder.Configuration);
        builder.Services.AddSingleton<IVerbSet, CoachingVerbs>();
        builder.Services.AddAi(builder.Configuration); // after the features: with a model it reads their free text first
        return builder;
    }
}
