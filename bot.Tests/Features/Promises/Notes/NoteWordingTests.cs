using AccountCoachBot.Features.People;
using AccountCoachBot.Features.Promises.Notes;

namespace AccountCoachBot.Tests.Features.Promises.Notes;

/// <summary>The promise and the reason as clauses of a letter: "send you …", exactly one "because".</summary>
public sealed class NoteWordingTests
{
    [Theory]
    [InlineData("send the revised quote", "en", "send you the revised quote")]
    [InlineData("to send the revised quote.", "en", "send you the revised quote")]
    [InlineData("Send the deck", "en", "send you the deck")]
    [InlineData("send Olga the deck", "en", "send Olga the deck")]
    [InlineData("send them the deck", "en", "send them the deck")]
    [InlineData("send the deck to legal", "en", "send the deck to legal")]
    [InlineData("prepare the contract draft", "en", "prepare the contract draft")]
    [InlineData("call back", "en", "call you back")]
    [InlineData("прислать акт сверки", "ru", "прислать вам акт сверки")]
    [InlineData("отправить КП", "ru", "отправить вам КП")]
    [InlineData("прислать Ольге КП", "ru", "прислать Ольге КП")]
    [InlineData("подготовить договор", "ru", "подготовить договор")]
    public void Action_AddressesTheReader_OnlyWhereTheVerbTakesThem(string what, string language, string expected) =>
        Assert.Equal(expected, NoteWording.Action(what, language == "ru" ? Language.Ru : Language.En));

    [Theory]
    [InlineData("legal needs another day", "en", "because legal needs another day")]
    [InlineData("Legal needs another day.", "en", "because legal needs another day")]
    [InlineData("because legal needs another day", "en", "because legal needs another day")]
    [InlineData("Because, legal needs another day", "en", "because legal needs another day")]
    [InlineData("since the data is late", "en", "because the data is late")]
    [InlineData("b/c the data is late", "en", "because the data is late")]
    [InlineData("because of the audit", "en", "because of the audit")]
    [InlineData("due to the audit", "en", "due to the audit")]
    [InlineData("I'm out sick", "en", "because I'm out sick")]
    [InlineData("NDA is not signed yet", "en", "because NDA is not signed yet")]
    [InlineData("Acme moved the kickoff", "en", "because Acme moved the kickoff")]
    [InlineData("бухгалтерия не успевает", "ru", "потому что бухгалтерия не успевает")]
    [InlineData("Потому что бухгалтерия не успевает.", "ru", "потому что бухгалтерия не успевает")]
    [InlineData("потому, что бухгалтерия не успевает", "ru", "потому что бухгалтерия не успевает")]
    [InlineData("т.к. бухгалтерия не успевает", "ru", "потому что бухгалтерия не успевает")]
    [InlineData("так как бухгалтерия не успевает", "ru", "так как бухгалтерия не успевает")]
    [InlineData("из-за инвентаризации", "ru", "из-за инвентаризации")]
    [InlineData("Ромашка перенесла встречу", "ru", "потому что Ромашка перенесла встречу")]
    [InlineData("Ромашке нужно согласование", "ru", "потому что Ромашке нужно согласование")]
    public void Reason_GetsExactlyOneConnective_WithOrWithoutBecause(string reason, string language, string expected) =>
        Assert.Equal(expected, NoteWording.Reason(reason, language == "ru" ? Language.Ru : Language.En, "Olga", language == "ru" ? "Ромашка" : "Acme"));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" - ")]
    [InlineData("because")]
    [InlineData("нет")]
    public void Reason_IsNone_WhenNothingWasSaid(string? reason) => Assert.Null(NoteWording.Reason(reason, Language.En));
}
