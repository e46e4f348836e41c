using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Hangfire;
using Hangfire.Dashboard;

namespace AccountCoachBot.Operations;

/// <summary>
/// Hangfire's dashboard at <c>/hangfire</c>: jobs, retries, the recurring dispatcher. It can trigger and delete jobs, so
/// only loopback callers get it (an operator tunnels in), unless <c>Operations:DashboardPassword</c> is set: then other
/// machines get it with HTTP Basic sign-in as <c>Operations:DashboardUser</c> (<c>operator</c> by default). Its buttons
/// post with an antiforgery token, so a page elsewhere cannot press them in an operator's signed-in browser.
/// </summary>
public static class JobDashboard
{
    public const string Path = "/hangfire";
    public const string Title = "AccountCoachBot jobs";
    public const string UserKey = "Operations:DashboardUser";
    public const string PasswordKey = "Operations:DashboardPassword";
    public const string DefaultUser = "operator";
    public const int MinimumPasswordLength = 16;

    public static IHostApplicationBuilder AddJobDashboard(this IHostApplicationBuilder builder)
    {
        builder.Services.AddAntiforgery(); // Hangfire checks the token on every POST when the service is there
        builder.Services.AddSingleton<IStartupCheck, PasswordCheck>();
        return builder;
    }

    public static WebApplication MapJobDashboard(this WebApplication app)
    {
        if (app.Services.GetService<JobStorage>() is null) return app; // no scheduling in this host
        app.MapHangfireDashboard(Path, new DashboardOptions
        {
            Authorization = [new OperatorOnly(app.Configuration[UserKey], app.Configuration[PasswordKey])],
            DashboardTitle = Title,
        });
        return app;
    }

    /// <summary>This machine always; another machine only with the configured user and password.</summary>
    public sealed class OperatorOnly(string? user, string? password) : IDashboardAuthorizationFilter
    {
        private readonly byte[]? _expected = string.IsNullOrEmpty(password) ? null : Hash(CredentialsOf(user, password));

        public bool Authorize(DashboardContext context)
        {
            var http = context.GetHttpContext();
            if (OperatorAccess.IsLoopback(http.Connection.RemoteIpAddress)) return true;
            if (_expected is null) return false; // no password: refused, as it always was
            if (Presented(http.Request.Headers.Authorization.ToString()) is { } presented
                && CryptographicOperations.FixedTimeEquals(Hash(presented), _expected))
            {
                return true;
            }
            // Hangfire answers 401; this header makes a browser ask for the user and password.
            http.Response.Headers.WWWAuthenticate = $"Basic realm=\"{Title}\", charset=\"UTF-8\"";
            return false;
        }

        private static string CredentialsOf(string? user, string password) =>
            (string.IsNullOrWhiteSpace(user) ? DefaultUser : user.Trim()) + ":" + password;

        /// <summary>The <c>user:password</c> of a Basic header (RFC 7617), or null for anything else.</summary>
        private static string? Presented(string header)
        {
            if (!AuthenticationHeaderValue.TryParse(header, out var value)
                || !value.Scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase)
                || value.Parameter is not { Length: > 0 } encoded)
            {
                return null;
            }
            var bytes = new byte[encoded.Length];
            return Convert.TryFromBase64String(encoded, bytes, out var length) ? Encoding.UTF8.GetString(bytes, 0, length) : null;
        }

        // Hashes of equal length, so the comparison takes the same time whatever was sent.
        private static byte[] Hash(string credentials) => SHA256.HashData(Encoding.UTF8.GetBytes(credentials));
    }

    /// <summary>A short password would open the dashboard to guessing from anywhere: refused before anything listens.</summary>
    internal sealed class PasswordCheck(IConfiguration configuration) : IStartupCheck
    {
        public string? Refusal()
        {
            var password = configuration[PasswordKey];
            if (string.IsNullOrEmpty(password) || password.Length >= MinimumPasswordLength) return null;
            return $"Refusing to start: {PasswordKey} is shorter than {MinimumPasswordLength} characters. It opens the job " +
                   "dashboard to other machines: use a longer one, or leave it unset to keep the dashboard on loopback.";
        }
    }
}
