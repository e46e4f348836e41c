using System.Net;
using AccountCoachBot.Channels.Slack;
using AccountCoachBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AccountCoachBot.Tests.Channels.Slack;

/// <summary>
/// Slack's requests wait in one lane per person: one person's requests run in the order they came, and a turn that
/// waits on Slack (or on the model) holds nobody else's. Slack is held with <see cref="FakeSlackApi.HoldNext"/> on
/// <c>users.info</c>, which the first turn of a person not yet known calls.
/// </summary>
public sealed class SlackLanesTests : SlackBotTests
{
    private const string Ivan = "U0IVAN";

    [Fact]
    public async Task Command_IsAnswered_WhileAnotherPersonsTurnWaitsForSlack()
    {
        var olgasTurn = await OlgasFirstCommandHeldAsync("trig-olga");

        Assert.Equal(HttpStatusCode.OK, (await CommandFromAsync(Ivan, "help", "trig-ivan")).StatusCode);
        Assert.Equal(["trig-ivan"], await AnsweredAsync(1));

        olgasTurn.Release();
        Assert.Equal(["trig-ivan", "trig-olga"], await AnsweredAsync(2));
    }

    [Fact]
    public async Task Commands_OfOnePerson_RunInArrivalOrder_WhenTheFirstWaitsForSlack()
    {
        var first = await OlgasFirstCommandHeldAsync("olga-1");
        Assert.Equal(HttpStatusCode.OK, (await CommandAsync("help", "olga-2")).StatusCode);
        // Ivan came after Olga's second: once he is answered, her second has been seen, and it waits behind her first.
        Assert.Equal(HttpStatusCode.OK, (await CommandFromAsync(Ivan, "help", "ivan-1")).StatusCode);
        Assert.Equal(["ivan-1"], await AnsweredAsync(1));

        first.Release();
        Assert.Equal(["ivan-1", "olga-1", "olga-2"], await AnsweredAsync(3));
    }

    /// <summary>Ivan is known to Slack; Olga (not yet met) sends <c>/coach help</c>, and her turn waits at <c>users.info</c>.</summary>
    private async Task<FakeSlackApi.HeldCall> OlgasFirstCommandHeldAsync(string trigger)
    {
        SlackApi.AddUser(new SlackUserSeed(Ivan, "ivan", Tz: "Europe/Moscow", Email: "ivan@example.com", RealName: "Ivan Petrov"));
        var held = SlackApi.HoldNext("users.info");
        Assert.Equal(HttpStatusCode.OK, (await CommandAsync("help", trigger)).StatusCode);
        await held.Arrived.WaitAsync(HangGuard.Limit);
        return held;
    }

    [Fact]
    public async Task Requests_WaitInTheirPersonsLane_WhenCommandOrDirectMessage()
    {
        Assert.Equal(HttpStatusCode.OK, (await CommandAsync("help", "trig-lane")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await DirectMessageAsync("help", "Ev0LANE")).StatusCode);
        await WaitForInboxAsync(2);

        var lanes = await Bot.WithDbAsync(db => db.Inbox.OrderBy(i => i.Id).Select(i => new { i.Key, i.ConversationKey }).ToListAsync());
        Assert.Equal(
            [("command:trig-lane", (string?)$"slack:{FakeSlackApi.TeamId}:{User}"), ("event:Ev0LANE", $"slack:{FakeSlackApi.TeamId}:{User}")],
            lanes.Select(l => (l.Key, l.ConversationKey)));
    }

    [Theory]
    [InlineData("T1", "U1", "slack:T1:U1")]
    [InlineData("T1", null, null)]
    [InlineData(null, "U1", null)]
    [InlineData("", "U1", null)]
    public void ConversationKeyOf_NamesThePerson_OrNobody_WhenTeamOrUserIsMissing(string? team, string? user, string? expected) =>
        Assert.Equal(expected, SlackReference.ConversationKeyOf(team, user));

    /// <summary>The commands answered on their response_url, in the order of their first answers, once there are this many.</summary>
    private async Task<IReadOnlyList<string?>> AnsweredAsync(int commands)
    {
        for (var seen = 1; ; seen++)
        {
            var answered = (await SlackApi.WaitForCallsAsync(FakeSlackApi.ResponseUrlMethod, seen)).Select(a => a.ResponseId).Distinct().ToList();
            if (answered.Count >= commands) return answered;
        }
    }

    private Task<HttpResponseMessage> CommandFromAsync(string user, string text, string triggerId) =>
        PostSignedAsync("/slack/commands", Form(new()
        {
            ["token"] = "legacy", ["team_id"] = FakeSlackApi.TeamId, ["channel_id"] = "C0SALES", ["user_id"] = user,
            ["command"] = "/coach", ["text"] = text, ["trigger_id"] = triggerId, ["response_url"] = SlackApi.ResponseUrl(triggerId),
        }), "application/x-www-form-urlencoded");
}
