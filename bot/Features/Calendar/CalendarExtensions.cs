using AccountCoachBot.Conversation;
using AccountCoachBot.Features.MeetingPrep;
using AccountCoachBot.Features.People;
using AccountCoachBot.Scheduling;
using Hangfire;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Options;

namespace AccountCoachBot.Features.Calendar;

public static class CalendarExtensions
{
    /// <summary>
    /// Accounts' email domains, and client meetings read from the person's calendar feed. Feed addresses are encrypted
    /// with Data Protection, its keys kept under <see cref="CalendarOptions.KeysDirectory"/> (tests swap in an ephemeral
    /// key ring). Reads run from a Hangfire job every minute, when the host runs Hangfire.
    /// </summary>
    public static IServiceCollection AddCalendar(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<CalendarOptions>(configuration.GetSection(CalendarOptions.Section));
        services.AddDataProtection().SetApplicationName("AccountCoachBot");
        services.AddOptions<KeyManagementOptions>().Configure<IHostEnvironment, ILoggerFactory, IOptions<CalendarOptions>>((o, env, logs, calendar) =>
        {
            var directory = Path.GetFullPath(Path.Combine(env.ContentRootPath, calendar.Value.KeysDirectory));
            o.XmlRepository = new FileSystemXmlRepository(new DirectoryInfo(directory), logs);
        });
        services.AddSingleton<CalendarSecrets>();

        // No request logging on this client: the logged URL would be the secret.
        services.AddHttpClient(IcsFeedReader.ClientName, (sp, c) => c.Timeout = sp.GetRequiredService<IOptions<CalendarOptions>>().Value.Timeout)
            .ConfigurePrimaryHttpMessageHandler(sp => FeedNetwork.Handler(sp.GetRequiredService<IOptions<CalendarOptions>>().Value.AllowPrivateNetworks))
            .RemoveAllLoggers();
        services.AddSingleton<IcsFeedReader>();

        // Outlook through Graph: the SDK's retry middleware is left out (CalendarRead's backoff retries, honouring Retry-After).
        services.AddOptions<GraphCalendarOptions>().Bind(configuration.GetSection(GraphCalendarOptions.Section))
            .PostConfigure(o => GraphCalendarOptions.FallBackToBot(o, configuration));
        services.AddHttpClient(GraphToken.ClientName, (sp, c) => c.Timeout = sp.GetRequiredService<IOptions<CalendarOptions>>().Value.Timeout).RemoveAllLoggers();
        services.AddHttpClient(GraphCalendarReader.ClientName, (sp, c) => c.Timeout = sp.GetRequiredService<IOptions<CalendarOptions>>().Value.Timeout);
        services.AddSingleton<GraphToken>();
        services.AddSingleton<GraphCalendarReader>();
        services.AddScoped<CalendarRead>();
        services.AddSingleton<CalendarReadJob>();
        services.AddHostedService<CalendarJobRegistration>();

        services.AddTurnHandler<CalendarCommands>(verbs: [CalendarVerbs.Calendar, CalendarVerbs.NotClient]);
        services.AddSingleton<IVerbSet, CalendarVerbs>();
        services.AddSingleton<AccountDomainPhrase>();
        services.AddSingleton<IAccountPhrase>(sp => sp.GetRequiredService<AccountDomainPhrase>());
        services.AddSingleton<IAccountDetails>(sp => sp.GetRequiredService<AccountDomainPhrase>());
        services.AddSingleton<IMeetingLabels, CalendarMeetingLabels>();
        services.AddSingleton<IPersonalData, CalendarPersonalData>();
        services.AddScoped<INudgeRenderer, CalendarNudges>();
        return services;
    }

    /// <summary>
    /// Registers the minutely read job where the Hangfire server runs (as the dispatcher's job is): not in the terminal
    /// chat, nor where `Scheduling:RunServer` is off. Hangfire's services are not even touched there.
    /// </summary>
    private sealed class CalendarJobRegistration(IServiceProvider services, IConfiguration configuration) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            if (!configuration.GetSection("Scheduling").GetValue("RunServer", true)) return Task.CompletedTask;
            services.GetService<IRecurringJobManager>()?.AddOrUpdate<CalendarReadJob>(CalendarReadJob.Id, j => j.RunAsync(CancellationToken.None), Cron.Minutely());
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
