using AccountCoachBot.Features.Promises.Parsing;

namespace AccountCoachBot.Tests.Features.Promises.Parsing;

public class TokenizerTests
{
    [Theory]
    [InlineData("I'll", "i'll")]
    [InlineData("I’ll", "i'll")]
    [InlineData("10-го", "10-го")]
    [InlineData("15.12", "15.12")]
    [InlineData("15:30", "15:30")]
    [InlineData("2026-12-15", "2026-12-15")]
    [InlineData("p.m", "p.m")]
    [InlineData("Счёт", "счет")]
    public void Tokenize_KeepsOneToken_WhenGlueSitsInsideAWord(string text, string norm)
    {
        var tokens = Tokenizer.Tokenize(text);

        var token = Assert.Single(tokens);
        Assert.Equal(norm, token.Norm);
        Assert.Equal(text, token.Text);
    }

    [Fact]
    public void Tokenize_SplitsPunctuationAndKeepsOffsets_WhenTextHasSeveralWords()
    {
        const string text = "Call Acme, by Friday.";

        var tokens = Tokenizer.Tokenize(text);

        Assert.Equal(["call", "acme", ",", "by", "friday", "."], tokens.Select(t => t.Norm));
        Assert.All(tokens, t => Assert.Equal(t.Text, text.Substring(t.Start, t.Text.Length)));
        Assert.True(tokens[1].IsCapitalized);
        Assert.True(tokens[2].IsPunct);
    }

    [Fact]
    public void Tokenize_SplitsTheDot_WhenItEndsASentenceBeforeAWord()
    {
        var tokens = Tokenizer.Tokenize("Acme Inc.Then");

        Assert.Equal(["acme", "inc", ".", "then"], tokens.Select(t => t.Norm));
    }

    [Fact]
    public void Tokenize_MarksLineBreaks_WhenTextHasSeveralLines()
    {
        var tokens = Tokenizer.Tokenize("hello\nworld");

        Assert.False(tokens[0].BreakBefore);
        Assert.True(tokens[1].BreakBefore);
    }
}
