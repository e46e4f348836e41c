using System.Net;
using AccountCoachBot.Features.Calendar;

namespace AccountCoachBot.Tests.Features.Calendar;

/// <summary>A feed address someone pastes must not make the bot reach into the network it runs in.</summary>
public sealed class FeedNetworkTests
{
    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("10.1.2.3", true)]
    [InlineData("172.20.0.5", true)]
    [InlineData("192.168.1.10", true)]
    [InlineData("169.254.169.254", true)] // cloud metadata
    [InlineData("100.64.0.1", true)]
    [InlineData("::1", true)]
    [InlineData("fd00::1", true)]
    [InlineData("fe80::1", true)]
    [InlineData("::ffff:10.0.0.1", true)]
    [InlineData("142.250.74.46", false)]
    [InlineData("172.32.0.1", false)]
    [InlineData("2a00:1450:4001:82b::200e", false)]
    public void IsPrivate_RefusesLoopbackPrivateAndLinkLocalAddresses(string address, bool isPrivate) =>
        Assert.Equal(isPrivate, FeedNetwork.IsPrivate(IPAddress.Parse(address)));
}
