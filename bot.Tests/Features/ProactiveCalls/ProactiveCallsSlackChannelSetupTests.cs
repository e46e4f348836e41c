using AccountCoachBot.Cli;
using AccountCoachBot.Features.ProactiveCalls;
using AccountCoachBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AccountCoachBot.Tests.Features.ProactiveCalls;

/// <summary>
/// How an account gets its Slack channel and where its nudges then go: `account … channel`, refused (in English and Russian)
/// where the bot cannot post, and accounts imported from CSV, nudged in their channels in each owner's working hours
/// while the owner's private nudges stay in their DM.
/// </summary>
public sealed class ProactiveCallsSlackChannelSetupTests : ProactiveCallsSlackTestBase
{
    [Theory]
    [InlineData(Outside, "I'm not in <#C0OUTSIDE> yet, so I couldn't post call nudges there. Invite me (`/invite @AccountCoachBot` in the channel) and try again. Nothing changed.")]
    [InlineData("C0GHOST", "I can't see <#C0GHOST>: check the channel, and if it's private, invite me first (`/invite @AccountCoachBot` in the channel). Nothing changed.")]
    public async Task AccountChannel_IsRefusedAndChangesNothing_WhenTheBotCannotPostThere(string channel, string answer)
    {
        await SayAsync("account add Acme key");
        await SayAsync($"account Acme channel {channel}");

        Assert.Equal(answer, LastReplyTo(Olga));
        Assert.Null((await AcmeAsync()).ChannelAddressId);
        Assert.Contains(_slack.CallsTo("conversations.info"), c => c.Arg("channel") == channel);
        Assert.Equal(0, await _bot.WithDbAsync(db => db.Addresses.CountAsync(a => a.Key.Contains(channel))));
    }

    [Theory]
    [InlineData(Outside, "Меня пока нет в <#C0OUTSIDE>, поэтому писать туда напоминания о звонках я не смогу. Пригласите меня (`/invite @AccountCoachBot` в канале) и повторите команду. Ничего не изменилось.")]
    [InlineData("C0GHOST", "Я не вижу <#C0GHOST>: проверьте канал, а если он закрытый, сначала пригласите меня (`/invite @AccountCoachBot` в канале). Ничего не изменилось.")]
    public async Task AccountChannel_IsRefusedInRussian_WhenTheBotCannotPostThere(string channel, string answer)
    {
        await SayAsync("язык ru", Boris);
        await SayAsync("account add Acme key", Boris);
        await SayAsync($"account Acme channel {channel}", Boris);

        Assert.Equal(answer, LastReplyTo(Boris));
        Assert.Null((await AcmeAsync()).ChannelAddressId);
    }

    [Fact]
    public async Task AccountChannel_IsTakenWithoutAnInvitation_WhenTheBotIsInTheChannel()
    {
        await SayAsync("account add Acme key");
        await SayAsync($"account Acme channel {AcmeChannel}");

        Assert.Equal($"Call nudges for Acme will go to <#{AcmeChannel}>, mentioning you.", LastReplyTo(Olga));
        Assert.NotNull((await AcmeAsync()).ChannelAddressId);
    }

