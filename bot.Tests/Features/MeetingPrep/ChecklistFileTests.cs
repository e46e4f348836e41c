using System.Reflection;
using AccountCoachBot.Features.Coaching;
using AccountCoachBot.Features.MeetingPrep;
using AccountCoachBot.Features.People;
using AccountCoachBot.Tests.TestSupport;

namespace AccountCoachBot.Tests.Features.MeetingPrep;

/// <summary>prompts/checklists/*.json: what the issue asks for, both languages, principles that exist.</summary>
public sealed class ChecklistFileTests
{
    private static readonly Lazy<PrincipleCatalog> Catalog = new(() => PrincipleCatalog.Load(RepoLocator.RepoPath("prompts")));

    private static MeetingChecklists Repo() => MeetingChecklists.Load(RepoLocator.RepoPath("prompts"), Catalog.Value);

    private const string ValidItem = """
        { "id": "a-b", "label": { "en": "Label", "ru": "Метка" }, "question": { "en": "What about {0}?", "ru": "Как насчёт {0}?" }, "principles": ["prepare-for-every-meeting"] }
        """;

    [Fact]
    public void Load_Succeeds_WhenEveryCitedPrincipleIsInTheCatalog()
    {
        var checklists = Repo();

        Assert.True(checklists.PreMeeting.Items.Count >= 10);
        var cited = checklists.PreMeeting.Items.Concat(checklists.Debrief.Items).SelectMany(i => i.Principles).ToList();
        Assert.All(cited, id => Assert.True(Catalog.Value.Contains(id), $"unknown principle {id}"));
        Assert.Empty(checklists.PreMeeting.Validate(Catalog.Value, ChecklistItemIds.PreMeetingRequired));
        Assert.Empty(checklists.Debrief.Validate(Catalog.Value, ChecklistItemIds.DebriefRequired));
    }

    [Theory]
    [InlineData("outcome-and-ask", "prepare-for-every-meeting", ChecklistCondition.Always)]
    [InlineData("agenda", "prepare-for-every-meeting", ChecklistCondition.Always)]
    [InlineData("client-attendees", "play-the-person-not-the-game", ChecklistCondition.Always)]
    [InlineData("our-attendees", "never-alone-to-important-meeting", ChecklistCondition.Important)]
    [InlineData("one-voice", "one-voice", ChecklistCondition.Always)]
    [InlineData("client-business", "know-the-clients-business", ChecklistCondition.Always)]
    [InlineData("open-promises", "open-items-are-remembered", ChecklistCondition.OpenPromises)]
    [InlineData("bad-news", "tell-bad-news-truthfully", ChecklistCondition.Always)]
    [InlineData("unknown-answers", "i-dont-know-ill-find-out", ChecklistCondition.Always)]
    [InlineData("battles", "pick-battles-you-can-win", ChecklistCondition.Always)]
    [InlineData("executive-needs", "play-the-person-not-the-game", ChecklistCondition.ClientExecutive)]
    public void PreMeeting_HasTheIssuesItem_WithItsPrincipleAndCondition(string id, string principle, ChecklistCondition when)
    {
        var item = Repo().PreMeeting.Find(id);

        Assert.NotNull(item);
        Assert.Contains(principle, item.Principles);
        Assert.Equal(when, item.When);
    }

    [Fact]
    public void PreMeeting_AsksTheVoiceQuestions_InTheirWords()
    {
        var pre = Repo().PreMeeting;

        Assert.StartsWith("Who comes with you, and why, in two sentences each?", pre.Find("our-attendees")!.Question.En);
        Assert.Contains("need from the meeting to look good", pre.Find("executive-needs")!.Question.En);
        Assert.Contains("I don't know — I'll find out and call you back", pre.Find("unknown-answers")!.Question.En);
        Assert.Contains("lying to themselves", Repo().Debrief.Find("went-wrong")!.Question.En);
    }

    [Fact]
    public void Load_ReadsTheCopyInTheBuildOutput_WhenNoDirectoryIsGiven()
    {
        var fromOutput = MeetingChecklists.Load(null, Catalog.Value);

        Assert.Equal(Repo().PreMeeting.Items.Select(i => i.Id), fromOutput.PreMeeting.Items.Select(i => i.Id));
    }

