namespace AccountCoachBot.Features.Calendar;

/// <summary>
/// `Calendar:Graph:*`: reading Outlook calendars through Microsoft Graph with the bot's own app (client credentials).
/// Anything left empty falls back to the bot's Bot Framework app (`MicrosoftAppId`, `MicrosoftAppPassword`,
/// `MicrosoftAppTenantId`, at the root or under `BotFramework`). The app needs the Calendars.Read application permission,
/// granted by an admin (README: "Outlook calendars").
/// </summary>
public sealed class GraphCalendarOptions
{
    public const string Section = "Calendar:Graph";

    public string? TenantId { get; set; }
    public string? ClientId { get; set; }

    /// <summary>Never logged.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>Graph's root; tests point it at a loopback fake.</summary>
    public string BaseUrl { get; set; } = "https://graph.microsoft.com/v1.0";

    /// <summary>Where tokens come from: `{AuthorityHost}/{TenantId}/oauth2/v2.0/token`.</summary>
    public string AuthorityHost { get; set; } = "https://login.microsoftonline.com";

    /// <summary>What the token is asked for.</summary>
    public string Scope { get; set; } = "https://graph.microsoft.com/.default";

    public bool IsConfigured =>
        !string.IsNullOrWhiteSpace(TenantId) && !string.IsNullOrWhiteSpace(ClientId) && !string.IsNullOrWhiteSpace(ClientSecret);

    public Uri TokenEndpoint => new($"{AuthorityHost.TrimEnd('/')}/{Uri.EscapeDataString(TenantId!.Trim())}/oauth2/v2.0/token");

    /// <summary>Fills what `Calendar:Graph` leaves empty from the bot's own app registration.</summary>
    public static void FallBackToBot(GraphCalendarOptions o, IConfiguration configuration)
    {
        string? Bot(string key) => configuration[key] is { Length: > 0 } root ? root : configuration["BotFramework:" + key];
        if (string.IsNullOrWhiteSpace(o.ClientId)) o.ClientId = Bot("MicrosoftAppId");
        if (string.IsNullOrWhiteSpace(o.ClientSecret)) o.ClientSecret = Bot("MicrosoftAppPassword");
        if (string.IsNullOrWhiteSpace(o.TenantId)) o.TenantId = Bot("MicrosoftAppTenantId");
    }
}
