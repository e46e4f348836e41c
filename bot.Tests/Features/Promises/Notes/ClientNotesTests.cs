using AccountCoachBot.Features.People;
using AccountCoachBot.Features.Promises;
using AccountCoachBot.Features.Promises.Notes;

namespace AccountCoachBot.Tests.Features.Promises.Notes;

/// <summary>
/// Notes to a client compared with sentences written by hand: with and without a contact, dates this week, next month
/// and next year, both languages, both genders and none, client names of different declension shapes.
/// </summary>
public sealed class ClientNotesTests
{
    // Tue 3 Nov 2026; dues at 17:00 in the person's zone.
    private static readonly DateTime Now = new(2026, 11, 3, 9, 0, 0, DateTimeKind.Utc);

    private static DateTime Day(string iso) => DateTime.SpecifyKind(DateTime.Parse(iso, System.Globalization.CultureInfo.InvariantCulture).AddHours(17), DateTimeKind.Utc);

    private static NoteAuthor Author(string language, string gender) => new(
        language == "ru" ? Language.Ru : Language.En,
        gender switch { "m" => GrammaticalGender.Masculine, "f" => GrammaticalGender.Feminine, _ => GrammaticalGender.Unknown },
        TimeZoneInfo.Utc, Now);

    private static Promise Promise(string account, string? contact, string what, string due) =>
        new() { Number = 3, What = what, Contact = contact, DueUtc = Day(due), Account = new Account { Name = account } };

    public static TheoryData<string, string, string, string?, string, string, string, string, string> Moves => new()
    {
        { "en", "-", "Acme", "Olga", "send the revised quote", "2026-11-05", "2026-11-06", "legal needs another day to review the discount clause",
            "Olga, I promised to send you the revised quote by Thursday, 5 November. I need until Friday, 6 November, because legal needs another day to review the discount clause. Sorry for the delay, and thank you for your patience." },
        { "en", "-", "Acme", null, "prepare the contract draft", "2026-12-01", "2026-12-04", "because the pricing data comes on Monday.",
            "I promised to prepare the contract draft by Tuesday, 1 December. I need until Friday, 4 December, because the pricing data comes on Monday. Sorry for the delay, and thank you for your patience." },
        { "en", "m", "Acme", "Ivan", "send the signed NDA", "2027-01-05", "2027-01-08", "Our lawyer is away",
            "Ivan, I promised to send you the signed NDA by Tuesday, 5 January 2027. I need until Friday, 8 January 2027, because our lawyer is away. Sorry for the delay, and thank you for your patience." },
        { "en", "f", "Globex", null, "call back about the renewal", "2026-11-05", "2026-11-06", "Due to the audit",
            "I promised to call you back about the renewal by Thursday, 5 November. I need until Friday, 6 November, due to the audit. Sorry for the delay, and thank you for your patience." },
        { "ru", "-", "Ромашка", "Ольга", "прислать акт сверки", "2026-11-05", "2026-11-06", "бухгалтерия не успевает закрыть месяц",
            "Ольга, добрый день! По нашей договорённости мне нужно прислать вам акт сверки до четверга, 5 ноября. Прошу перенести срок на пятницу, 6 ноября, потому что бухгалтерия не успевает закрыть месяц. Извините за задержку и спасибо за понимание." },
        { "ru", "m", "Северсталь", "Иван", "подготовить договор", "2026-12-01", "2026-12-04", "Потому что юристам нужен ещё день.",
            "Иван, добрый день! Я обещал подготовить договор до вторника, 1 декабря. Прошу перенести срок на пятницу, 4 декабря, потому что юристам нужен ещё день. Извините за задержку и спасибо за понимание." },
        { "ru", "f", "Василёк", "Любовь", "отправить КП", "2027-01-05", "2027-01-08", "из-за праздников склад закрыт",
            "Любовь, добрый день! Я обещала отправить вам КП до вторника, 5 января 2027 года. Прошу перенести срок на пятницу, 8 января 2027 года, из-за праздников склад закрыт. Извините за задержку и спасибо за понимание." },
        { "ru", "f", "Газпром нефть", null, "прислать расчёт скидки", "2026-11-05", "2026-11-06", "так как данные от склада ещё не пришли",
            "Добрый день! Я обещала прислать вам расчёт скидки до четверга, 5 ноября. Прошу перенести срок на пятницу, 6 ноября, так как данные от склада ещё не пришли. Извините за задержку и спасибо за понимание." },
        { "ru", "m", "Дикси", "Илья", "перезвонить по условиям поставки", "2026-12-01", "2026-12-04", "т.к. директор в отъезде",
            "Илья, добрый день! Я обещал перезвонить вам по условиям поставки до вторника, 1 декабря. Прошу перенести срок на пятницу, 4 декабря, потому что директор в отъезде. Извините за задержку и спасибо за понимание." },
        { "ru", "-", "Дикси", null, "прислать Ромашке образцы", "2027-01-05", "2027-01-08", "-",
            "Добрый день! По нашей договорённости мне нужно прислать Ромашке образцы до вторника, 5 января 2027 года. Прошу перенести срок на пятницу, 8 января 2027 года. Извините за задержку и спасибо за понимание." },
    };

