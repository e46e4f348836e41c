using AccountCoachBot.Features.Promises.Parsing;

namespace AccountCoachBot.Tests.Features.Promises.Parsing;

public class RussianRulesTests
{
    private static readonly LanguageRules Rules = RussianRules.Instance;

    private static IReadOnlyList<Token> Tokens(string text) => Tokenizer.Tokenize(text);

    [Theory]
    [InlineData("пятница", DayOfWeek.Friday)]
    [InlineData("пятницу", DayOfWeek.Friday)]
    [InlineData("пятницы", DayOfWeek.Friday)]
    [InlineData("пятнице", DayOfWeek.Friday)]
    [InlineData("пт", DayOfWeek.Friday)]
    [InlineData("понедельника", DayOfWeek.Monday)]
    [InlineData("среду", DayOfWeek.Wednesday)]
    [InlineData("четвергу", DayOfWeek.Thursday)]
    [InlineData("воскресенье", DayOfWeek.Sunday)]
    public void Weekdays_MapEveryInflection_ToItsDay(string word, DayOfWeek day)
    {
        Assert.True(Rules.Weekdays.TryMatch(Tokens(word), 0, out _, out var found));
        Assert.Equal(day, found);
    }

    [Theory]
    [InlineData("декабря", 12)]
    [InlineData("декабрь", 12)]
    [InlineData("января", 1)]
    [InlineData("мая", 5)]
    [InlineData("марта", 3)]
    public void Months_MapGenitiveAndNominative_ToTheMonthNumber(string word, int month)
    {
        Assert.True(Rules.Months.TryMatch(Tokens(word), 0, out _, out var found));
        Assert.Equal(month, found);
    }

    [Theory]
    [InlineData("пришлю", "прислать")]
    [InlineData("пришлём", "прислать")]
    [InlineData("отправлю", "отправить")]
    [InlineData("перезвоню", "перезвонить")]
    [InlineData("подготовлю", "подготовить")]
    [InlineData("сделаю", "сделать")]
    public void Markers_GiveTheInfinitive_WhenTheMarkerIsAFirstPersonVerb(string verb, string infinitive)
    {
        Assert.True(Rules.Markers.TryMatch(Tokens(verb), 0, out _, out var marker));
        Assert.Equal(infinitive, marker.Infinitive);
        Assert.True(marker.IsFirstPerson);
    }

    [Fact]
    public void Markers_AllVerbInfinitives_LookLikeInfinitives()
    {
        var infinitives = Rules.Markers.Entries.Select(e => e.Value.Infinitive).OfType<string>().ToList();

        Assert.NotEmpty(infinitives);
        Assert.All(infinitives, inf => Assert.Matches("(ть|ти|ться|чь)$", inf));
    }

    [Theory]
    [InlineData("обещал")]
    [InlineData("пообещала")]
    [InlineData("надо")]
    public void Markers_NeedASubjectCheck_WhenTheVerbHasNoPronoun(string word)
    {
        Assert.True(Rules.Markers.TryMatch(Tokens(word), 0, out _, out var marker));
        Assert.False(marker.IsFirstPerson);
    }
}
