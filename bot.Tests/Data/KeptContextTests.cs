using AccountCoachBot.Data;
using AccountCoachBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AccountCoachBot.Tests.Data;

/// <summary>The context a background worker keeps between its steps, and drops after a failure.</summary>
public sealed class KeptContextTests : IAsyncLifetime
{
    private CoachTestHost _host = null!;

    public async Task InitializeAsync() => _host = await CoachTestHost.StartAsync(new DateTimeOffset(2026, 3, 4, 9, 0, 0, TimeSpan.Zero));

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Get_GivesTheSameContext_UntilItIsDropped()
    {
        await using var kept = new KeptContext(_host.Services.GetRequiredService<IServiceScopeFactory>());
        var first = kept.Get();
        Assert.Same(first, kept.Get());
        Assert.Equal(0, await first.Inbox.CountAsync());

        await kept.DropAsync();

        Assert.Throws<ObjectDisposedException>(() => first.Inbox.Count());
        var second = kept.Get();
        Assert.NotSame(first, second);
        Assert.Equal(0, await second.Inbox.CountAsync());
    }
}
