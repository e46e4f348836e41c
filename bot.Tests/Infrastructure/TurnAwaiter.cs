using AccountCoachBot.Channels.Inbox;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace AccountCoachBot.Tests.Infrastructure;

/// <summary>
/// Holds a response until the turn its request recorded in the inbox was attempted: the processor says so (no
/// polling, no sleeping). The response is not started before then (an ack has no body), so the caller sees the 200
/// after the replies, as when turns ran on the request. A hang lets the response go after <see cref="HangGuard.Limit"/>;
/// the test then fails on what is missing.
/// </summary>
internal sealed class TurnAwaiter : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, call) =>
        {
            await call();
            if (context.Items[InboxWriter.RecordedIdItem] is not long id) return;
            using var guard = new CancellationTokenSource(HangGuard.Limit);
            try
            {
                await context.RequestServices.GetRequiredService<InboxProcessor>().WhenAttemptedAsync(id, guard.Token);
            }
            catch (OperationCanceledException)
            {
            }
        });
        next(app);
    };
}