    [Theory]
    [MemberData(nameof(Moves))]
    public void Move_ReadsAsWrittenByHand_ForEachLanguageGenderAndDate(
        string language, string gender, string account, string? contact, string what, string oldDue, string newDue, string reason, string expected)
    {
        var note = ClientNotes.Move(Author(language, gender), Promise(account, contact, what, oldDue), Day(oldDue), Day(newDue), reason);

        Assert.Equal(expected, note);
        NoteQuality.AssertSendable(note);
    }

    public static TheoryData<string, string, string, string?, string, string, string, string> Cancels => new()
    {
        { "en", "-", "Acme", "Olga", "send the revised quote", "2026-11-05", "the project was put on hold",
            "Olga, I promised to send you the revised quote by Thursday, 5 November. I'm afraid I won't be able to do it, because the project was put on hold. I'm sorry for the change of plans, and thank you for understanding." },
        { "en", "-", "Acme", null, "prepare the contract draft", "2027-01-05", "-",
            "I promised to prepare the contract draft by Tuesday, 5 January 2027. I'm afraid I won't be able to do it. I'm sorry for the change of plans, and thank you for understanding." },
        { "ru", "-", "Ромашка", "Ольга", "прислать акт сверки", "2026-11-05", "склад закрыт на инвентаризацию",
            "Ольга, добрый день! По нашей договорённости мне нужно прислать вам акт сверки до четверга, 5 ноября. К сожалению, сделать это не получится, потому что склад закрыт на инвентаризацию. Извините за изменение планов и спасибо за понимание." },
        { "ru", "f", "Газпром нефть", null, "подготовить договор", "2027-01-05", "Проект заморожен",
            "Добрый день! Я обещала подготовить договор до вторника, 5 января 2027 года. К сожалению, сделать это не получится, потому что проект заморожен. Извините за изменение планов и спасибо за понимание." },
        { "ru", "m", "Северсталь", "Любовь", "показать демо", "2026-12-01", "потому, что Любовь просила перенести показ на весну",
            "Любовь, добрый день! Я обещал показать вам демо до вторника, 1 декабря. К сожалению, сделать это не получится, потому что Любовь просила перенести показ на весну. Извините за изменение планов и спасибо за понимание." },
    };

    [Theory]
    [MemberData(nameof(Cancels))]
    public void Cancel_ReadsAsWrittenByHand_ForEachLanguageGenderAndDate(
        string language, string gender, string account, string? contact, string what, string due, string reason, string expected)
    {
        var note = ClientNotes.Cancel(Author(language, gender), Promise(account, contact, what, due), reason);

        Assert.Equal(expected, note);
        NoteQuality.AssertSendable(note);
    }

    [Fact]
    public void FollowUp_ListsEachPromiseWithItsDate_InEnglish()
    {
        var note = ClientNotes.FollowUp(Author("en", "-"),
            [Promise("Acme", null, "prepare the contract draft", "2026-12-01"), Promise("Acme", null, "send the revised quote", "2026-11-06")]);

        Assert.Equal("Thank you for the meeting. As agreed, I will send you the revised quote by Friday, 6 November, and prepare the contract draft by Tuesday, 1 December. If I have missed anything, please let me know.", note);
        NoteQuality.AssertSendable(note);
    }

    [Fact]
    public void FollowUp_GreetsTheContact_WhenEveryPromiseIsToThem()
    {
        var note = ClientNotes.FollowUp(Author("en", "f"), [Promise("Acme", "Olga", "send the revised quote", "2026-11-06")]);

        Assert.Equal("Olga, thank you for the meeting. As agreed, I will send you the revised quote by Friday, 6 November. If I have missed anything, please let me know.", note);
        NoteQuality.AssertSendable(note);
    }

    [Theory]
    [InlineData("-")]
    [InlineData("f")]
    public void FollowUp_ListsEachPromiseWithItsDate_InRussianWithoutGender(string gender)
    {
        var note = ClientNotes.FollowUp(Author("ru", gender),
        [
            Promise("Ромашка", null, "прислать акт сверки", "2026-11-06"),
            Promise("Ромашка", null, "подготовить договор", "2026-12-01"),
            Promise("Ромашка", null, "позвонить по поставкам", "2027-01-08"),
        ]);

        Assert.Equal("Добрый день! Спасибо за встречу. Как договорились, с моей стороны: прислать вам акт сверки до пятницы, 6 ноября, подготовить договор до вторника, 1 декабря, и позвонить вам по поставкам до пятницы, 8 января 2027 года. Если что-то упущено, напишите, пожалуйста.", note);
        NoteQuality.AssertSendable(note);
    }
}
