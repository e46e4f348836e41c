using System.Text.Json;
using AccountCoachBot.Ai.Extraction;
using AccountCoachBot.Features.People;
using AccountCoachBot.Features.Promises.Parsing;

namespace AccountCoachBot.Tests.Ai;

/// <summary>What code believes of the model's reading, and how it meets the parser's.</summary>
public sealed class ExtractionRulesTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    // Wed 4 Mar 2026, 10:00 Berlin.
    private static readonly ParseContext Context = new(new DateTimeOffset(2026, 3, 4, 10, 0, 0, TimeSpan.FromHours(1)), Berlin, ["Acme", "Ромашка"], WorkingHours.Default);

    private static ExtractedPromise? Validate(string text, string? account = "Acme", string? action = "send the SLA", string? due = "2026-03-12", string? contact = null, bool isPromise = true) =>
        PromiseExtractor.Validate(JsonSerializer.SerializeToElement(new { isPromise, account, contact, action, due }), text, Context);

    [Fact]
    public void Validate_TakesTheOwnClientsSpelling_AndEndOfWorkingDay()
    {
        var read = Validate("told acme I'd send the SLA by the 12th", account: "ACME");

        Assert.Equal("Acme", read!.Account);
        Assert.True(read.IsKnownAccount);
        Assert.Equal(new DateTime(2026, 3, 12, 17, 0, 0, DateTimeKind.Utc), read.DueUtc);
    }

    [Fact]
    public void Validate_KeepsANewClient_OnlyWhenTheMessageNamesIt()
    {
        Assert.Equal("Globex", Validate("I'll send Globex the SLA", account: "Globex")!.Account);
        Assert.Null(Validate("I'll send them the SLA by the 12th", account: "Initech")!.Account);
        Assert.Equal("Ромашка", Validate("обещал Ромашке прислать КП", account: "Ромашка")!.Account);
    }

    [Theory]
    [InlineData("2026-03-01")]          // past
    [InlineData("2027-06-01")]          // more than a year ahead
    [InlineData("next Thursday")]       // not a date
    [InlineData("2026-03-04T09:00")]    // earlier today
    public void Validate_DropsADueOutsideTheSaneRange(string due)
    {
        Assert.Null(Validate("I'll send Acme the SLA", due: due)!.DueUtc);
    }

    [Fact]
    public void Validate_TakesATimeWhenOneIsSaid()
    {
        Assert.Equal(new DateTime(2026, 3, 5, 8, 30, 0, DateTimeKind.Utc), Validate("Acme, tomorrow 9:30", due: "2026-03-05T09:30")!.DueUtc);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    public void Validate_RefusesAnEmptyAction(string? action)
    {
        Assert.Null(Validate("I'll send Acme the SLA", action: action));
    }

    [Fact]
    public void Validate_RefusesWhatIsNotAPromise_OrHasNeitherClientNorDate()
    {
        Assert.Null(Validate("I'll send Acme the SLA", isPromise: false));
        Assert.Null(Validate("I'll send them something", account: "Initech", due: null));
    }

    [Fact]
    public void Validate_DropsAContactTheMessageDoesNotName()
    {
        Assert.Equal("Olga", Validate("told Olga at Acme", contact: "Olga")!.Contact);
        Assert.Equal("Ольга", Validate("обещал Ольге из Ромашки", account: "Ромашка", contact: "Ольга")!.Contact);
        Assert.Null(Validate("told Acme", contact: "Boris")!.Contact);
    }

    private static PromiseParse Parsed(string? account, bool known, DateTimeOffset? due) => new(true, account, known, "send the draft", due, Language.En);

    [Fact]
    public void Readings_FillTheParsersGapsFromTheModel_WhenTheyAgree()
    {
        var model = new ExtractedPromise("Acme", true, "Olga", "send over the draft", new DateTime(2026, 3, 6, 17, 0, 0, DateTimeKind.Utc));

        var reading = Assert.Single(PromiseReconciler.Readings(Parsed("Acme", true, null), model));

        Assert.Equal("send the draft", reading.Action); // the parser's words where it has them
        Assert.Equal("Olga", reading.Contact);
        Assert.Equal(model.DueUtc, reading.DueUtc);
    }

    [Fact]
    public void Readings_OfferBoth_WhenTheClientsDiffer()
    {
        var model = new ExtractedPromise("Acme", true, null, "send the draft", null);

        var readings = PromiseReconciler.Readings(Parsed("Globex", false, new DateTimeOffset(2026, 3, 6, 18, 0, 0, TimeSpan.FromHours(1))), model);

        Assert.Equal(["Globex", "Acme"], readings.Select(r => r.Account));
        Assert.All(readings, r => Assert.NotNull(r.DueUtc)); // the date both agree on is in both
    }

    [Fact]
    public void Readings_AreTheModelsAlone_WhenTheParserFoundNoPromise()
    {
        var model = new ExtractedPromise("Acme", true, null, "send the draft", null);

        Assert.Equal(model.Account, Assert.Single(PromiseReconciler.Readings(PromiseParse.None(Language.En), model)).Account);
        Assert.Empty(PromiseReconciler.Readings(PromiseParse.None(Language.En), null));
    }
}
