using System.Text.Json;
using System.Text.Json.Nodes;
using AccountCoachBot.Conversation;

namespace AccountCoachBot.Channels.Slack;

/// <summary>
/// Our card model in Slack. A button that needs inputs (a date, a reason, a checklist form) opens a modal:
/// the inputs travel in the button's value, so the click can open the modal at once, inside Slack's
/// 3-second trigger window, with no lookup.
/// </summary>
public static class SlackMessages
{
    public const string InputsKey = "_inputs";
    public const string ChannelKey = "_channel";
    public const string MessageTsKey = "_ts";

    /// <summary>Slack's limit on a button value, with room for the payload itself.</summary>
    private const int ValueBudget = 1900;

    public static JsonObject Render(Reply reply) => BlockKitRenderer.RenderMessage(Prepare(reply));

    /// <summary>Moves inputs (the card's form and each action's own) into the buttons' payloads.</summary>
    public static Reply Prepare(Reply reply)
    {
        if (reply.Card is not { } card) return reply;
        var actions = card.Actions.Select(a =>
        {
            var inputs = card.Inputs.Concat(a.Inputs).ToList();
            if (inputs.Count == 0) return a;
            var payload = new Dictionary<string, string>(a.Payload) { [InputsKey] = EncodeInputs(inputs, ValueBudget - JsonSerializer.Serialize(a.Payload).Length - 20) };
            return a with { Payload = payload, Inputs = [] };
        }).ToList();
        return reply with { Card = card with { Actions = actions, Inputs = [] } };
    }

    /// <summary>The inputs a clicked button carries, or none.</summary>
    public static IReadOnlyList<CardInput> InputsOf(SubmittedAction action)
    {
        if (action.Get(InputsKey) is not { } encoded) return [];
        try
        {
            return JsonNode.Parse(Inflate(encoded))!.AsArray().Select(n => new CardInput(
                n![0]!.GetValue<string>(),
                n[1]!.GetValue<string>() == "d" ? InputKind.Date : InputKind.Text,
                n[2]!.GetValue<string>(),
                Required: n[3]!.GetValue<int>() == 1,
                Multiline: n[4]!.GetValue<int>() == 1)).ToList();
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or NullReferenceException or IndexOutOfRangeException
            or FormatException or InvalidDataException)
        {
            return [];
        }
    }

    /// <summary>The payload without the keys only Slack's plumbing uses.</summary>
    public static SubmittedAction Clean(SubmittedAction action) =>
        action with { Payload = action.Payload.Where(kv => !kv.Key.StartsWith('_')).ToDictionary() };

    private static string EncodeInputs(IReadOnlyList<CardInput> inputs, int budget)
    {
        // Compressed, a checklist of a dozen questions fits; longer ones are shortened until the form fits.
        for (var labelLimit = 300; ; labelLimit -= 20)
        {
            var array = new JsonArray();
            foreach (var i in inputs)
            {
                var label = i.Label.Length <= labelLimit ? i.Label : i.Label[..Math.Max(10, labelLimit - 1)] + "…";
                array.Add(new JsonArray(i.Id, i.Kind == InputKind.Date ? "d" : "t", label, i.Required ? 1 : 0, i.Multiline ? 1 : 0));
            }
            var packed = Deflate(array.ToJsonString());
            if (packed.Length <= budget || labelLimit <= 30) return packed;
        }
    }

    private static string Deflate(string json)
    {
        using var buffer = new MemoryStream();
        using (var deflate = new System.IO.Compression.DeflateStream(buffer, System.IO.Compression.CompressionLevel.SmallestSize))
            deflate.Write(System.Text.Encoding.UTF8.GetBytes(json));
        return Convert.ToBase64String(buffer.ToArray());
    }

    private static string Inflate(string packed)
    {
        using var deflate = new System.IO.Compression.DeflateStream(new MemoryStream(Convert.FromBase64String(packed)), System.IO.Compression.CompressionMode.Decompress);
        using var reader = new StreamReader(deflate, System.Text.Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
