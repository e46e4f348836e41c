namespace AccountCoachBot.Ai;

/// <summary>
/// Spotlighting: what a person typed and what the bot stored (notes, promises) reaches the model only inside a
/// marked block the system prompt calls data. The markers cannot be forged from inside: any look-alike in the
/// text is defused before it is wrapped.
/// </summary>
public static class UntrustedText
{
    public const string Open = "<<<DATA";
    public const string Close = "<<<END DATA>>>";

    /// <summary><c>&lt;&lt;&lt;DATA kind="…"&gt;&gt;&gt;</c>, the text, <c>&lt;&lt;&lt;END DATA&gt;&gt;&gt;</c>.</summary>
    public static string Mark(string kind, string? text) =>
        $"{Open} kind=\"{kind}\">>>\n{Defuse(text ?? "")}\n{Close}";

    /// <summary>Angle-bracket runs become single quotes: no block can be closed or opened from inside.</summary>
    public static string Defuse(string text) =>
        text.Replace("<<<", "‹‹‹", StringComparison.Ordinal).Replace(">>>", "›››", StringComparison.Ordinal).Replace("\0", "", StringComparison.Ordinal);
}
