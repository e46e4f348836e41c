using AccountCoachBot.Features.ProactiveCalls.Import;

namespace AccountCoachBot.Channels.Slack;

/// <summary>Slack's <c>users.lookupByEmail</c>: the person's Slack identity, "{team}:{user}".</summary>
public sealed class SlackOwnerLookup(SlackApiClient api) : IOwnerLookup
{
    private string? _team;

    public string Channel => SlackReference.Transport;

    public async Task<OwnerLookupResult> FindByEmailAsync(string email, CancellationToken ct)
    {
        if (_team is null)
        {
            var auth = await api.AuthTestAsync(ct);
            if (!auth.Ok || auth.Value is null) return new OwnerLookupResult(null, $"Slack auth.test: {auth.Error}");
            _team = auth.Value.TeamId;
        }
        var result = await api.LookupByEmailAsync(email, ct);
        if (result.Ok && result.Value is { } user) return new OwnerLookupResult(SlackReference.IdentityOf(_team, user.Id), null);
        return result.Error == "users_not_found" ? OwnerLookupResult.NotFound : new OwnerLookupResult(null, $"Slack users.lookupByEmail: {result.Error}");
    }
}
