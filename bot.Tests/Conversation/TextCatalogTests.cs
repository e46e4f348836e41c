using System.Reflection;
using System.Text.RegularExpressions;
using AccountCoachBot.Conversation;

namespace AccountCoachBot.Tests.Conversation;

/// <summary>Every user-visible string exists in English and Russian, with the same placeholders.</summary>
public sealed partial class TextCatalogTests
{
    public static TheoryData<string> AllTexts()
    {
        var data = new TheoryData<string>();
        foreach (var (name, _) in Texts()) data.Add(name);
        return data;
    }

    private static IEnumerable<(string Name, Text Text)> Texts() =>
        typeof(Text).Assembly.GetTypes()
            .SelectMany(t => t.GetFields(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic))
            .Where(f => f.FieldType == typeof(Text))
            .Select(f => ($"{f.DeclaringType!.Name}.{f.Name}", (Text)f.GetValue(null)!));

    [Fact]
    public void Texts_AreFound()
    {
        Assert.True(Texts().Count() > 60);
    }

    [Theory]
    [MemberData(nameof(AllTexts))]
    public void Text_HasBothLanguagesWithTheSamePlaceholders(string name)
    {
        var text = Texts().Single(t => t.Name == name).Text;

        Assert.False(string.IsNullOrWhiteSpace(text.En), $"{name}: English is empty");
        Assert.False(string.IsNullOrWhiteSpace(text.Ru), $"{name}: Russian is empty");
        Assert.Equal(Placeholders(text.En), Placeholders(text.Ru));
        Assert.Matches("[а-яА-ЯёЁ]", text.Ru);
        Assert.DoesNotMatch(@"\bты\b|\bтебе\b|\bтвой\b", text.Ru.ToLowerInvariant()); // Russian uses «вы»
    }

    private static string[] Placeholders(string s) => Placeholder().Matches(s).Select(m => m.Value).Distinct().Order().ToArray();

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();
}

public sealed class TextFormatTests
{
    [Fact]
    public void Format_DropsTheSecondDot_WhenARussianDateEndsTheSentence()
    {
        var text = new Text("Next call by {0}.", "Следующий звонок до {0}.");

        Assert.Equal("Следующий звонок до вт, 8 дек.", text.Format(AccountCoachBot.Features.People.Language.Ru, "вт, 8 дек."));
        Assert.Equal("Next call by Tue 8 Dec.", text.Format(AccountCoachBot.Features.People.Language.En, "Tue 8 Dec"));
    }
}
