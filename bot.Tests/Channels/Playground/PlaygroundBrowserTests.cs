using System.Text.Json.Nodes;
using AccountCoachBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace AccountCoachBot.Tests.Channels.Playground;

/// <summary>
/// The playground page in a real browser: Debian's chromium driven by playwright-core (<c>Peers/webchat-browser.js</c>),
/// Microsoft's Web Chat rendering what the bot says over its in-process Direct Line. Leaves a screenshot in
/// <c>artifacts/playground.png</c> beside the test assembly.
/// </summary>
public sealed class PlaygroundBrowserTests : IAsyncLifetime
{
    // Wed 2026-03-04 09:00 UTC: inside working hours.
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 4, 9, 0, 0, TimeSpan.Zero));
    private readonly TestDatabase _db = new();
    private BotHost _bot = null!;

    public async Task InitializeAsync() => _bot = await BotHost.StartAsync(_db.Path, _time);

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        _db.Dispose();
    }

    [ChromiumFact]
    public async Task WebChat_ShowsRepliesCardsAndReminders_WhenSomeoneUsesThePage()
    {
        Assert.True(File.Exists(ChromiumFactAttribute.ExecutablePath),
            $"CI needs chromium at {ChromiumFactAttribute.ExecutablePath}: .ci/run installs Debian's package (apt-get install chromium).");
        var screenshot = Path.Combine(AppContext.BaseDirectory, "artifacts", "playground.png");
        Directory.CreateDirectory(Path.GetDirectoryName(screenshot)!);
        var input = new JsonObject
        {
            ["url"] = _bot.BaseUrl,
            ["executablePath"] = ChromiumFactAttribute.ExecutablePath,
            ["screenshot"] = screenshot,
            // The send box shows before Web Chat is connected, and an Enter pressed then sends nothing: CI lost a
            // "help" that way. Holding the connect makes the first step type into a page not yet connected each run.
            ["connectDelayMs"] = 2000,
            ["steps"] = new JsonArray
            {
                Step("help", "What I can do"),
                Step("promise Acme: call Olga back in 5 minutes", "Promise saved"),
                new JsonObject { ["expect"] = "Due now: call Olga back" },          // the reminder, sent while the page is open
                new JsonObject { ["click"] = "Done", ["expect"] = "Done — on time", ["gone"] = "Due now: call Olga back" }, // replaced in place
                Step("обещание Acme: отправить КП завтра", "Обещание сохранено"),
            },
        };
        var browser = NodePeer.RunAsync("webchat-browser.js", input.ToJsonString(), TimeSpan.FromMinutes(3));

        // The reminder falls due once the promise is saved: the clock moves, the dispatcher runs, the page polls it in.
        // Starting chromium and loading Web Chat took over 30 s on a CI machine busy with the other tests, so the wait
        // is the browser's own: its steps time out at 20 s each, and a browser that gives up ends the wait with its
        // reason instead of a bare timeout.
        var saved = _bot.WaitUntilAsync(db => db.Promises.AnyAsync(), "the promise typed in the page", TimeSpan.FromMinutes(2));
        if (await Task.WhenAny(saved, browser) == browser)
        {
            var early = await browser;
            Assert.Fail($"webchat-browser.js ended before the promise was saved (exit {early.ExitCode}): {early.StandardOutput}\n{early.StandardError}");
        }
        await saved;
        _time.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(1, await _bot.RunDispatcherAsync());

        var run = await browser;
        Assert.True(run.ExitCode == 0, $"webchat-browser.js exited {run.ExitCode}: {run.StandardError}");
        var result = JsonNode.Parse(run.StandardOutput)!;
        Assert.True(result["ok"]!.GetValue<bool>(), $"{result["error"]}\nTranscript:\n{result["transcript"]}\nScreenshot: {screenshot}");
        Assert.True(File.Exists(screenshot));
    }

    private static JsonObject Step(string say, string expect) => new() { ["say"] = say, ["expect"] = expect };
}
