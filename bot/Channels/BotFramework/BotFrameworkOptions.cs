using Microsoft.Extensions.Configuration;

namespace AccountCoachBot.Channels.BotFramework;

/// <summary>
/// Bot Framework credentials and endpoints.
/// </summary>
/// <remarks>
/// The four conventional keys (<c>MicrosoftAppId</c>, <c>MicrosoftAppPassword</c>, <c>MicrosoftAppType</c>,
/// <c>MicrosoftAppTenantId</c>) are read from the configuration root, as Bot Framework developers expect
/// (environment variables of the same names work). When a key is missing at the root, the same key in
/// section <c>BotFramework</c> is used. Everything else comes from section <c>BotFramework</c>.
/// </remarks>
public sealed class BotFrameworkOptions
{
    public const string SectionName = "BotFramework";

    public const string MultiTenantAppType = "MultiTenant";
    public const string SingleTenantAppType = "SingleTenant";
    public const string UserAssignedMsiAppType = "UserAssignedMSI";

    public string? MicrosoftAppId { get; set; }

    /// <summary>The client secret. Never log it.</summary>
    public string? MicrosoftAppPassword { get; set; }

    /// <summary><c>MultiTenant</c> | <c>SingleTenant</c> | <c>UserAssignedMSI</c> (case-insensitive).</summary>
    public string MicrosoftAppType { get; set; } = MultiTenantAppType;

    public string? MicrosoftAppTenantId { get; set; }

    /// <summary>
    /// <c>BotFramework:AllowUnauthenticated</c>. Only meaningful when no app id is configured: lets the endpoint accept
    /// unauthenticated requests from non-loopback addresses too (a local container). See
    /// <see cref="Auth.AnonymousAccess"/>. A request that carries a token is validated regardless.
    /// </summary>
    public bool AllowUnauthenticated { get; set; }

    /// <summary>OpenID metadata for tokens issued by the Bot Connector (issuer <c>https://api.botframework.com</c>).</summary>
    public string ChannelOpenIdMetadataUrl { get; set; } = "https://login.botframework.com/v1/.well-known/openidconfiguration";

    /// <summary>OpenID metadata for Entra-issued tokens from the Azure Bot Service tenants (and the bot's own tenant).</summary>
    public string EntraOpenIdMetadataUrl { get; set; } = "https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration";

    /// <summary>
    /// OpenID metadata for Emulator tokens (Entra tokens obtained with the bot's own credentials). The SDK uses the
    /// common v2 document (contract §2.2); the docs' <c>botframework.com/v2.0</c> document points at the same keys.
    /// </summary>
    public string EmulatorOpenIdMetadataUrl { get; set; } = "https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration";

    /// <summary>Authority host for outbound tokens: <c>{LoginAuthority}/botframework.com</c> or <c>{LoginAuthority}/{tenant}</c>.</summary>
    public string LoginAuthority { get; set; } = "https://login.microsoftonline.com";

    /// <summary>Scope requested for Bot Connector calls.</summary>
    public string ConnectorScope { get; set; } = "https://api.botframework.com/.default";

    /// <summary>Timeout of one metadata or key-set request (<c>BotFramework:MetadataRequestTimeout</c>). Fetch failures fail closed (401).</summary>
    public TimeSpan MetadataRequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    public bool IsAuthenticationDisabled => string.IsNullOrWhiteSpace(MicrosoftAppId);

    internal bool IsSingleTenant => string.Equals(MicrosoftAppType, SingleTenantAppType, StringComparison.OrdinalIgnoreCase);

    internal bool IsUserAssignedMsi => string.Equals(MicrosoftAppType, UserAssignedMsiAppType, StringComparison.OrdinalIgnoreCase);

    /// <summary>Reads the options as described on the class.</summary>
    public static BotFrameworkOptions FromConfiguration(IConfiguration configuration)
    {
        var options = new BotFrameworkOptions();
        Bind(configuration, options);
        return options;
    }

    /// <summary>Fills <paramref name="options"/> from <paramref name="configuration"/> (used by the options pipeline).</summary>
    public static void Bind(IConfiguration configuration, BotFrameworkOptions options)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(options);

        IConfigurationSection section = configuration.GetSection(SectionName);
        section.Bind(options);

