using AccountCoachBot.Features.ProactiveCalls;
using AccountCoachBot.Scheduling;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AccountCoachBot.Tests.Features.ProactiveCalls;

/// <summary>
/// A call nudge in the account's channel from post to done: the owner mentioned once, buttons only the owner can press,
/// snoozing, a channel that refuses (the owner's DM instead, told the fix once), and restarts that must not double it.
/// </summary>
public sealed class ProactiveCallsSlackNudgeTests : ProactiveCallsSlackTestBase
{
    [Fact]
    public async Task ChannelNudge_MentionsTheOwnerOnce_ShowsOnlyCounts_AndCalledClosesIt()
    {
        await AcmeInItsChannelAsync();

        At(3, 18, 7, 59);
        await _bot.RunDispatcherAsync();
        Assert.Empty(CallNudgesIn(AcmeChannel));
        At(3, 18, 8);
        await _bot.RunDispatcherAsync();
        At(3, 18, 8, 1);
        await _bot.RunDispatcherAsync();

        var nudge = Assert.Single(CallNudgesIn(AcmeChannel));
        var json = AllText(nudge);
        Assert.StartsWith($"<@{Olga}> Acme hasn't heard from you for 14 days (key account, every 14).", nudge.Arg("text"));
        Assert.Contains($"<@{Olga}> Call before they call you", json);
        Assert.Contains("Open with Acme: 1 promise due Fri.", json);
        Assert.DoesNotContain("secret pricing", json); // a channel sees counts, never the promise itself
        Assert.Equal(["Called", "Snooze 3 days", "Snooze 1 day", "Snooze 7 days", "Skip…", "Why?"], Buttons(nudge).Select(b => b["text"]!["text"]!.GetValue<string>()));

        await ClickAsync(nudge, "Called");

        var update = Assert.Single(_slack.CallsTo("chat.update"));
        Assert.Equal((AcmeChannel, nudge.Response!["ts"]!.GetValue<string>()), (update.Arg("channel"), update.Arg("ts")));
        Assert.StartsWith("Logged: call with Acme, 14 days after the last contact. Next one due by Wed 1 Apr.", update.Arg("text"));
        Assert.Equal(new DateTime(2026, 3, 18, 8, 1, 0, DateTimeKind.Utc), (await AcmeAsync()).LastContactUtc);
        foreach (var day in new[] { 19, 20, 23, 31 })
        {
            At(3, day, 9);
            await _bot.RunDispatcherAsync();
        }
        Assert.Single(CallNudgesIn(AcmeChannel));
        At(4, 1, 7);
        await _bot.RunDispatcherAsync();
        Assert.Equal(2, CallNudgesIn(AcmeChannel).Count);
        // The promise's own reminders and the overdue list went to Olga's DM, never to the channel.
        Assert.All(PostsTo(AcmeChannel), c => Assert.Contains(CallActions.CallFirst, c.Body.ToJsonString()));
        Assert.Contains(PostsTo(_slack.DmChannelOf(Olga)), c => AllText(c).Contains("secret pricing"));
    }

    [Fact]
    public async Task ChannelClick_ByAnotherPerson_IsRefusedEphemerally_AndChangesNothing()
    {
        await AcmeInItsChannelAsync();
        At(3, 18, 8);
        await _bot.RunDispatcherAsync();
        var nudge = Assert.Single(CallNudgesIn(AcmeChannel));
        var before = await AcmeAsync();

        await ClickAsync(nudge, "Called", user: Boris);
        await ClickAsync(nudge, "Snooze 7 days", user: Boris);

        var refusals = _slack.CallsTo("chat.postEphemeral").Where(c => c.Arg("text")!.Contains("only they can")).ToList();
        Assert.Equal(2, refusals.Count);
        Assert.All(refusals, r => Assert.Equal((AcmeChannel, Boris), (r.Arg("channel"), r.Arg("user"))));
        Assert.StartsWith("This nudge is for Olga Petrova: only they can log, snooze or skip it.", refusals[0].Arg("text"));
        Assert.Empty(_slack.CallsTo("chat.update"));
        Assert.DoesNotContain(_slack.CallsTo("chat.postMessage"), c => c.Arg("channel") == AcmeChannel && !c.Body.ToJsonString().Contains(CallActions.CallFirst));
        var after = await AcmeAsync();
        Assert.Equal((before.LastContactUtc, before.Cycle, before.AnnouncedByKey), (after.LastContactUtc, after.Cycle, after.AnnouncedByKey));
        Assert.Equal(1, await _bot.WithDbAsync(db => db.Set<Touch>().CountAsync()));
    }

