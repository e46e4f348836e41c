using AccountCoachBot.Conversation;
using AccountCoachBot.Features.Coaching;
using AccountCoachBot.Scheduling;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AccountCoachBot.Features.MeetingPrep;

public static class MeetingPrepExtensions
{
    /// <summary>
    /// Meetings, the pre-meeting checklist, briefs and debriefs. The checklists load from
    /// <c>prompts/checklists/</c> beside the app (or under <see cref="PrincipleCatalog.DirectoryConfigKey"/>),
    /// validated against the principle catalog.
    /// </summary>
    public static IServiceCollection AddMeetingPrep(this IServiceCollection services)
    {
        services.TryAddSingleton(sp => MeetingChecklists.Load(
            sp.GetService<IConfiguration>()?[PrincipleCatalog.DirectoryConfigKey],
            sp.GetRequiredService<PrincipleCatalog>()));
        services.AddTurnHandler<MeetingCommands>(
            verbs: [MeetingVerbs.List, MeetingVerbs.Cancel, MeetingVerbs.Meeting, MeetingVerbs.Prep, MeetingVerbs.Brief, MeetingVerbs.Debrief],
            buttons: MeetingActions.Owned);
        services.AddTurnHandler<MeetingLeadCommands>(verbs: [MeetingVerbs.PrepLead, MeetingVerbs.PrepDayBefore]);
        services.AddSingleton<IVerbSet, MeetingVerbs>();
        services.AddSingleton<People.IPersonalData, MeetingPersonalData>();
        services.AddScoped<ProactiveCalls.IAccountOpenItems, MeetingOpenItems>();
        services.AddScoped<People.ISettingsSection, MeetingSettings>();
        services.AddScoped<INudgeRenderer, MeetingNudgeRenderer>();
        return services;
    }
}
