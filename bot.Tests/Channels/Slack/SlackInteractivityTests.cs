using System.Net;
using System.Text.Json.Nodes;
using AccountCoachBot.Channels.Slack;
using AccountCoachBot.Features.Promises;
using AccountCoachBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;


namespace AccountCoachBot.Tests.Channels.Slack;

/// <summary>
/// Buttons and modals in Slack: a reminder's Done and New date, and the meeting checklist as a modal.
/// </summary>
public sealed class SlackInteractivityTests : SlackBotTests
{
    [Fact]
    public async Task DoneButton_ClosesPromise_AndUpdatesTheMessageInPlace()
    {
        await DirectMessageAsync("promise Acme: call Olga back in 5 minutes", "Ev005");
        await SlackApi.WaitForCallsAsync("chat.postMessage", 2);
        Time.Advance(TimeSpan.FromMinutes(5));
        await Bot.RunDispatcherAsync();
        var reminder = (await SlackApi.WaitForCallsAsync("chat.postMessage", 3))[^1];
        Assert.Contains("Due now", BlocksText(reminder.Body));

        await InteractAsync(ClickPayload(Button(reminder, PromiseActions.Done), reminder));

        var update = (await SlackApi.WaitForCallsAsync("chat.update", 1))[0];
        Assert.Equal(reminder.Response!["ts"]!.GetValue<string>(), update.Arg("ts"));
        Assert.StartsWith("Done — on time", update.Arg("text"));
        Assert.Equal(PromiseStatus.Done, await Bot.WithDbAsync(db => db.Promises.Select(p => p.Status).SingleAsync()));
    }

    [Fact]
    public async Task NewDateButton_OpensModal_AndItsSubmissionMovesThePromise()
    {
        await DirectMessageAsync("promise Acme: call Olga back in 5 minutes", "Ev006");
        await SlackApi.WaitForCallsAsync("chat.postMessage", 2);
        Time.Advance(TimeSpan.FromMinutes(5));
        await Bot.RunDispatcherAsync();
        var reminder = (await SlackApi.WaitForCallsAsync("chat.postMessage", 3))[^1];

        var click = ClickPayload(Button(reminder, PromiseActions.Move), reminder);
        Assert.Equal(HttpStatusCode.OK, (await InteractAsync(click)).StatusCode);

        var open = Assert.Single(SlackApi.CallsTo("views.open")); // opened inside the request: the trigger lives 3 s
        var view = open.Body["view"]!.AsObject();
        Assert.Equal(click["trigger_id"]!.GetValue<string>(), open.Arg("trigger_id"));
        Assert.Contains("datepicker", view.ToJsonString());

        var state = new JsonObject();
        foreach (var block in view["blocks"]!.AsArray().Where(b => b!["type"]!.GetValue<string>() == "input"))
        {
            var blockId = block!["block_id"]!.GetValue<string>();
            var element = block["element"]!;
            var actionId = element["action_id"]!.GetValue<string>();
            state[blockId] = new JsonObject
            {
                [actionId] = element["type"]!.GetValue<string>() == "datepicker"
                    ? new JsonObject { ["type"] = "datepicker", ["selected_date"] = "2026-03-10" }
                    : new JsonObject { ["type"] = "plain_text_input", ["value"] = "legal is still reviewing" },
            };
        }
        var submitted = view.DeepClone().AsObject();
        submitted["id"] = "V123";
        submitted["hash"] = "h1";
        submitted["state"] = new JsonObject { ["values"] = state };
        var submission = new JsonObject
        {
            ["type"] = "view_submission",
            ["user"] = new JsonObject { ["id"] = User, ["team_id"] = FakeSlackApi.TeamId },
            ["team"] = new JsonObject { ["id"] = FakeSlackApi.TeamId },
            ["view"] = submitted,
        };
        Assert.Equal(HttpStatusCode.OK, (await InteractAsync(submission)).StatusCode);

        var update = (await SlackApi.WaitForCallsAsync("chat.update", 1))[0];
        Assert.StartsWith("Moved to Tue 10 Mar", update.Arg("text"));
        var promise = await Bot.WithDbAsync(db => db.Promises.Include(p => p.History).SingleAsync());
        Assert.Equal(new DateTime(2026, 3, 10, 17, 0, 0, DateTimeKind.Utc), promise.DueUtc);
        Assert.Equal("legal is still reviewing", promise.History.Single(h => h.Kind == PromiseEventKind.Moved).Reason);
    }


    [Fact]
    public async Task MeetingChecklist_OpensAsModal_AndItsSubmissionStoresTheBrief()
    {
        await DirectMessageAsync("meeting Acme 2026-03-10 15:00 important", "Ev010");
        await SlackApi.WaitForCallsAsync("chat.postMessage", 2);
        await DirectMessageAsync("prep Acme", "Ev011");
        var form = (await SlackApi.WaitForCallsAsync("chat.postMessage", 3))[^1];

        var click = ClickPayload(Button(form, "meeting.save"), form);
        await InteractAsync(click);

        var view = Assert.Single(SlackApi.CallsTo("views.open")).Body["view"]!.AsObject();
        var inputs = view["blocks"]!.AsArray().Where(b => b!["type"]!.GetValue<string>() == "input").ToList();
        Assert.True(inputs.Count >= 9, $"expected the whole checklist in the modal, got {inputs.Count} inputs");
        Assert.Contains(inputs, b => b!["label"]!["text"]!.GetValue<string>().StartsWith("Who comes with you"));

        var state = new JsonObject();
        foreach (var block in inputs)
        {
            var actionId = block!["element"]!["action_id"]!.GetValue<string>();
            state[block["block_id"]!.GetValue<string>()] = new JsonObject
            {
                [actionId] = new JsonObject { ["type"] = "plain_text_input", ["value"] = actionId.Contains("attend") ? "no one" : "answered " + actionId },
            };
        }
        var submitted = view.DeepClone().AsObject();
        submitted["id"] = "V-form";
        submitted["hash"] = "h2";
        submitted["state"] = new JsonObject { ["values"] = state };
        await InteractAsync(new JsonObject
        {
            ["type"] = "view_submission",
            ["user"] = new JsonObject { ["id"] = User, ["team_id"] = FakeSlackApi.TeamId },
            ["team"] = new JsonObject { ["id"] = FakeSlackApi.TeamId },
            ["view"] = submitted,
        });

        await SlackApi.WaitForCallsAsync("chat.update", 1);
        await WaitForInboxAsync(3);
        var answers = await Bot.WithDbAsync(db => db.Set<AccountCoachBot.Features.MeetingPrep.MeetingAnswer>().CountAsync());
        Assert.Equal(inputs.Count, answers);
        Assert.NotNull(await Bot.WithDbAsync(db => db.Set<AccountCoachBot.Features.MeetingPrep.Meeting>().Select(m => m.PreparedUtc).SingleAsync()));
    }
}
