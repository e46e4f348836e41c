using System.Text;

namespace AccountCoachBot.Conversation;

/// <summary>Renders a reply as readable text with numbered actions (the terminal, and any plain-text channel).</summary>
public static class PlainTextRenderer
{
    public static string Render(Reply reply)
    {
        if (reply.Card is not { } card) return reply.Text;
        var text = new StringBuilder();
        text.AppendLine(card.Title);
        foreach (var line in card.Lines) text.AppendLine(line);
        if (card.Note is { } note) text.AppendLine(note.Label).AppendLine(note.Text);
        foreach (var fact in card.Facts) text.AppendLine($"{fact.Label}: {fact.Value}");
        foreach (var input in card.Inputs) text.AppendLine($"• {input.Label}");
        if (!string.IsNullOrWhiteSpace(card.Footnote)) text.AppendLine(card.Footnote);
        if (card.Actions.Count > 0)
            text.AppendLine(string.Join("  ", card.Actions.Select((a, i) => $"[{i + 1}] {a.Label}")));
        return text.ToString().TrimEnd();
    }
}
