using System.Text.Json.Nodes;

namespace AccountCoachBot.Tests.Channels.Slack;

/// <summary>
/// Interactivity payloads shaped like the ones Slack sends (fields from bolt's <c>BlockAction</c> /
/// <c>ViewSubmitAction</c> types and the java-slack-sdk samples, see slack-contract.md §4).
/// </summary>
internal static class SlackPayloads
{
    /// <summary>The <c>actions[]</c> element Slack sends when a rendered button is clicked.</summary>
    public static JsonObject ClickedButton(JsonObject renderedButton, string blockId = "Ab1Cd")
    {
        var clicked = new JsonObject
        {
            ["type"] = "button",
            ["block_id"] = blockId,
            ["action_id"] = renderedButton["action_id"]!.GetValue<string>(),
            ["text"] = renderedButton["text"]!.DeepClone(),
            ["action_ts"] = "1767258000.123456",
        };
        if (renderedButton["value"] is { } value) clicked["value"] = value.GetValue<string>();
        return clicked;
    }

    /// <summary>A whole <c>block_actions</c> payload for a click on <paramref name="renderedButton"/> in a DM.</summary>
    public static JsonObject BlockActions(JsonObject renderedButton, JsonObject? stateValues = null) => new()
    {
        ["type"] = "block_actions",
        ["user"] = new JsonObject { ["id"] = "U2CERLKJA", ["username"] = "olga", ["team_id"] = "T1DC2JH3J" },
        ["api_app_id"] = "A0APP",
        ["token"] = "legacy",
        ["container"] = new JsonObject { ["type"] = "message", ["message_ts"] = "1767258000.000100", ["channel_id"] = "D0123ABCD", ["is_ephemeral"] = false },
        ["trigger_id"] = "398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c",
        ["team"] = new JsonObject { ["id"] = "T1DC2JH3J", ["domain"] = "testteamnow" },
        ["channel"] = new JsonObject { ["id"] = "D0123ABCD", ["name"] = "directmessage" },
        ["state"] = new JsonObject { ["values"] = stateValues ?? new JsonObject() },
        ["response_url"] = "https://hooks.slack.com/actions/T1DC2JH3J/1/abc",
        ["actions"] = new JsonArray { ClickedButton(renderedButton) },
    };

    /// <summary>
    /// The <c>view</c> of a <c>view_submission</c> for a rendered modal, with <paramref name="answers"/> (input id →
    /// value; null = left empty) in <c>state.values</c> the way Slack reports each element type.
    /// </summary>
    public static JsonObject SubmittedView(JsonObject renderedModal, IReadOnlyDictionary<string, string?> answers)
    {
        var values = new JsonObject();
        foreach (var block in renderedModal["blocks"]!.AsArray())
        {
            if (block!["type"]!.GetValue<string>() != "input") continue;
            var blockId = block["block_id"]!.GetValue<string>();
            var element = block["element"]!;
            var actionId = element["action_id"]!.GetValue<string>();
            answers.TryGetValue(blockId, out var answer);
            var type = element["type"]!.GetValue<string>();
            var state = new JsonObject { ["type"] = type };
            switch (type)
            {
                case "datepicker": state["selected_date"] = answer; break;
                case "plain_text_input": state["value"] = answer; break;
                default: throw new NotSupportedException(type);
            }
            values[blockId] = new JsonObject { [actionId] = state };
        }

        var view = renderedModal.DeepClone().AsObject();
        view["id"] = "V0123456";
        view["team_id"] = "T1DC2JH3J";
        view["hash"] = "1767258000.abc";
        view["root_view_id"] = "V0123456";
        view["previous_view_id"] = null;
        view["app_id"] = "A0APP";
        view["bot_id"] = "B0BOT";
        view["state"] = new JsonObject { ["values"] = values };
        return view;
    }

    public static JsonObject ViewSubmission(JsonObject view) => new()
    {
        ["type"] = "view_submission",
        ["team"] = new JsonObject { ["id"] = "T1DC2JH3J", ["domain"] = "testteamnow" },
        ["user"] = new JsonObject { ["id"] = "U2CERLKJA", ["name"] = "olga" },
        ["api_app_id"] = "A0APP",
        ["token"] = "legacy",
        ["trigger_id"] = "398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c",
        ["view"] = view,
        ["response_urls"] = new JsonArray(),
    };
}