        options.MicrosoftAppId = RootOrSection(configuration, section, nameof(MicrosoftAppId)) ?? options.MicrosoftAppId;
        options.MicrosoftAppPassword = RootOrSection(configuration, section, nameof(MicrosoftAppPassword)) ?? options.MicrosoftAppPassword;
        options.MicrosoftAppTenantId = RootOrSection(configuration, section, nameof(MicrosoftAppTenantId)) ?? options.MicrosoftAppTenantId;

        string? appType = RootOrSection(configuration, section, nameof(MicrosoftAppType));
        if (!string.IsNullOrWhiteSpace(appType))
        {
            options.MicrosoftAppType = appType.Trim();
        }
        else if (string.IsNullOrWhiteSpace(options.MicrosoftAppType))
        {
            options.MicrosoftAppType = MultiTenantAppType;
        }

        options.MicrosoftAppId = options.MicrosoftAppId?.Trim();
        options.MicrosoftAppTenantId = options.MicrosoftAppTenantId?.Trim();
    }

    /// <summary>
    /// Startup validation. Returns human-readable problems (never secret values); empty when the options are usable.
    /// </summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();

        if (!IsHttpsUrl(ChannelOpenIdMetadataUrl))
            errors.Add($"BotFramework:{nameof(ChannelOpenIdMetadataUrl)} must be an absolute https URL.");
        if (!IsHttpsUrl(EntraOpenIdMetadataUrl))
            errors.Add($"BotFramework:{nameof(EntraOpenIdMetadataUrl)} must be an absolute https URL.");
        if (!IsHttpsUrl(EmulatorOpenIdMetadataUrl))
            errors.Add($"BotFramework:{nameof(EmulatorOpenIdMetadataUrl)} must be an absolute https URL.");
        if (!IsHttpsUrl(LoginAuthority))
            errors.Add($"BotFramework:{nameof(LoginAuthority)} must be an absolute https URL.");
        if (string.IsNullOrWhiteSpace(ConnectorScope))
            errors.Add($"BotFramework:{nameof(ConnectorScope)} is required.");
        if (MetadataRequestTimeout <= TimeSpan.Zero || MetadataRequestTimeout > TimeSpan.FromMinutes(2))
            errors.Add($"BotFramework:{nameof(MetadataRequestTimeout)} must be between 0 and 2 minutes.");

        bool knownType = string.Equals(MicrosoftAppType, MultiTenantAppType, StringComparison.OrdinalIgnoreCase)
            || IsSingleTenant || IsUserAssignedMsi;
        if (!knownType)
        {
            errors.Add($"MicrosoftAppType '{MicrosoftAppType}' is not supported; use {MultiTenantAppType}, {SingleTenantAppType} or {UserAssignedMsiAppType}.");
        }

        if (!string.IsNullOrWhiteSpace(MicrosoftAppTenantId) && !Guid.TryParse(MicrosoftAppTenantId, out _))
        {
            errors.Add("MicrosoftAppTenantId must be a tenant id (GUID).");
        }

        if (IsAuthenticationDisabled)
        {
            // Anonymous local mode: credentials without an app id are a configuration mistake worth reporting.
            if (!string.IsNullOrEmpty(MicrosoftAppPassword))
                errors.Add("MicrosoftAppPassword is set but MicrosoftAppId is empty; set both, or neither for anonymous local use.");
            return errors;
        }

        if (knownType && IsUserAssignedMsi)
        {
            if (string.IsNullOrWhiteSpace(MicrosoftAppTenantId))
                errors.Add("MicrosoftAppType UserAssignedMSI requires MicrosoftAppTenantId.");
            if (!string.IsNullOrEmpty(MicrosoftAppPassword))
                errors.Add("MicrosoftAppType UserAssignedMSI requires MicrosoftAppPassword to be empty.");
        }
        else if (knownType)
        {
            if (string.IsNullOrEmpty(MicrosoftAppPassword))
                errors.Add($"MicrosoftAppType {MicrosoftAppType} requires MicrosoftAppPassword when MicrosoftAppId is set.");
            if (IsSingleTenant && string.IsNullOrWhiteSpace(MicrosoftAppTenantId))
                errors.Add("MicrosoftAppType SingleTenant requires MicrosoftAppTenantId.");
        }

        return errors;
    }

    private static string? RootOrSection(IConfiguration root, IConfigurationSection section, string key)
    {
        string? value = root[key];
        if (string.IsNullOrWhiteSpace(value))
        {
            value = section[key];
        }

        return string.IsNullOrWhiteSpace(value) ? null : value;
    }

    private static bool IsHttpsUrl(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out Uri? uri) && uri.Scheme == Uri.UriSchemeHttps;
}
