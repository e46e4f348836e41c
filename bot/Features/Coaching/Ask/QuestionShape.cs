using System.Text.RegularExpressions;

namespace AccountCoachBot.Features.Coaching.Ask;

/// <summary>
/// Does a line read as a question to the coach? A line ending with "?", or one that opens the way people ask for
/// advice ("what do I do when…", «что делать, если…»). Only text that no command and no promise claimed gets here.
/// </summary>
public static partial class QuestionShape
{
    public static bool IsQuestion(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return false;
        var line = text.Trim();
        return line.EndsWith('?') || Opener().IsMatch(line);
    }

    [GeneratedRegex(
        @"^(what (do|should|can|would) (i|we)|what to do|what if|how (do|should|can|would) (i|we)|how to|should (i|we)|is it (ok|okay|wise|right)|when should (i|we)|why (do|does|did|is|are|won't|don't|doesn't)|" +
        @"что (мне |нам )?делать|что (мне |нам )?сказать|как (мне |нам )?(быть|поступить|сказать|сообщить|ответить|подготовиться|отказать|держать|собрать|сделать)|как быть|стоит ли|нужно ли|можно ли|что если|почему (клиент|они|он|она))\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Opener();
}
