using System.Globalization;
using System.Text.Json.Nodes;
using AccountCoachBot.Conversation;

namespace AccountCoachBot.Channels.Slack;

/// <summary>A card action's inputs as a Slack modal.</summary>
public static partial class BlockKitRenderer
{
    /// <summary>
    /// A modal asking for <paramref name="action"/>'s inputs: <c>callback_id</c> = the action id, one input block
    /// per <see cref="CardInput"/> with <c>block_id</c> = <c>action_id</c> = the input id.
    /// </summary>
    /// <param name="privateMetadata">Returned untouched in the <c>view_submission</c> (≤3000 chars); normally
    /// <see cref="PayloadJson"/> of the action's payload, which <see cref="SlackActionParser.FromViewSubmission"/>
    /// reads back.</param>
    /// <param name="title">Modal title; blank = the action's label. Cut to 24 characters.</param>
    /// <param name="initialValues">Optional pre-filled values by input id (dates as <c>yyyy-MM-dd</c>).</param>
    public static JsonObject RenderModal(CardAction action, string privateMetadata, string title, string submitLabel, string cancelLabel,
        IReadOnlyDictionary<string, string>? initialValues = null)
    {
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(privateMetadata);
        RequireId(action.Id, MaxCallbackIdLength, "callback_id (action id)");
        if (action.Inputs.Count == 0)
            throw new ArgumentException($"Action '{action.Id}' has no inputs to ask for in a modal.", nameof(action));
        if (action.Inputs.Count > MaxBlocksPerView)
            throw new ArgumentException($"Action '{action.Id}' has {action.Inputs.Count} inputs; a modal holds at most {MaxBlocksPerView} blocks.", nameof(action));
        if (privateMetadata.Length > MaxPrivateMetadataLength)
            throw new ArgumentException($"private_metadata is {privateMetadata.Length} characters; Slack allows {MaxPrivateMetadataLength}.", nameof(privateMetadata));
        if (string.IsNullOrWhiteSpace(submitLabel)) throw new ArgumentException("A modal with inputs needs a submit label.", nameof(submitLabel));
        if (string.IsNullOrWhiteSpace(cancelLabel)) throw new ArgumentException("A modal needs a close label.", nameof(cancelLabel));

        var blocks = new JsonArray();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var input in action.Inputs)
        {
            RequireId(input.Id, Math.Min(MaxBlockIdLength, MaxActionIdLength), "input id");
            if (!seen.Add(input.Id))
                throw new ArgumentException($"Action '{action.Id}' has two inputs with id '{input.Id}'; block ids must be unique in a view.", nameof(action));
            string? initial = null;
            initialValues?.TryGetValue(input.Id, out initial);
            blocks.Add(InputBlock(input, initial));
        }

        return new JsonObject
        {
            ["type"] = "modal",
            ["callback_id"] = action.Id,
            ["private_metadata"] = privateMetadata,
            ["title"] = PlainText(FitWithEllipsis(OneLine(NonBlank(title, action.Label, action.Id)), MaxViewTextLength)),
            ["submit"] = PlainText(FitWithEllipsis(OneLine(submitLabel), MaxViewTextLength)),
            ["close"] = PlainText(FitWithEllipsis(OneLine(cancelLabel), MaxViewTextLength)),
            ["blocks"] = blocks,
        };
    }

    // ---- modal ----

    private static JsonObject InputBlock(CardInput input, string? initial)
    {
        JsonObject element;
        if (input.Kind == InputKind.Date)
        {
            element = new JsonObject { ["type"] = "datepicker", ["action_id"] = input.Id };
            if (initial is not null && DateOnly.TryParseExact(initial, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                element["initial_date"] = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }
        else
        {
            element = new JsonObject
            {
                ["type"] = "plain_text_input",
                ["action_id"] = input.Id,
                ["multiline"] = IsLongForm(input),
                ["max_length"] = MaxTextInputLength,
            };
            if (!string.IsNullOrEmpty(initial)) element["initial_value"] = SafePrefix(initial, MaxTextInputLength, entities: false);
        }
        if (!string.IsNullOrWhiteSpace(input.Placeholder))
            element["placeholder"] = PlainText(FitWithEllipsis(OneLine(input.Placeholder), MaxPlaceholderLength));

        return new JsonObject
        {
            ["type"] = "input",
            ["block_id"] = input.Id,
            ["optional"] = !input.Required,
            ["label"] = PlainText(FitWithEllipsis(OneLine(NonBlank(input.Label, input.Id)), MaxInputLabelLength)),
            ["element"] = element,
        };
    }

    /// <summary>Multi-line when the input says so, and for reasons (sentences) even when it doesn't.</summary>
    private static bool IsLongForm(CardInput input) =>
        input.Multiline || input.Id.Contains("reason", StringComparison.OrdinalIgnoreCase);
}
