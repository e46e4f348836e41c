using AccountCoachBot.Conversation;

namespace AccountCoachBot.Channels.Terminal;

/// <summary>
/// The terminal's output, shared by replies and reminders. Numbers press the buttons of the last message only,
/// so after a question a typed "3" is an answer, not a button of some earlier card.
/// </summary>
public sealed class TerminalConsole(TextWriter output)
{
    private readonly Lock _gate = new();
    private IReadOnlyList<CardAction> _actions = [];

    public void Write(Reply reply)
    {
        lock (_gate)
        {
            _actions = reply.Card?.Actions ?? [];
            output.WriteLine(PlainTextRenderer.Render(reply));
            output.WriteLine();
            output.Flush();
        }
    }

    public void Write(string text) => Write(new Reply(text));

    public CardAction? ActionAt(int number)
    {
        lock (_gate) return number >= 1 && number <= _actions.Count ? _actions[number - 1] : null;
    }
}
