using System.Text.Json.Nodes;
using AccountCoachBot.Channels.Slack;
using AccountCoachBot.Conversation;
using AccountCoachBot.Tests.Infrastructure;

namespace AccountCoachBot.Tests.Channels.Slack;

/// <summary>
/// Rendered Block Kit against Slack's own type definitions (<c>@slack/types</c>, used by bolt and web-api),
/// type-checked by the TypeScript compiler in <c>Peers/validate-blocks.js</c>: unknown types, misspelt or extra
/// properties, wrong value types, missing required fields. Limits are <see cref="BlockKitRules"/>' job.
/// </summary>
public class BlockKitShapeOracleTests
{
    private static async Task<IReadOnlyList<string>> ValidateAsync(IEnumerable<JsonObject> messages, IEnumerable<JsonObject> modals)
    {
        var input = new JsonObject
        {
            ["messages"] = new JsonArray(messages.Select(m => (JsonNode)m.DeepClone()).ToArray()),
            ["modals"] = new JsonArray(modals.Select(m => (JsonNode)m.DeepClone()).ToArray()),
        };
        var run = await NodePeer.RunAsync("validate-blocks.js", input.ToJsonString(), TimeSpan.FromSeconds(120));
        Assert.True(run.ExitCode == 0, $"validate-blocks.js exited {run.ExitCode}: {run.StandardError}");
        var reports = JsonNode.Parse(run.StandardOutput.Trim())!.AsArray();
        Assert.Equal(input["messages"]!.AsArray().Count + input["modals"]!.AsArray().Count, reports.Count);
        return reports
            .SelectMany(r => r!["errors"]!.AsArray().Select(e => $"{r["kind"]}[{r["index"]}]: {e}"))
            .ToList();
    }

    private static readonly CardAction Move = new("promise.move", "New date…",
        new Dictionary<string, string> { ["promiseId"] = "42" },
        [new CardInput("due", InputKind.Date, "New date", "Pick a date"), new CardInput("reason", InputKind.Text, "Why?", Required: false)]);

    private static IEnumerable<JsonObject> Modals() =>
    [
        BlockKitRenderer.RenderModal(Move, "{\"promiseId\":\"42\"}", "New date", "Save", "Cancel"),
        BlockKitRenderer.RenderModal(Move, "{}", "Новый срок", "Сохранить", "Отмена",
            new Dictionary<string, string> { ["due"] = "2026-12-01", ["reason"] = "Клиент попросил" }),
        BlockKitRenderer.RenderModal(new CardAction("promise.edit", "Edit…", null,
            [new CardInput("what", InputKind.Text, "What exactly?", new string('p', 400), Multiline: true)]), "{}", new string('T', 40), "Save", "Cancel"),
    ];

    [Fact]
    public async Task RenderedBlocks_FitSlacksTypeDefinitions_ForEveryCardShapeAndModal()
    {
        var messages = CardShapes.All.Values.Select(shape => BlockKitRenderer.RenderMessage(shape())).ToList();

        var errors = await ValidateAsync(messages, Modals());

        Assert.True(errors.Count == 0, "Not valid per @slack/types:\n" + string.Join("\n", errors.Take(20)));
    }

    [Fact]
    public async Task ShapeOracle_ReportsErrors_WhenBlocksAreMalformed()
    {
        // The oracle must be able to say no: a misspelt key, an unknown block type, mrkdwn where plain_text is required.
        var message = BlockKitRenderer.RenderMessage(new Reply("x", CardShapes.Reminder()));
        var button = message["blocks"]!.AsArray().First(b => b!["type"]!.GetValue<string>() == "actions")!["elements"]![0]!.AsObject();
        button["actionid"] = button["action_id"]!.GetValue<string>();
        var header = message["blocks"]![0]!.AsObject();
        header["text"]!["type"] = "mrkdwn";
        var modal = Modals().First();
        modal["blocks"]![0]!["element"]!["type"] = "date_picker";

        var errors = await ValidateAsync([message], [modal]);

        Assert.Contains(errors, e => e.StartsWith("message[0]") && e.Contains("actionid"));
        Assert.Contains(errors, e => e.StartsWith("message[0]") && e.Contains("plain_text"));
        Assert.Contains(errors, e => e.StartsWith("modal[0]"));
    }
}
