using AccountCoachBot.Features.Promises.Parsing;

namespace AccountCoachBot.Tests.Features.Promises.Parsing;

public class EnglishRulesTests
{
    public static TheoryData<string> Languages => new() { "en", "ru" };

    private static LanguageRules RulesFor(string language) => language == "ru" ? RussianRules.Instance : EnglishRules.Instance;

    [Theory]
    [MemberData(nameof(Languages))]
    public void DueRules_AllCompile_WhenPatternsUseKnownSlots(string language)
    {
        var rules = RulesFor(language);

        Assert.All(rules.DueRules, rule => _ = new DuePattern(rule));
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Tables_AreWrittenNormalized_SoTextAndTablesCompareEqual(string language)
    {
        var rules = RulesFor(language);
        var words = rules.Weekdays.Entries.SelectMany(e => e.Words)
            .Concat(rules.Months.Entries.SelectMany(e => e.Words))
            .Concat(rules.Markers.Entries.SelectMany(e => e.Words))
            .Concat(rules.Preface)
            .Concat(rules.EdgeWords);

        Assert.All(words, w => Assert.Equal(Tokenizer.Normalize(w), w));
    }

    [Theory]
    [InlineData("fri", DayOfWeek.Friday)]
    [InlineData("thurs", DayOfWeek.Thursday)]
    [InlineData("Monday", DayOfWeek.Monday)]
    public void Weekdays_MapShortAndLongNames_ToTheirDay(string word, DayOfWeek day)
    {
        Assert.True(EnglishRules.Instance.Weekdays.TryMatch(Tokenizer.Tokenize(word), 0, out _, out var found));
        Assert.Equal(day, found);
    }

    [Fact]
    public void Markers_PreferTheLongestPhrase_WhenSeveralStartAtTheSameWord()
    {
        var tokens = Tokenizer.Tokenize("I'm going to send");

        Assert.True(EnglishRules.Instance.Markers.TryMatch(tokens, 0, out var length, out var marker));
        Assert.Equal(3, length);
        Assert.Equal("i'm going to", marker.Phrase);
    }

    [Fact]
    public void Markers_HideTheMarkerInside_WhenThePhraseCommitsToNothing()
    {
        Assert.True(EnglishRules.Instance.Markers.TryMatch(Tokenizer.Tokenize("will do"), 0, out _, out var marker));
        Assert.True(marker.Traits.HasFlag(MarkerTraits.NoCommitment));
    }

    [Fact]
    public void Numbers_ReadMultiWordCounts_WhenAPhraseIsLong()
    {
        Assert.True(EnglishRules.Instance.Numbers.TryMatch(Tokenizer.Tokenize("a couple of days"), 0, out var length, out var count));
        Assert.Equal(3, length);
        Assert.Equal(2, count);
    }
}
