namespace AccountCoachBot.Features.Promises.Parsing;

internal enum TokenKind
{
    Word,
    Number,
    Punct,
}

/// <summary>
/// A word, number or punctuation mark with its place in the original text. Norm is the form the word
/// tables are written in: lower case, «ё» as «е», curly apostrophes straight.
/// BreakBefore marks a line break between this token and the previous one (it ends a sentence).
/// </summary>
internal sealed record Token(string Text, string Norm, int Start, TokenKind Kind, bool BreakBefore)
{
    public int End => Start + Text.Length;

    public bool IsPunct => Kind == TokenKind.Punct;

    public bool IsCapitalized => Kind == TokenKind.Word && char.IsUpper(Text[0]);
}

/// <summary>Splits text into tokens; the parser works on tokens so every rule sees whole words.</summary>
internal static class Tokenizer
{
    public static IReadOnlyList<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        var i = 0;
        var lineBreak = false;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                lineBreak |= c is '\n' or '\r';
                i++;
                continue;
            }

            var start = i;
            TokenKind kind;
            if (char.IsLetterOrDigit(c))
            {
                i++;
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || IsJoiner(text, i))) i++;
                kind = char.IsDigit(c) ? TokenKind.Number : TokenKind.Word;
            }
            else
            {
                i++;
                kind = TokenKind.Punct;
            }

            var raw = text[start..i];
            tokens.Add(new Token(raw, Normalize(raw), start, kind, lineBreak && tokens.Count > 0));
            lineBreak = false;
        }

        return tokens;
    }

    /// <summary>The normalized words of a table phrase, so tables and texts are cut the same way.</summary>
    public static string[] Words(string phrase) => Tokenize(phrase).Select(t => t.Norm).ToArray();

    public static string Normalize(string s) =>
        s.ToLowerInvariant().Replace('ё', 'е').Replace('’', '\'').Replace('‘', '\'').Replace('‑', '-');

    // Glue characters stay inside a token only between two letters/digits: "I'll", "10-го", "Coca-Cola",
    // "15.12", "15:30", "2026-12-15", "a.m". A dot between words ("Inc.Then") or a colon after a word splits.
    private static bool IsJoiner(string text, int i)
    {
        if (i == 0 || i + 1 >= text.Length) return false;
        char prev = text[i - 1], next = text[i + 1];
        if (!char.IsLetterOrDigit(prev) || !char.IsLetterOrDigit(next)) return false;
        return text[i] switch
        {
            '\'' or '’' or '-' or '‑' => true,
            ':' or '/' => char.IsDigit(prev) && char.IsDigit(next),
            '.' => (char.IsDigit(prev) && char.IsDigit(next)) || (char.IsLetter(prev) && char.IsLetter(next) && (i < 2 || !char.IsLetter(text[i - 2]))),
            _ => false,
        };
    }
}