    [Fact]
    public async Task Snooze_BringsTheChannelNudgeBack_OnTheRightWorkingDay()
    {
        await AcmeInItsChannelAsync();
        At(3, 20, 8); // Fri
        await _bot.RunDispatcherAsync();
        var nudge = Assert.Single(CallNudgesIn(AcmeChannel));

        await ClickAsync(nudge, "Snooze 3 days");

        Assert.Equal("Snoozed: Acme comes back Mon 23 Mar.", Assert.Single(_slack.CallsTo("chat.update")).Arg("text"));
        At(3, 23, 7, 59);
        await _bot.RunDispatcherAsync();
        Assert.Single(CallNudgesIn(AcmeChannel));
        At(3, 23, 8);
        await _bot.RunDispatcherAsync();
        var back = CallNudgesIn(AcmeChannel);
        Assert.Equal(2, back.Count);
        Assert.StartsWith($"<@{Olga}> Acme hasn't heard from you for 19 days", back[1].Arg("text"));
    }

    [Fact]
    public async Task ChannelThatRefuses_SendsTheNudgeToTheOwnersDmOnceWithTheFix_NotInALoop()
    {
        await AcmeInItsChannelAsync(promiseDue: "10 Apr"); // no promise reminder shares the scripted refusal
        var dm = _slack.DmChannelOf(Olga);
        var dmPostsBefore = PostsTo(dm).Count;
        At(3, 18, 8);
        _slack.ScriptError("chat.postMessage", "not_in_channel");

        await _bot.RunDispatcherAsync();
        At(3, 18, 8, 1);
        await _bot.RunDispatcherAsync();
        for (var minute = 2; minute < 6; minute++)
        {
            At(3, 18, 8, minute);
            await _bot.RunDispatcherAsync();
        }

        var toChannel = _slack.CallsTo("chat.postMessage").Where(c => c.Arg("channel") == AcmeChannel).ToList();
        Assert.Single(toChannel); // the refused one; no retries
        var fallback = Assert.Single(PostsTo(dm).Skip(dmPostsBefore));
        var json = AllText(fallback);
        Assert.Contains($"I couldn't post in <#{AcmeChannel}>. Invite me there with `/invite @AccountCoachBot`; until then I'll nudge you here.", json);
        Assert.Contains("Acme hasn't heard from you for 14 days", json);
        Assert.Contains("secret pricing", json); // the owner's own chat gets the details
        Assert.DoesNotContain($"<@{Olga}>", json);

        // The next cycle tries the channel again; refused again, the owner is not told the fix a second time.
        await ClickAsync(fallback, "Snooze 1 day");
        At(3, 19, 8);
        _slack.ScriptError("chat.postMessage", "not_in_channel");
        await _bot.RunDispatcherAsync();
        At(3, 19, 8, 1);
        await _bot.RunDispatcherAsync();

        Assert.Equal(2, _slack.CallsTo("chat.postMessage").Count(c => c.Arg("channel") == AcmeChannel));
        var second = PostsTo(dm).Skip(dmPostsBefore).ToList();
        Assert.Equal(2, second.Count);
        Assert.DoesNotContain("/invite", AllText(second[1]));
        Assert.Contains("Acme hasn't heard from you for 15 days", AllText(second[1]));

        // Invited at last: the cycle after goes to the channel again.
        await ClickAsync(second[1], "Snooze 1 day");
        At(3, 20, 8);
        await _bot.RunDispatcherAsync();
        Assert.Single(CallNudgesIn(AcmeChannel));
    }

    [Fact]
    public async Task Restart_DoesNotDoubleTheNudge_WhenItWasThrottledBeforeTheRestart()
    {
        await AcmeInItsChannelAsync();
        At(3, 18, 8);
        _slack.ScriptRateLimited("chat.postMessage", 30);
        await _bot.RunDispatcherAsync();
        Assert.Empty(CallNudgesIn(AcmeChannel));

        await _bot.DisposeAsync();
        _bot = await StartBotAsync();
        await _bot.RunDispatcherAsync();
        At(3, 18, 8, 1);
        await _bot.RunDispatcherAsync();
        await _bot.RunDispatcherAsync();

        await _bot.DisposeAsync();
        _bot = await StartBotAsync();
        At(3, 18, 9);
        await _bot.RunDispatcherAsync();
        var second = ActivatorUtilities.CreateInstance<NudgeDispatcher>(_bot.Services);
        await Task.WhenAll(_bot.RunDispatcherAsync(), second.RunAsync());

        Assert.Single(CallNudgesIn(AcmeChannel));
        Assert.Equal(1, await _bot.WithDbAsync(db => db.Outbox.CountAsync(o => o.Kind.StartsWith(CallNudgeKinds.Prefix))));
    }
}
