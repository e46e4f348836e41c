using AccountCoachBot.Data;
using Microsoft.Extensions.Options;

namespace AccountCoachBot.Features.Teams;

/// <summary>Says at start who the admins are, or that the first person to write will be one (as self-hosted tools do).</summary>
public sealed class AdminsAtStart(IServiceScopeFactory scopes, IOptions<TeamsOptions> options, ILogger<AdminsAtStart> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
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
        // DbUpdateException: another instance starting at the same moment recorded the first admin.
        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException or Microsoft.EntityFrameworkCore.DbUpdateException)
        {
            logger.LogWarning("Could not read the admin at start: {Error}", e.Message);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
