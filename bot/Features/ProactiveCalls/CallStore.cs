using AccountCoachBot.Channels.Slack;
using AccountCoachBot.Data;
using AccountCoachBot.Features.People;
using Microsoft.EntityFrameworkCore;

namespace AccountCoachBot.Features.ProactiveCalls;

/// <summary>Queries and small writes the commands, the planner, the renderer and the import share.</summary>
internal static class CallStore
{
    public static DbSet<AccountCadence> Cadences(this CoachDbContext db) => db.Set<AccountCadence>();

    /// <summary>The account's cadence, created (standard, counted from the account's creation) when it has none yet.</summary>
    public static async Task<AccountCadence> EnsureCadenceAsync(CoachDbContext db, Account account, CancellationToken ct)
    {
        AccountCadence? cadence = null;
        if (account.Id != 0)
            cadence = db.Cadences().Local.FirstOrDefault(c => c.AccountId == account.Id)
                ?? await db.Cadences().FirstOrDefaultAsync(c => c.AccountId == account.Id, ct);
        if (cadence is null)
        {
            cadence = new AccountCadence { Account = account, AccountId = account.Id, StartedUtc = account.CreatedUtc, NextCheckUtc = account.CreatedUtc };
            db.Cadences().Add(cadence);
        }
        return cadence;
    }

    /// <summary>After a change (a contact, a snooze, a new cadence): when the planner should look at the account next.</summary>
    public static CallStatus Refresh(AccountCadence cadence, Person owner, DateTime nowUtc)
    {
        var status = CallCadence.Evaluate(cadence, owner, nowUtc);
        cadence.NextCheckUtc = status.DueUtc;
        return status;
    }

    public static Task<NudgePreferences?> PreferencesAsync(CoachDbContext db, int personId, CancellationToken ct) =>
        db.Set<NudgePreferences>().FirstOrDefaultAsync(p => p.PersonId == personId, ct);

    public static async Task<NudgePreferences> EnsurePreferencesAsync(CoachDbContext db, int personId, CancellationToken ct)
    {
        var prefs = await PreferencesAsync(db, personId, ct);
        if (prefs is null)
        {
            prefs = new NudgePreferences { PersonId = personId };
            db.Set<NudgePreferences>().Add(prefs);
        }
        return prefs;
    }

    /// <summary>The person's own chat for private nudges: the one they used last, never a shared channel.</summary>
    public static Task<ConversationAddress?> PrivateAddressAsync(CoachDbContext db, int personId, CancellationToken ct) =>
        db.Addresses.Where(a => a.PersonId == personId && !a.IsStale && !a.IsShared)
            .OrderByDescending(a => a.UpdatedUtc).FirstOrDefaultAsync(ct);

    /// <summary>The person's Slack identity, "team:user", when they have one.</summary>
    public static Task<string?> SlackIdentityAsync(CoachDbContext db, int personId, CancellationToken ct) =>
        db.ChannelIdentities.Where(i => i.PersonId == personId && i.Channel == SlackReference.Transport)
            .OrderByDescending(i => i.Id).Select(i => i.ExternalId).FirstOrDefaultAsync(ct);

    /// <summary>
    /// The shared address of a Slack channel (created when new). Posting there needs only the channel; the
    /// reference keeps the owner who set it, for the record.
    /// </summary>
    public static async Task<ConversationAddress> ChannelAddressAsync(CoachDbContext db, int ownerId, string slackIdentity, string channelId, DateTime nowUtc, CancellationToken ct)
    {
        var colon = slackIdentity.IndexOf(':');
        var reference = new SlackReference(slackIdentity[..colon], channelId, slackIdentity[(colon + 1)..]);
        var address = db.Addresses.Local.FirstOrDefault(a => a.Transport == SlackReference.Transport && a.Key == reference.AddressKey)
            ?? await db.Addresses.FirstOrDefaultAsync(a => a.Transport == SlackReference.Transport && a.Key == reference.AddressKey, ct);
        if (address is null)
        {
            address = new ConversationAddress { Transport = SlackReference.Transport, Key = reference.AddressKey, ReferenceJson = reference.ToJson(), PersonId = ownerId };
            db.Addresses.Add(address);
        }
        address.IsShared = true;
        address.IsStale = false;
        address.StaleReason = null;
        address.UpdatedUtc = nowUtc;
        return address;
    }

    /// <summary>A Teams (Bot Framework) channel or group chat, where others read what the bot says.</summary>
    public static bool IsSharedTeamsConversation(ConversationAddress address)
    {
        if (address.Transport != Channels.BotFramework.ActivityMapper.Transport) return false;
        var reference = System.Text.Json.JsonSerializer.Deserialize<Channels.BotFramework.ConversationReference>(address.ReferenceJson, Channels.BotFramework.BotFrameworkJson.Options);
        return reference?.Conversation is { } c && (c.IsGroup == true || c.ConversationType is "channel" or "groupChat");
    }

    /// <summary>The Slack channel id of a shared address, for texts like "nudges in #sales".</summary>
    public static string? ChannelIdOf(ConversationAddress? address) =>
        address is { Transport: SlackReference.Transport } ? SlackReference.FromJson(address.ReferenceJson)?.Channel : null;

    /// <summary>
    /// "C0123ABCD", "#C0123ABCD", or Slack's own form of a channel picked with # in a message, "&lt;#C0123ABCD|sales&gt;".
    /// </summary>
    public static string? ParseChannel(string text)
    {
        var m = System.Text.RegularExpressions.Regex.Match(text.Trim(), @"^(?:<#([CG][A-Z0-9]{2,30})(?:\|[^>]*)?>|#?([CG][A-Z0-9]{2,30}))$");
        if (!m.Success) return null;
        return m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value;
    }

    /// <summary>One of the person's accounts by name: exact (case and spacing aside), else the only one it starts.</summary>
    public static async Task<(Account? Match, IReadOnlyList<Account> Candidates)> FindAccountAsync(CoachDbContext db, int ownerId, string name, CancellationToken ct)
    {
        var normalized = Account.Normalize(name.Trim().Trim('"', '«', '»', '`'));
        if (normalized.Length == 0) return (null, []);
        var exact = await db.Accounts.FirstOrDefaultAsync(a => a.OwnerId == ownerId && a.NormalizedName == normalized, ct);
        if (exact is not null) return (exact, [exact]);
        var all = await db.Accounts.Where(a => a.OwnerId == ownerId).ToListAsync(ct);
        var starts = all.Where(a => a.NormalizedName.StartsWith(normalized, StringComparison.Ordinal)).ToList();
        return starts.Count == 1 ? (starts[0], starts) : (null, starts);
    }
}
