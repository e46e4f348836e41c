using AccountCoachBot.Features.MeetingPrep;
using AccountCoachBot.Features.People;
using AccountCoachBot.Features.Promises.Parsing;

namespace AccountCoachBot.Tests.Features.MeetingPrep;

/// <summary>Reading people and promises out of free-text answers, in both languages.</summary>
public sealed class AnswerParsingTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    // Thu 2026-03-05 16:00 Berlin.
    private static readonly ParseContext Context = new(new DateTimeOffset(2026, 3, 5, 16, 0, 0, TimeSpan.FromHours(1)), Berlin, ["Acme"], WorkingHours.Default);

    [Theory]
    [InlineData("Olga Petrova — CFO, wants predictability", "Olga Petrova", "CFO, wants predictability")]
    [InlineData("- Olga Petrova - CFO", "Olga Petrova", "CFO")]
    [InlineData("Olga Petrova (CFO)", "Olga Petrova", "CFO")]
    [InlineData("Olga Petrova: worried about budget cuts", "Olga Petrova", "worried about budget cuts")]
    [InlineData("Ольга Петрова — финансовый директор, нужна предсказуемость", "Ольга Петрова", "финансовый директор, нужна предсказуемость")]
    [InlineData("Olga Petrova", "Olga Petrova", "")]
    public void Parse_ReadsNameAndNote_WhenTheLineNamesAPerson(string line, string name, string note)
    {
        var contact = Assert.Single(ContactNotes.Parse(line, allowBareNames: true));

        Assert.Equal((name, note), (contact.Name, contact.Note));
    }

    [Theory]
    [InlineData("no one")]
    [InlineData("никто")]
    [InlineData("ok")]
    [InlineData("same people as last time, probably more")]
    [InlineData("the whole procurement team from the Moscow office — all of them")]
    public void Parse_FindsNobody_WhenTheAnswerNamesNoOne(string answer)
    {
        Assert.Empty(ContactNotes.Parse(answer, allowBareNames: true));
    }

    [Fact]
    public void Parse_SkipsBareNames_InDebriefNotes()
    {
        var people = ContactNotes.Parse("Olga Petrova\nIvan Sidorov — fears the migration; Anna — new in the role", allowBareNames: false);

        Assert.Equal(["Ivan Sidorov", "Anna"], people.Select(p => p.Name));
    }

    [Fact]
    public void Merge_AppendsNewNotesOnce_AndKeepsTheNewest()
    {
        var notes = ContactNotes.Merge("", "CFO");
        notes = ContactNotes.Merge(notes, "worried about budget cuts");
        notes = ContactNotes.Merge(notes, "cfo");

        Assert.Equal("CFO; worried about budget cuts", notes);
        var longNotes = Enumerable.Range(0, 100).Aggregate("", (acc, i) => ContactNotes.Merge(acc, $"note {i}"));
        Assert.True(longNotes.Length <= ContactNotes.MaxNotes);
        Assert.EndsWith("note 99", longNotes);
    }

    [Theory]
    [InlineData("CFO, wants predictability", true)]
    [InlineData("финансовый директор", true)]
    [InlineData("Head of procurement", true)]
    [InlineData("IT lead, fears the migration", false)]
    [InlineData("менеджер по закупкам", false)]
    public void IsExecutive_RecognizesExecutives_InBothLanguages(string notes, bool executive)
    {
        Assert.Equal(executive, ContactNotes.IsExecutive(notes));
    }

    [Fact]
    public void DebriefPromises_ReadWhatAndWhen_FromEachLine()
    {
        var lines = DebriefPromises.Parse("- send the revised quote by 2026-03-12\nI'll call Olga back tomorrow 11:00\nотправить КП до 12.03\nfind out the delivery terms\nnothing", Context);

        Assert.Equal(4, lines.Count);
        Assert.Equal(("send the revised quote", new DateTime(2026, 3, 12, 17, 0, 0, DateTimeKind.Utc)), (lines[0].What, lines[0].DueUtc));
        Assert.Equal(("call Olga back", new DateTime(2026, 3, 6, 10, 0, 0, DateTimeKind.Utc)), (lines[1].What, lines[1].DueUtc));
        Assert.Equal(("отправить КП", new DateTime(2026, 3, 12, 17, 0, 0, DateTimeKind.Utc)), (lines[2].What, lines[2].DueUtc));
        Assert.Equal(("find out the delivery terms", (DateTime?)null), (lines[3].What, lines[3].DueUtc));
    }

    [Theory]
    [InlineData("no one", true)]
    [InlineData("Никто.", true)]
    [InlineData("", true)]
    [InlineData("just me", true)]
    [InlineData("Anna (pricing) — can approve a discount", false)]
    [InlineData("Анна — согласует скидку", false)]
    public void IsNoOne_ReadsGoingAlone_InBothLanguages(string answer, bool alone)
    {
        Assert.Equal(alone, BriefRules.IsNoOne(answer));
    }
}
