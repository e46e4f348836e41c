using System.Text.Json.Nodes;
using AccountCoachBot.Features.People;
using AccountCoachBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AccountCoachBot.Tests.Features.People;

/// <summary>A person can export and delete their data.</summary>
public sealed class MyDataTests : IAsyncLifetime
{
    private CoachTestHost _host = null!;

    public async Task InitializeAsync() => _host = await CoachTestHost.StartAsync(new DateTimeOffset(2026, 3, 4, 9, 0, 0, TimeSpan.Zero));

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Export_ContainsSettingsPromisesAndMeetings_OfThisPersonOnly()
    {
        await _host.SayAsync("promise Acme: send the revised quote tomorrow");
        await _host.SayAsync("meeting Acme 2026-03-10 15:00");
        await _host.SayAsync("promise Initech: send the plan tomorrow", user: "ivan");

        var text = (await _host.SayAsync("export"))[^1].Text;

        var json = JsonNode.Parse(text[(text.IndexOf("```\n", StringComparison.Ordinal) + 4)..text.LastIndexOf("\n```", StringComparison.Ordinal)])!;
        Assert.Equal("Europe/Berlin", json["person"]!["timeZone"]!.GetValue<string>());
        Assert.Equal("send the revised quote", json["promises"]!["promises"]![0]!["what"]!.GetValue<string>());
        Assert.Single(json["promises"]!["promises"]!.AsArray());
        Assert.Equal("Acme", json["meetings"]!["meetings"]![0]!["account"]!.GetValue<string>());
        Assert.DoesNotContain("Initech", text);
    }

    [Fact]
    public async Task ForgetMe_DeletesEverything_AfterAYes()
    {
        await _host.SayAsync("promise Acme: send the revised quote tomorrow");
        await _host.SayAsync("meeting Acme 2026-03-10 15:00");
        await _host.SayAsync("promise Initech: send the plan tomorrow", user: "ivan");

        Assert.StartsWith("Delete everything I store about you", (await _host.SayAsync("forget me"))[^1].Text);
        Assert.StartsWith("Done: I deleted everything", (await _host.SayAsync("yes"))[^1].Text);

        Assert.Equal(1, await _host.WithDbAsync(db => db.People.CountAsync()));
        Assert.Equal(1, await _host.WithDbAsync(db => db.Promises.CountAsync()));
        Assert.Equal(0, await _host.WithDbAsync(db => db.Set<AccountCoachBot.Features.MeetingPrep.Meeting>().CountAsync()));
        Assert.Equal(1, await _host.WithDbAsync(db => db.Addresses.CountAsync()));
        Assert.All(await _host.WithDbAsync(db => db.Outbox.ToListAsync()), o => Assert.NotEqual(1, o.PersonId));
    }

    [Fact]
    public async Task ForgetMe_KeepsEverything_WhenTheAnswerIsNo()
    {
        await _host.SayAsync("promise Acme: send the revised quote tomorrow");
        await _host.SayAsync("forget me");

        await _host.PressAsync(MyDataCommands.ForgetAction, new Dictionary<string, string> { ["confirm"] = "no" });

        Assert.Equal(1, await _host.WithDbAsync(db => db.Promises.CountAsync()));
    }
}
