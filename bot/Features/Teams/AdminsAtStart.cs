using AccountCoachBot.Data;
using Microsoft.Extensions.Options;

namespace AccountCoachBot.Features.Teams;

/// <summary>
/// Says at start who the admins are, or that the first person to write will be one (as self-hosted tools do). It runs
/// beside the start, not before it: a log line is no reason to keep the first request waiting.
/// </summary>
public sealed class AdminsAtStart(IServiceScopeFactory scopes, IOptions<TeamsOptions> options, ILogger<AdminsAtStart> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken cancellationToken)
    {
        var configured = options.Value.AdminEmails;
        if (configured.Count > 0)
        {
            logger.LogInformation("Admins (Coach:Admins): {Admins}", string.Join(", ", configured));
            return;
        }
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var admin = await scope.ServiceProvider.GetRequiredService<TeamAccess>().FirstAdminAsync(cancellationToken);
            if (admin is null)
                logger.LogInformation("No Coach:Admins configured: the first person to write to the bot becomes the admin");
            else
                logger.LogInformation("Admin: person {PersonId} ({Name}), the first person who wrote to the bot; set Coach:Admins to name others", admin.Id, TeamPeople.Who(admin));
        }
        // The database away, or another instance starting at the same moment recorded the first admin: a log line
        // must never stop the host (an exception out of a BackgroundService would).
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("Could not read the admin at start: {Error}", e.Message);
        }
    }
}
