using System.Text;
using AccountCoachBot.Channels.Slack;

namespace AccountCoachBot.Bench.Ack;

/// <summary>
/// Signed `/coach help` slash commands for wrk, one a line (timestamp TAB signature TAB body), each with its own
/// trigger_id: the bot records each as new work rather than dropping a repeat. Signed now, so use them within 5 minutes.
/// One file a wrk thread (<c>file.0</c>, <c>file.1</c>, …), taking every n-th request: each thread reads only its own.
/// From one person (<c>U0BENCH</c>), or in turn from <paramref name="people"/> (<c>U0BENCH0</c>, <c>U0BENCH1</c>, …).
/// </summary>
public static class SlackRequests
{
    public static async Task WriteAsync(string file, int count, int threads, string secret, string responseBase, int people = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(people, 1);
        var ts = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString();
        var writers = Enumerable.Range(0, threads).Select(t => new StreamWriter($"{file}.{t}", false, new UTF8Encoding(false))).ToArray();
        try
        {
            for (var i = 0; i < count; i++)
            {
                var trigger = $"{i}.bench.{Guid.NewGuid():N}";
                var user = people == 1 ? "U0BENCH" : $"U0BENCH{i % people}";
                var body = $"token=legacy&team_id=T0BENCH&team_domain=bench&channel_id=D0BENCH&channel_name=directmessage&user_id={user}&user_name=olga"
                    + $"&command=%2Fcoach&text=help&api_app_id=A0BENCH&trigger_id={trigger}&response_url={Uri.EscapeDataString(responseBase + "response/" + i)}";
                var signature = SlackSignatureVerifier.Sign(secret, ts, Encoding.UTF8.GetBytes(body));
                await writers[i % threads].WriteAsync($"{ts}\t{signature}\t{body}\n");
            }
        }
        finally
        {
            foreach (var writer in writers) await writer.DisposeAsync();
        }
    }
}
