using AccountCoachBot.Conversation;
using AccountCoachBot.Features.People;
using AccountCoachBot.Features.Promises;
using AccountCoachBot.Features.Promises.Notes;

namespace AccountCoachBot.Tests.Features.Promises.Notes;

/// <summary>What the coach says around a note: whom to tell, in the case the Russian sentence needs, for names of every shape.</summary>
public sealed class NoteCardsTests
{
    private static readonly DateTime Now = new(2026, 11, 3, 9, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Thursday = new(2026, 11, 5, 17, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Friday = new(2026, 11, 6, 17, 0, 0, DateTimeKind.Utc);

    private static Person Person(Language language, GrammaticalGender gender = GrammaticalGender.Unknown, bool asked = true) =>
        new() { Language = language, TimeZoneId = "UTC", Gender = gender, GenderAsked = asked };

    private static Promise Promise(string account, string? contact) =>
        new() { Number = 4, What = "прислать акт сверки", Contact = contact, DueUtc = Thursday, Account = new Account { Name = account } };

    [Theory]
    [InlineData("Ромашка", null, "Скажите Ромашке сегодня")]
    [InlineData("Северсталь", null, "Скажите Северстали сегодня")]
    [InlineData("Василёк", null, "Скажите Васильку сегодня")]
    [InlineData("Газпром нефть", null, "Скажите Газпром нефти сегодня")]
    [InlineData("Дикси", null, "Скажите Дикси сегодня")]
    [InlineData("Ромашка", "Ольга", "Скажите Ольге сегодня")]
    [InlineData("Северсталь", "Иван", "Скажите Ивану сегодня")]
    [InlineData("Дикси", "Илья", "Скажите Илье сегодня")]
    [InlineData("Василёк", "Любовь", "Скажите Любови сегодня")]
    public void Moved_TellsWhomInTheDative_ForNamesOfEveryShape(string account, string? contact, string expected)
    {
        var reply = NoteCards.Moved(Person(Language.Ru), Promise(account, contact), Thursday, Friday, "склад закрыт", Now);

        Assert.Equal($"Перенесено на пт, 6 нояб. {expected}, до чт, 5 нояб., и объясните причину одной фразой.", reply.Card!.Title);
        Assert.StartsWith(contact is null ? "Добрый день! По нашей" : $"{contact}, добрый день! По нашей", reply.Card.Note!.Text);
        NoteQuality.AssertSendable(reply.Card.Note.Text);
    }

    [Theory]
    [InlineData("Василёк", null, "Отменено: прислать акт сверки. Скажите Васильку сегодня и объясните почему.")]
    [InlineData("Газпром нефть", "Любовь", "Отменено: прислать акт сверки. Скажите Любови сегодня и объясните почему.")]
    public void Cancelled_TellsWhomInTheDative(string account, string? contact, string expected)
    {
        var reply = NoteCards.Cancelled(Person(Language.Ru, GrammaticalGender.Masculine), Promise(account, contact), "проект заморожен", Now, undo: null);

        Assert.Equal(expected, reply.Card!.Title);
        Assert.Contains("Я обещал прислать вам акт сверки до четверга, 5 ноября. К сожалению, сделать это не получится, потому что проект заморожен.", reply.Card.Note!.Text);
    }

    [Fact]
    public void Moved_AsksTheGenderOnce_OnlyInRussian()
    {
        var english = Person(Language.En, asked: false);
        var russian = Person(Language.Ru, asked: false);

        Assert.Empty(NoteCards.Moved(english, Promise("Acme", null), Thursday, Friday, null, Now).Card!.Lines);
        Assert.Single(NoteCards.Moved(russian, Promise("Ромашка", null), Thursday, Friday, null, Now).Card!.Lines);
        Assert.Empty(NoteCards.Moved(russian, Promise("Ромашка", null), Thursday, Friday, null, Now).Card!.Lines);
        Assert.False(english.GenderAsked);
        Assert.True(russian.GenderAsked);
    }
}
