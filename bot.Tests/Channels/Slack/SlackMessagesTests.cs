using AccountCoachBot.Channels.Slack;
using AccountCoachBot.Conversation;

namespace AccountCoachBot.Tests.Channels.Slack;

public sealed class SlackMessagesTests
{
    [Fact]
    public void Render_CarriesALongRussianFormInTheButton_WithoutLosingAWord()
    {
        var inputs = Enumerable.Range(1, 12).Select(i => new CardInput($"item{i}", InputKind.Text,
            $"Вопрос {i}: кто со стороны клиента придёт на встречу, что ими движет и что им нужно, чтобы хорошо выглядеть перед руководством?",
            Required: false, Multiline: true)).ToList();
        var card = new Card("Чек-лист", Inputs: inputs, Actions: [new CardAction("meeting.save", "Сохранить", new Dictionary<string, string> { ["meetingId"] = "7" })]);

        var message = SlackMessages.Render(new Reply("Чек-лист", card));

        var button = message["blocks"]!.AsArray().Where(b => b!["type"]!.GetValue<string>() == "actions")
            .SelectMany(b => b!["elements"]!.AsArray()).Single()!.AsObject();
        Assert.True(button["value"]!.GetValue<string>().Length <= BlockKitRenderer.MaxButtonValueLength);
        var action = SlackActionParser.FromBlockAction(button)!;
        Assert.Equal(inputs, SlackMessages.InputsOf(action));
        Assert.Equal(new Dictionary<string, string> { ["meetingId"] = "7" }, SlackMessages.Clean(action).Payload);
    }

    [Fact]
    public void InputsOf_IsEmpty_WhenTheValueWasTamperedWith()
    {
        var action = new SubmittedAction("promise.move", new Dictionary<string, string> { [SlackMessages.InputsKey] = "not base64 at all" });

        Assert.Empty(SlackMessages.InputsOf(action));
    }
}
