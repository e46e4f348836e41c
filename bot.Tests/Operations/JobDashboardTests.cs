using System.Net;
using AccountCoachBot.Operations;
using AccountCoachBot.Tests.Infrastructure;
using Hangfire;
using Hangfire.Dashboard;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AccountCoachBot.Tests.Operations;

/// <summary>Hangfire's dashboard at /hangfire: there for an operator on this machine, refused to anyone else.</summary>
public sealed class JobDashboardTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 4, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Hangfire_Answers200_FromLoopback()
    {
        using var db = new TestDatabase();
        await using var bot = await BotHost.StartAsync(db.Path, _time);
        using var http = new HttpClient();

        var response = await http.GetAsync(bot.BaseUrl + "hangfire");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("AccountCoachBot jobs", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("::1", true)]
    [InlineData("::ffff:127.0.0.1", true)]
    [InlineData("10.0.0.5", false)]
    [InlineData("203.0.113.7", false)]
    public async Task LoopbackOnly_AllowsOnlyThisMachine(string remote, bool expected)
    {
        using var db = new TestDatabase();
        await using var bot = await BotHost.StartAsync(db.Path, _time);
        var http = new DefaultHttpContext { RequestServices = bot.Services };
        http.Connection.RemoteIpAddress = IPAddress.Parse(remote);
        var context = new AspNetCoreDashboardContext(bot.Services.GetRequiredService<JobStorage>(), new DashboardOptions(), http);

        Assert.Equal(expected, new JobDashboard.LoopbackOnly().Authorize(context));
    }
}
