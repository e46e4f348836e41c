using AccountCoachBot.Channels.Slack;
using AccountCoachBot.Conversation;
using AccountCoachBot.Data;
using AccountCoachBot.Features.People;
using AccountCoachBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AccountCoachBot.Tests.Channels.Slack;

/// <summary>Slack's places: channel ids as people type them, their shared addresses, and people as mentions.</summary>
public sealed class SlackDestinationsTests : IAsyncLifetime
{
    private static readonly DateTime Now = new(2026, 3, 4, 9, 0, 0, DateTimeKind.Utc);
    private readonly SlackDestinations _slack = new();
    private CoachTestHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await CoachTestHost.StartAsync(new DateTimeOffset(Now));
        await _host.SayAsync("hello", user: "T0FAKE:U0OLGA", channel: SlackReference.Transport);
        await _host.SayAsync("hello", user: "sam");
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private Task<int> PersonAsync(string externalId) =>
        _host.WithDbAsync(db => db.ChannelIdentities.Where(i => i.ExternalId == externalId).Select(i => i.PersonId).SingleAsync());

    [Theory]
    [InlineData("C0123ABCD")]
    [InlineData("#C0123ABCD")]
    [InlineData("<#C0123ABCD|sales>")]
    [InlineData("<#C0123ABCD>")]
    [InlineData("  C0123ABCD ")]
    public void ParsePlace_ReadsTheChannelId_WhenTypedOrPickedWithHash(string text)
    {
        var place = _slack.ParsePlace(text);

        Assert.Equal(new SharedPlace("slack", "C0123ABCD", "<#C0123ABCD>", "`/invite @AccountCoachBot`"), place);
    }

    [Theory]
    [InlineData("sales")]
    [InlineData("#sales")]
    [InlineData("D0123ABCD")] // a DM is nobody's shared place
    [InlineData("c0123abcd")]
    [InlineData("C0")]
    [InlineData("C0١٢٣")] // non-ASCII digits are not Slack's
    [InlineData("here")]
    public void ParsePlace_ReturnsNull_WhenTheTextIsNoSlackChannel(string text)
    {
        Assert.Null(_slack.ParsePlace(text));
    }

    [Fact]
    public void PlaceOf_NamesTheChannel_WhenTheAddressIsASlackChannel()
    {
        var address = new ConversationAddress { Transport = "slack", ReferenceJson = new SlackReference("T0FAKE", "C0ACME", "U0OLGA").ToJson() };

        Assert.Equal("<#C0ACME>", _slack.PlaceOf(address)?.Label);
        Assert.Null(_slack.PlaceOf(new ConversationAddress { Transport = "botframework", ReferenceJson = "{}" }));
    }

    [Fact]
    public async Task SharedAddressAsync_CreatesOneSharedAddressPerChannel_WhenThePersonIsKnownInSlack()
    {
        var olga = await PersonAsync("T0FAKE:U0OLGA");
        var place = _slack.ParsePlace("#C0ACME")!;

        async Task<int> SetAsync() => await _host.WithDbAsync(async db =>
        {
            var address = await _slack.SharedAddressAsync(db, olga, place, Now, CancellationToken.None);
            await db.SaveChangesAsync();
            return address!.Id;
        });
        var first = await SetAsync();
        var second = await SetAsync();

        Assert.Equal(first, second);
        var stored = await _host.WithDbAsync(db => db.Addresses.SingleAsync(a => a.Id == first));
        Assert.True(stored.IsShared);
        Assert.Equal(("slack", "slack|T0FAKE|C0ACME", olga), (stored.Transport, stored.Key, stored.PersonId));
        Assert.Equal(new SlackReference("T0FAKE", "C0ACME", "U0OLGA"), SlackReference.FromJson(stored.ReferenceJson));
        Assert.Equal(place, _slack.PlaceOf(stored));
    }

    [Fact]
    public async Task SharedAddressAsync_ReturnsNullAndWritesNothing_WhenThePersonHasNoSlackIdentity()
    {
        var sam = await PersonAsync("sam");

        var address = await _host.WithDbAsync(db => _slack.SharedAddressAsync(db, sam, _slack.ParsePlace("C0ACME")!, Now, CancellationToken.None));

        Assert.Null(address);
        Assert.False(await _host.WithDbAsync(db => db.Addresses.AnyAsync(a => a.Transport == "slack")));
    }

    [Fact]
    public async Task MentionAsync_NamesTheSlackIdentity_WhenThePersonHasOne()
    {
        var olga = await PersonAsync("T0FAKE:U0OLGA");
        var sam = await PersonAsync("sam");

        Assert.Equal(new Mention("slack", "T0FAKE:U0OLGA"), await _host.WithDbAsync(db => _slack.MentionAsync(db, olga, CancellationToken.None)));
        Assert.Null(await _host.WithDbAsync(db => _slack.MentionAsync(db, sam, CancellationToken.None)));
    }
}