    [Fact]
    public void Validate_ReportsUnknownPrinciple_WhenAnItemCitesOne()
    {
        var checklist = Checklist.Parse($$"""{ "id": "x", "items": [ {{ValidItem.Replace("prepare-for-every-meeting", "no-such-principle")}} ] }""");

        var errors = checklist.Validate(Catalog.Value);

        Assert.Contains(errors, e => e.Contains("unknown principle 'no-such-principle'"));
    }

    [Theory]
    [InlineData("\"ru\": \"Метка\"", "\"ru\": \"\"", "label needs both en and ru")]
    [InlineData("Как насчёт {0}?", "Как насчёт тебя?", "different placeholders")]
    [InlineData("Как насчёт {0}?", "Как насчёт {0} и тебя?", "uses «ты»")]
    [InlineData("\"principles\": [\"prepare-for-every-meeting\"]", "\"principles\": []", "cites no principle")]
    [InlineData("\"id\": \"a-b\"", "\"id\": \"A_b\"", "kebab-case")]
    public void Validate_ReportsTheProblem_WhenAnItemIsBroken(string good, string bad, string expected)
    {
        var checklist = Checklist.Parse($$"""{ "id": "x", "items": [ {{ValidItem.Replace(good, bad)}} ] }""");

        Assert.Contains(checklist.Validate(Catalog.Value), e => e.Contains(expected));
        Assert.Empty(Checklist.Parse($$"""{ "id": "x", "items": [ {{ValidItem}} ] }""").Validate(Catalog.Value));
    }

    [Fact]
    public void Validate_ReportsMissingItem_WhenTheCodeReliesOnIt()
    {
        var checklist = Checklist.Parse($$"""{ "id": "x", "items": [ {{ValidItem}} ] }""");

        Assert.Contains(checklist.Validate(Catalog.Value, ChecklistItemIds.PreMeetingRequired), e => e.Contains("'our-attendees' is missing"));
    }

    [Fact]
    public void Parse_Throws_WhenConditionIsUnknown()
    {
        var json = $$"""{ "id": "x", "items": [ {{ValidItem.Replace("\"principles\"", "\"when\": \"someday\", \"principles\"")}} ] }""";

        Assert.Throws<InvalidDataException>(() => Checklist.Parse(json));
    }

    [Fact]
    public void ItemsFor_AsksNeverAloneAndExecutive_OnlyWhenTheyApply()
    {
        var pre = Repo().PreMeeting;

        var plain = pre.ItemsFor(new ChecklistSituation(Important: false, ClientExecutive: false, OpenPromises: false)).Select(i => i.Id).ToList();
        var full = pre.ItemsFor(new ChecklistSituation(Important: true, ClientExecutive: true, OpenPromises: true)).Select(i => i.Id).ToList();

        Assert.DoesNotContain("our-attendees", plain);
        Assert.DoesNotContain("executive-needs", plain);
        Assert.DoesNotContain("open-promises", plain);
        Assert.Equal(pre.Items.Select(i => i.Id), full);
    }

    [Fact]
    public void MeetingPrincipleIds_ExistInTheCatalog_ForEveryConstant()
    {
        var ids = typeof(MeetingPrincipleIds).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetRawConstantValue()!).ToList();

        Assert.NotEmpty(ids);
        Assert.All(ids, id => Assert.True(Catalog.Value.Contains(id), $"unknown principle {id}"));
    }

    [Fact]
    public void Questions_ReadNaturally_InBothLanguages()
    {
        foreach (var item in Repo().PreMeeting.Items.Concat(Repo().Debrief.Items))
        {
            Assert.Equal(Language.Ru, LanguageExtensions.FromScript(item.Question.Ru));
            Assert.Equal(Language.En, LanguageExtensions.FromScript(item.Question.En));
            Assert.True(item.Question.En.Length <= 200, $"{item.Id}: too long for a phone screen");
        }
    }
}
