using System.Net;
using System.Text.Json.Nodes;
using AccountCoachBot.Channels.Slack;
using AccountCoachBot.Tests.Infrastructure;

namespace AccountCoachBot.Tests.Channels.Slack;

/// <summary>
/// Sending and changing what people see: chat.postMessage (threads, DMs, Slack's warnings), chat.postEphemeral, chat.update,
/// views.open and views.publish, each checked as the JSON body Slack receives.
/// </summary>
public sealed class SlackApiClientMessagesTests : SlackApiClientTestBase
{
    [Fact]
    public async Task PostMessageAsync_SendsJsonWithChannelTextBlocksAndThread_WhenThreadTsGiven()
    {
        var message = Message();
        var before = message.ToJsonString();

        var result = await Client().PostMessageAsync("C0SALES", message, threadTs: "1699999999.000100");

        Assert.True(result.Ok, result.Error);
        Assert.Null(result.Warning); // no missing_charset: the JSON body declares utf-8
        Assert.Equal(new SlackMessageRef("C0SALES", "1700000000.000100"), result.Value);
        Assert.Equal("1700000000.000100", result.Response!["message"]!["ts"]!.GetValue<string>());
        var call = Assert.Single(_slack.Calls);
        AssertJsonCall(call, "chat.postMessage");
        Assert.Equal("C0SALES", call.Arg("channel"));
        Assert.Equal("Reminder: call Acme", call.Arg("text"));
        Assert.Equal("1699999999.000100", call.Arg("thread_ts"));
        Assert.Equal("section", call.Body["blocks"]![0]!["type"]!.GetValue<string>());
        Assert.False(call.Body["unfurl_links"]!.GetValue<bool>());
        Assert.Equal(before, message.ToJsonString()); // the caller's message is not changed
    }

    [Fact]
    public async Task PostMessageAsync_OmitsThreadTsAndReturnsIncreasingTs_WhenPostingTwice()
    {
        var client = Client();

        var first = await client.PostMessageAsync("C0SALES", Message("one"));
        var second = await client.PostMessageAsync("C0SALES", Message("two"));

        Assert.Equal("1700000000.000100", first.Value!.Ts);
        Assert.Equal("1700000000.000200", second.Value!.Ts);
        Assert.All(_slack.CallsTo("chat.postMessage"), c => Assert.False(c.Body.ContainsKey("thread_ts")));
    }

    [Fact]
    public async Task PostMessageAsync_ReturnsDmChannel_WhenPostingToUserId()
    {
        _slack.AddUser(new SlackUserSeed("U0ALICE", "alice"));

        var result = await Client().PostMessageAsync("U0ALICE", Message());

        Assert.True(result.Ok, result.Error);
        Assert.Equal(_slack.DmChannelOf("U0ALICE"), result.Value!.Channel);
        Assert.StartsWith("D", result.Value.Channel);
    }

    [Fact]
    public async Task PostEphemeralAsync_SendsChannelUserAndMessage_WhenUserIsKnown()
    {
        _slack.AddUser(new SlackUserSeed("U0ALICE", "alice"));

        var result = await Client().PostEphemeralAsync("C0SALES", "U0ALICE", Message("only you"));

        Assert.True(result.Ok, result.Error);
        Assert.Equal("1700000000.000100", result.Value);
        var call = Assert.Single(_slack.Calls);
        AssertJsonCall(call, "chat.postEphemeral");
        Assert.Equal("C0SALES", call.Arg("channel"));
        Assert.Equal("U0ALICE", call.Arg("user"));
        Assert.Equal("only you", call.Arg("text"));
        Assert.Equal("mrkdwn", call.Body["blocks"]![0]!["text"]!["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task UpdateMessageAsync_SendsChannelTsAndNewContent_WhenUpdatingPostedMessage()
    {
        var client = Client();
        var posted = await client.PostMessageAsync("D0ALICE", Message("due today"));

        var result = await client.UpdateMessageAsync("D0ALICE", posted.Value!.Ts, Message("✅ Done"));

        Assert.True(result.Ok, result.Error);
        Assert.Equal(new SlackMessageRef("D0ALICE", posted.Value.Ts), result.Value);
        var call = Assert.Single(_slack.CallsTo("chat.update"));
        AssertJsonCall(call, "chat.update");
        Assert.Equal("D0ALICE", call.Arg("channel"));
        Assert.Equal(posted.Value.Ts, call.Arg("ts"));
        Assert.Equal("✅ Done", call.Arg("text"));
        Assert.Equal("*✅ Done*", call.Body["blocks"]![0]!["text"]!["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task OpenViewAsync_SendsTriggerIdAndView_WhenOpeningModal()
    {
        var view = new JsonObject
        {
            ["type"] = "modal", ["callback_id"] = "nudge_reschedule",
            ["title"] = new JsonObject { ["type"] = "plain_text", ["text"] = "Reschedule nudge" },
            ["private_metadata"] = "{\"nudge\":42}",
            ["blocks"] = new JsonArray(),
        };

        var result = await Client().OpenViewAsync("398738663015.47445629121.803a0bc8", view);

        Assert.True(result.Ok, result.Error);
        Assert.StartsWith("V", result.Value);
        Assert.Equal(result.Value, result.Response!["view"]!["id"]!.GetValue<string>());
        var call = Assert.Single(_slack.Calls);
        AssertJsonCall(call, "views.open");
        Assert.Equal("398738663015.47445629121.803a0bc8", call.Arg("trigger_id"));
        Assert.Equal("nudge_reschedule", call.Body["view"]!["callback_id"]!.GetValue<string>());
        Assert.Equal("{\"nudge\":42}", call.Body["view"]!["private_metadata"]!.GetValue<string>());
    }

    [Fact]
    public async Task PublishHomeAsync_SendsUserIdViewAndHash_WhenHashGiven()
    {
        _slack.AddUser(new SlackUserSeed("U0ALICE", "alice"));
        var home = new JsonObject { ["type"] = "home", ["blocks"] = new JsonArray() };

        var result = await Client().PublishHomeAsync("U0ALICE", home, hash: "1526245001.ab12");

        Assert.True(result.Ok, result.Error);
        Assert.StartsWith("V", result.Value);
        var call = Assert.Single(_slack.Calls);
        AssertJsonCall(call, "views.publish");
        Assert.Equal("U0ALICE", call.Arg("user_id"));
        Assert.Equal("home", call.Body["view"]!["type"]!.GetValue<string>());
        Assert.Equal("1526245001.ab12", call.Arg("hash"));
    }

    [Fact]
    public async Task PostMessageAsync_ReturnsWarning_WhenSlackAnswersWithWarnings()
    {
        _slack.Script("chat.postMessage", HttpStatusCode.OK, JsonNode.Parse("""
            {"ok":true,"channel":"C0SALES","ts":"1700000001.000100",
             "response_metadata":{"warnings":["missing_text_or_fallback_or_attachments"],"messages":["[WARN] A top-level text argument is recommended"]}}
            """));

        var result = await Client().PostMessageAsync("C0SALES", Message());

        Assert.True(result.Ok, result.Error);
        Assert.Equal("missing_text_or_fallback_or_attachments", result.Warning);
        Assert.Equal(new SlackMessageRef("C0SALES", "1700000001.000100"), result.Value);
    }
}
