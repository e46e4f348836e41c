using AccountCoachBot.Ai;
using AccountCoachBot.Conversation;
using AccountCoachBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace AccountCoachBot.Tests.Ai;

internal static class AiFlowKit
{
    /// <summary>Wed 2026-03-04 10:00 Berlin, as the promise flow tests.</summary>
    public static readonly DateTimeOffset Now = new(2026, 3, 4, 9, 0, 0, TimeSpan.Zero);

    /// <summary>What the follow-ups sent once all of them have finished (awaited, no sleeps).</summary>
    public static async Task<IReadOnlyList<Reply>> FollowUpsAsync(this CoachTestHost host, int before = 0)
    {
        await host.Services.GetRequiredService<AiFollowUps>().WhenIdleAsync();
        return host.Sender.Sent.Skip(before).Select(s => s.Reply).ToList();
    }
}
