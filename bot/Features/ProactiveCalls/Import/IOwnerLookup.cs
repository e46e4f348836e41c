namespace AccountCoachBot.Features.ProactiveCalls.Import;

/// <summary>What a directory says about an owner's email: their identity there, not found, or a failure to ask.</summary>
public sealed record OwnerLookupResult(string? Identity, string? Error)
{
    public static readonly OwnerLookupResult NotFound = new(null, null);
}

/// <summary>
/// Finds an owner's chat identity by work email, for owners the bot knows without an email on file. Channels
/// implement it (Slack's <c>users.lookupByEmail</c>) and register it where their API is configured.
/// </summary>
public interface IOwnerLookup
{
    /// <summary>The channel the identity belongs to (matches <see cref="Features.People.ChannelIdentity.Channel"/>).</summary>
    string Channel { get; }

    Task<OwnerLookupResult> FindByEmailAsync(string email, CancellationToken ct);
}
