using AccountCoachBot.Conversation;
using AccountCoachBot.Data;
using AccountCoachBot.Scheduling;
using Microsoft.EntityFrameworkCore;

namespace AccountCoachBot.Channels.Terminal;

/// <summary>
/// `chat`: talk to the bot from a terminal through the same turn pipeline. Cards print as text with numbered
/// actions (type the number to press one); reminders print as they come. Reads stdin, writes stdout.
/// </summary>
public static class TerminalChat
{
    public const string Transport = "terminal";

    public static async Task<int> RunAsync(string[] args, TextReader input, TextWriter output, CancellationToken ct = default)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = SettingsFiles.ReadOnceWith(args), ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.AddCoachServices();
        builder.Services.AddNudgeDispatcher(builder.Configuration);
        var console = new TerminalConsole(output);
        builder.Services.AddSingleton(console);
        builder.Services.AddSingleton<INudgeSender, TerminalNudgeSender>();
        using var host = builder.Build();
        await host.Services.MigrateCoachDatabaseAsync(ct);

        var user = Environment.UserName is { Length: > 0 } name ? name : "me";
        var address = new InboundAddress(Transport, $"{Transport}|{user}", "{}");
        var zone = Environment.GetEnvironmentVariable("TZ");
        var locale = Environment.GetEnvironmentVariable("LANG")?.Split('.')[0].Replace('_', '-');
        // The login name only names a newcomer: someone already named (the lead `seed-demo` made) keeps their name.
        var senderName = await IsNamedAsync(host.Services, user, ct) ? null : user;

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var reminders = PollRemindersAsync(host.Services, TimeSpan.FromSeconds(2), stop.Token);

        console.Write("AccountCoachBot — type `help`, or `exit` to leave.");
        while (await input.ReadLineAsync(ct) is { } line)
        {
            line = line.Trim();
            if (line.Length == 0) continue;
            if (line is "exit" or "quit" or "выход") break;

            var action = int.TryParse(line, out var number) ? console.ActionAt(number) : null;
            var message = new InboundMessage(Transport, Guid.NewGuid().ToString("N"), new Sender(user, senderName), address,
                action is null ? line : null, action is null ? null : new SubmittedAction(action.Id, action.Payload), locale, zone);

            await using var scope = host.Services.CreateAsyncScope();
            var replies = await scope.ServiceProvider.GetRequiredService<TurnPipeline>().HandleAsync(message, ct);
            foreach (var reply in replies) console.Write(reply);
        }

        await stop.CancelAsync();
        try { await reminders; } catch (OperationCanceledException) { }
        return 0;
    }

    private static async Task<bool> IsNamedAsync(IServiceProvider services, string user, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoachDbContext>();
        var named = await db.ChannelIdentities.Where(i => i.Channel == Transport && i.ExternalId == user)
            .Select(i => i.Person!.DisplayName).FirstOrDefaultAsync(ct);
        return !string.IsNullOrWhiteSpace(named);
    }

    private static async Task PollRemindersAsync(IServiceProvider services, TimeSpan every, CancellationToken ct)
    {
        var dispatcher = services.GetRequiredService<NudgeDispatcher>();
        using var timer = new PeriodicTimer(every, services.GetRequiredService<TimeProvider>());
        while (await timer.WaitForNextTickAsync(ct))
        {
            try
            {
                await dispatcher.RunAsync(ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                services.GetRequiredService<TerminalConsole>().Write($"(reminders: {e.Message})");
            }
        }
    }
}