    /// <summary>`accounts import file.csv` on the same executable, configuration and database as the running bot.</summary>
    private async Task<string> ImportAsync(string csv)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await AccountsCommand.RunAsync(["import", csv, $"--ConnectionStrings:Coach=Data Source={_db.Path}",
            $"--Slack:BotToken={Token}", $"--Slack:SigningSecret={Secret}", $"--Slack:ApiBaseUrl={_slack.BaseUrl}"], output, error, _time);
        Assert.True(exit == 0, error.ToString());
        return output.ToString().Trim();
    }

    [Fact]
    public async Task PrivateNudges_StayInTheOwnersDm_WhenTheAccountsChannelIsTheNewerAddress()
    {
        await SayAsync("promise Acme: send the secret pricing sheet by 20 Mar");
        At(3, 10, 9); // the import, days after Olga last wrote to the bot, makes #acme her newest address
        var csv = Path.Combine(_db.Directory, "acme.csv");
        await File.WriteAllTextAsync(csv, $"name,owner_email,tier,cadence_days,last_contact,slack_channel\nAcme,olga@example.com,key,,2026-03-09,{AcmeChannel}\n");
        Assert.Equal("Imported 1 accounts: 0 new, 1 updated.", await ImportAsync(csv));

        At(3, 23, 9); // the promise is overdue and Acme is due a call
        await _bot.RunDispatcherAsync();

        Assert.Single(CallNudgesIn(AcmeChannel));
        Assert.All(PostsTo(AcmeChannel), c => Assert.DoesNotContain("secret pricing", AllText(c)));
        Assert.Contains(PostsTo(_slack.DmChannelOf(Olga)), c => AllText(c).Contains("Overdue promises (1)"));
    }

    [Fact]
    public async Task ImportedAccounts_AreNudgedExactlyWhenOverdue_InTheirChannels_DuringEachOwnersWorkingHours()
    {
        const string Sam = "U0SAM", Kenji = "U0KENJI";
        _slack.AddUser(new SlackUserSeed(Sam, "sam", Tz: "America/New_York", RealName: "Sam Lee")); // no email in his profile yet
        _slack.AddUser(new SlackUserSeed(Kenji, "kenji", Tz: "Asia/Tokyo", Email: "kenji@example.com", RealName: "Kenji Sato"));
        await SayAsync("hello");
        await SayAsync("hello", Sam);
        await SayAsync("hello", Kenji);
        _slack.AddUser(new SlackUserSeed(Sam, "sam", Tz: "America/New_York", Email: "sam@example.com", RealName: "Sam Lee")); // found by users.lookupByEmail
        Assert.Null(await _bot.WithDbAsync(db => db.People.Where(p => p.DisplayName == "Sam Lee").Select(p => p.Email).SingleAsync()));

        At(3, 18, 6); // Wed: 07:00 Berlin, 02:00 New York, 15:00 Tokyo
        var csv = Path.Combine(_db.Directory, "accounts.csv");
        await File.WriteAllTextAsync(csv, """
            name,owner_email,tier,cadence_days,last_contact,slack_channel
            Orion,olga@example.com,key,,2026-03-01,C0O1
            Polaris,olga@example.com,key,,2026-03-10,C0O2
            Quasar,olga@example.com,standard,,2026-02-01,C0O3
            Rigel,olga@example.com,,,2026-03-01,#C0O4
            Sirius,olga@example.com,,7,2026-03-09,C0O5
            Tau,olga@example.com,,20,2026-02-27,C0O6
            Vega,olga@example.com,key,,,C0O7
            Atlas,sam@example.com,key,,2026-03-02,C0S1
            Boreal,sam@example.com,key,,2026-03-05,C0S2
            Cirrus,sam@example.com,,,2026-01-15,
            "Delta, Inc",sam@example.com,,,2026-02-20,C0S4
            Ember,sam@example.com,standard,10,2026-03-08,C0S5
            Fjord,sam@example.com,,60,2026-02-01,C0S6
            Glacier,sam@example.com,,,,C0S7
            Hikari,kenji@example.com,key,,2026-03-01,C0K1
            Izumi,kenji@example.com,,,2026-02-10,C0K2
            Jin,kenji@example.com,key,,2026-03-12,C0K3
            Kaze,kenji@example.com,,5,2026-03-16,C0K4
            Mori,kenji@example.com,,,2026-02-20,
            Nami,kenji@example.com,,3,2026-03-14,C0K6
            """);
        Assert.Equal("Imported 20 accounts: 20 new, 0 updated.", await ImportAsync(csv));
        Assert.NotEmpty(_slack.CallsTo("users.lookupByEmail"));

        IEnumerable<string> Nudged() => _slack.CallsTo("chat.postMessage")
            .Where(c => c.Body.ToJsonString().Contains(CallActions.CallFirst)).Select(c => c.Arg("channel")!).Order();

        await _bot.RunDispatcherAsync(); // only Tokyo is at work
        Assert.Equal(["C0K1", "C0K2", "C0K6"], Nudged());
        Assert.All(_slack.CallsTo("chat.postMessage").Where(c => c.Arg("channel")!.StartsWith("C0K")), c => Assert.StartsWith($"<@{Kenji}> ", c.Arg("text")));

        At(3, 18, 8); // 09:00 Berlin
        await _bot.RunDispatcherAsync();
        Assert.Equal(["C0K1", "C0K2", "C0K6", "C0O1", "C0O3", "C0O5"], Nudged());

        At(3, 18, 12, 59);
        await _bot.RunDispatcherAsync();
        At(3, 18, 13); // 09:00 New York
        await _bot.RunDispatcherAsync();
        At(3, 18, 16);
        await _bot.RunDispatcherAsync();
        Assert.Equal(["C0K1", "C0K2", "C0K6", "C0O1", "C0O3", "C0O5", "C0S1", "C0S5", _slack.DmChannelOf(Sam)], Nudged().OrderBy(c => c.StartsWith('D')).ThenBy(c => c));
        Assert.Contains("Cirrus hasn't heard from you", AllText(_slack.CallsTo("chat.postMessage").Single(c => c.Arg("channel") == _slack.DmChannelOf(Sam) && c.Body.ToJsonString().Contains(CallActions.CallFirst))));
    }
}
