using AccountCoachBot.Channels.Slack;
using AccountCoachBot.Tests.Infrastructure;

namespace AccountCoachBot.Tests.Channels.Slack;

/// <summary>
/// Finding people and their DMs: users.info (time zone, locale, email, bots, unknown users), users.lookupByEmail
/// and conversations.open.
/// </summary>
public sealed class SlackApiClientPeopleTests : SlackApiClientTestBase
{
    [Fact]
    public async Task UsersInfoAsync_ReturnsTimeZoneLocaleAndEmail_WhenUserIsSeeded()
    {
        _slack.AddUser(new SlackUserSeed("U0OLGA", "olga", Tz: "Europe/Moscow", Email: "olga@example.com", Locale: "ru-RU",
            RealName: "Olga Petrova", TzOffset: 10800));

        var result = await Client().UsersInfoAsync("U0OLGA");

        Assert.True(result.Ok, result.Error);
        Assert.Equal(new SlackUser("U0OLGA", "olga", "Olga Petrova", "Europe/Moscow", 10800, "ru-RU", "olga@example.com", IsBot: false, IsDeleted: false, TeamId: FakeSlackApi.TeamId),
            result.Value);
        var call = Assert.Single(_slack.Calls);
        AssertFormCall(call, "users.info");
        Assert.Equal("U0OLGA", call.Arg("user"));
        Assert.Equal("true", call.Arg("include_locale"));
    }

    [Fact]
    public async Task UsersInfoAsync_ReturnsBotFlagWithoutOptionalFields_WhenUserIsTheBot()
    {
        var result = await Client().UsersInfoAsync(FakeSlackApi.BotUserId);

        Assert.True(result.Ok, result.Error);
        Assert.True(result.Value!.IsBot);
        Assert.Null(result.Value.TimeZone);
        Assert.Null(result.Value.TimeZoneOffsetSeconds);
        Assert.Null(result.Value.Locale);
        Assert.Null(result.Value.Email);
    }

    [Fact]
    public async Task UsersInfoAsync_ReportsUserNotFound_WhenUserIsUnknown()
    {
        var result = await Client().UsersInfoAsync("U0NOBODY");

        Assert.False(result.Ok);
        Assert.Equal("user_not_found", result.Error);
        Assert.Null(result.Value);
        Assert.True(result.IsChannelGone);
        Assert.False(result.IsTransient);
    }

    [Fact]
    public async Task LookupByEmailAsync_ReturnsUser_WhenEmailMatches()
    {
        _slack.AddUser(new SlackUserSeed("U0OLGA", "olga", Tz: "Europe/Moscow", Email: "Olga@Example.com"));

        var result = await Client().LookupByEmailAsync("olga@example.com");

        Assert.True(result.Ok, result.Error);
        Assert.Equal("U0OLGA", result.Value!.Id);
        Assert.Equal("Europe/Moscow", result.Value.TimeZone);
        Assert.Equal("Olga@Example.com", result.Value.Email);
        var call = Assert.Single(_slack.Calls);
        AssertFormCall(call, "users.lookupByEmail");
        Assert.Equal("olga@example.com", call.Arg("email"));
    }

    [Fact]
    public async Task LookupByEmailAsync_ReturnsNoUser_WhenNoUserHasTheEmail()
    {
        var result = await Client().LookupByEmailAsync("nobody@example.com");

        Assert.False(result.Ok);
        Assert.Equal("users_not_found", result.Error);
        Assert.Null(result.Value);
        Assert.False(result.IsTransient);
    }

    [Fact]
    public async Task OpenConversationAsync_ReturnsDmChannelId_WhenUserExists()
    {
        _slack.AddUser(new SlackUserSeed("U0ALICE", "alice"));

        var result = await Client().OpenConversationAsync("U0ALICE");

        Assert.True(result.Ok, result.Error);
        Assert.StartsWith("D", result.Value);
        Assert.Equal(_slack.DmChannelOf("U0ALICE"), result.Value);
        var call = Assert.Single(_slack.Calls);
        AssertJsonCall(call, "conversations.open");
        Assert.Equal("U0ALICE", call.Arg("users"));
    }
}
