using AccountCoachBot.Conversation;
using AccountCoachBot.Data;
using AccountCoachBot.Features.Coaching;
using AccountCoachBot.Features.MeetingPrep;
using AccountCoachBot.Features.People;
using AccountCoachBot.Features.ProactiveCalls;
using AccountCoachBot.Features.Promises;

namespace AccountCoachBot;

public static class CoachServices
{
    /// <summary>The product without a channel: storage, the turn pipeline and the features.</summary>
    public static IHostApplicationBuilder AddCoachServices(this IHostApplicationBuilder builder)
    {
        builder.AddCoachData();
        builder.Services.AddConversation();
        builder.Services.AddPeople();
        builder.Services.AddPromises();
        builder.Services.AddMeetingPrep();
        builder.Services.AddProactiveCalls();
        builder.Services.AddCoaching();
        builder.Services.AddScoped<ITurnHandler, CoachingCommands>();
        builder.Services.AddSingleton<IVerbSet, CoachingVerbs>();
        return builder;
    }
}
