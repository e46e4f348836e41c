using AccountCoachBot.Conversation;

namespace AccountCoachBot.Channels.Terminal;

/// <summary>
/// The terminal's output, shared by replies and reminders. Numbers press the buttons of the last message only,
/// so after a question a typed "3" is an answer, not a button of some earlier card.
/// A picture cannot print: it is saved as a file in <paramref name="imageFolder"/> (the temp folder by default) and
/// its description and path are printed instead.
/// </summary>
public sealed class TerminalConsole(TextWriter output, string? imageFolder = null)
{
    private readonly string _imageFolder = imageFolder ?? Path.Combine(Path.GetTempPath(), "AccountCoachBot");

    private readonly Lock _gate = new();
    private IReadOnlyList<CardAction> _actions = [];

    public void Write(Reply reply)
    {
        lock (_gate)
        {
            _actions = reply.Card?.Actions ?? [];
            output.WriteLine(PlainTextRenderer.Render(reply));
            if (reply.Image is { } image) output.WriteLine(ImageLine(image));
            output.WriteLine();
            output.Flush();
        }
    }

    public void Write(string text) => Write(new Reply(text));

    /// <summary>"🖼 {alt text} → /tmp/…/on-time-2026-11-23.png", or the alt text alone when the file cannot be written.</summary>
    private string ImageLine(ReplyImage image)
    {
        try
        {
            Directory.CreateDirectory(_imageFolder);
            var path = Path.Combine(_imageFolder, Path.GetFileName(image.FileName));
            File.WriteAllBytes(path, image.Png);
            return $"🖼 {image.AltText} → {path}";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"🖼 {image.AltText}";
        }
    }

    public CardAction? ActionAt(int number)
    {
        lock (_gate) return number >= 1 && number <= _actions.Count ? _actions[number - 1] : null;
    }
}
