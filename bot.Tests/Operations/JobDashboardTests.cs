using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using AccountCoachBot.Operations;
using AccountCoachBot.Tests.Infrastructure;
using Hangfire;
using Hangfire.Dashboard;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AccountCoachBot.Tests.Operations;

/// <summary>
/// Hangfire's dashboard at /hangfire: there for an operator on this machine, for another machine only with the
/// configured password, and its buttons pressed only from its own pages.
/// </summary>
public sealed class JobDashboardTests : IDisposable
{
    private const string Password = "a-long-enough-dashboard-secret";
    private readonly TestDatabase _db = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 4, 9, 0, 0, TimeSpan.Zero));

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task Hangfire_Answers200_FromLoopback()
    {
        await using var bot = await StartAsync();
        using var http = new HttpClient();

        var response = await http.GetAsync(bot.BaseUrl + "hangfire");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(JobDashboard.Title, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Hangfire_RefusesAPost_WhenItLacksTheTokenOfTheDashboardsOwnPage()
    {
        await using var bot = await StartAsync();
        using var http = new HttpClient(new HttpClientHandler { UseCookies = true, UseProxy = false });
        var page = await http.GetStringAsync(bot.BaseUrl + "hangfire/recurring");
        var header = Regex.Match(page, "<meta name=\"csrf-header\" content=\"([^\"]+)\"").Groups[1].Value;
        var token = WebUtility.HtmlDecode(Regex.Match(page, "<meta name=\"csrf-token\" content=\"([^\"]+)\"").Groups[1].Value);
        Assert.False(string.IsNullOrEmpty(header), "the dashboard's page carries no antiforgery token");

        // What a page elsewhere could send through the operator's browser: the form, without the token.
        using var forged = await http.PostAsync(bot.BaseUrl + "hangfire/recurring/trigger", Form());
        using var own = new HttpRequestMessage(HttpMethod.Post, bot.BaseUrl + "hangfire/recurring/trigger") { Content = Form() };
        own.Headers.Add(header, token);
        using var fromItsPage = await http.SendAsync(own);

        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.True(fromItsPage.IsSuccessStatusCode, $"the dashboard's own button got {(int)fromItsPage.StatusCode}");
    }

    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("::1", true)]
    [InlineData("::ffff:127.0.0.1", true)]
    [InlineData("10.0.0.5", false)]
    [InlineData("203.0.113.7", false)]
    public async Task OperatorOnly_AllowsOnlyThisMachine_WhenNoPasswordIsSet(string remote, bool expected)
    {
        await using var bot = await StartAsync();
        var context = Context(bot, remote, authorization: Basic("operator", "anything"));

        Assert.Equal(expected, new JobDashboard.OperatorOnly(null, null).Authorize(context));
        Assert.False(context.GetHttpContext().Response.Headers.ContainsKey("WWW-Authenticate"));
    }

    [Theory]
    [InlineData(null, "operator")]
    [InlineData("  ", "operator")]
    [InlineData("ops", "ops")]
    public async Task OperatorOnly_AllowsAnotherMachine_WhenItSignsInAsTheConfiguredUser(string? configuredUser, string user)
    {
        await using var bot = await StartAsync();

        Assert.True(new JobDashboard.OperatorOnly(configuredUser, Password).Authorize(Context(bot, "203.0.113.7", Basic(user, Password))));
        Assert.True(new JobDashboard.OperatorOnly(configuredUser, Password).Authorize(Context(bot, "203.0.113.7", "basic " + Base64($"{user}:{Password}"))));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Basic")]
    [InlineData("Basic !!!not-base64")]
    [InlineData("Bearer a-long-enough-dashboard-secret")]
    [InlineData("Basic b3BlcmF0b3I=")] // "operator", no colon
    public async Task OperatorOnly_RefusesAnotherMachineAndAsksItToSignIn_WhenItSendsNoUsableCredentials(string? authorization)
    {
        await using var bot = await StartAsync();
        var context = Context(bot, "203.0.113.7", authorization);

        Assert.False(new JobDashboard.OperatorOnly(null, Password).Authorize(context));
        Assert.Equal("Basic realm=\"AccountCoachBot jobs\", charset=\"UTF-8\"", context.GetHttpContext().Response.Headers.WWWAuthenticate.ToString());
    }

    [Theory]
    [InlineData("operator", "a-long-enough-dashboard-secreT")]
    [InlineData("operator", "a-long-enough-dashboard-secret ")]
    [InlineData("Operator", "a-long-enough-dashboard-secret")]
    [InlineData("ops", "a-long-enough-dashboard-secret")]
    [InlineData("operator", "")]
    public async Task OperatorOnly_RefusesAnotherMachine_WhenItsUserOrPasswordIsWrong(string user, string password)
    {
        await using var bot = await StartAsync();

        Assert.False(new JobDashboard.OperatorOnly(null, Password).Authorize(Context(bot, "203.0.113.7", Basic(user, password))));
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("", null)]
    [InlineData("sixteen-chars-ok", null)]
    [InlineData("fifteen-chars!!", "Refusing to start: Operations:DashboardPassword is shorter than 16 characters.")]
    [InlineData("short-secret", "Refusing to start: Operations:DashboardPassword is shorter than 16 characters.")]
    public void PasswordCheck_RefusesAShortPasswordWithoutSayingIt_WhenOneIsSet(string? password, string? refusal)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [JobDashboard.PasswordKey] = password })
            .Build();

        var reason = new JobDashboard.PasswordCheck(configuration).Refusal();

        if (refusal is null)
        {
            Assert.Null(reason);
            return;
        }
        Assert.StartsWith(refusal, reason);
        Assert.DoesNotContain(password!, reason);
    }

    private Task<BotHost> StartAsync() => BotHost.StartAsync(_db.Path, _time);

    private static AspNetCoreDashboardContext Context(BotHost bot, string remote, string? authorization)
    {
        var http = new DefaultHttpContext { RequestServices = bot.Services };
        http.Connection.RemoteIpAddress = IPAddress.Parse(remote);
        if (authorization is not null) http.Request.Headers.Authorization = authorization;
        return new AspNetCoreDashboardContext(bot.Services.GetRequiredService<JobStorage>(), new DashboardOptions(), http);
    }

    private static string Basic(string user, string password) => new AuthenticationHeaderValue("Basic", Base64($"{user}:{password}")).ToString();

    private static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    private static FormUrlEncodedContent Form() => new([new KeyValuePair<string, string>("jobs[]", "no-such-job")]);
}
