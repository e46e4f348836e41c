using AccountCoachBot.Conversation;
using AccountCoachBot.Features.People;
using AccountCoachBot.Features.Promises;
using AccountCoachBot.Tests.Features.MeetingPrep;
using AccountCoachBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AccountCoachBot.Tests.Features.Promises.Notes;

/// <summary>Notes as a new user gets them through the chat: a reminder, a new date, a reason, the note; `note N` later.</summary>
public sealed class NoteFlowTests : IAsyncLifetime
{
    private CoachTestHost _host = null!;

    // Wed 2026-03-04 10:00 Berlin.
    public async Task InitializeAsync() => _host = await CoachTestHost.StartAsync(new DateTimeOffset(2026, 3, 4, 9, 0, 0, TimeSpan.Zero));

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private Task<IReadOnlyList<Reply>> RuAsync(string text) => _host.SayAsync(text, locale: "ru-RU");

    private Task<Person> PersonAsync() => _host.WithDbAsync(db => db.People.SingleAsync());

    private const string MoveNote = "I promised to send you the revised quote by Thursday, 5 March. I need until Friday, 6 March, because legal needs another day to review the discount clause. Sorry for the delay, and thank you for your patience.";

    [Fact]
    public async Task Reminder_NewDateFridayAndReason_GiveANoteReadyToSend()
    {
        await _host.SayAsync("promise Acme: send the revised quote by Thursday");
        var before = await _host.WithDbAsync(db => db.Outbox.SingleAsync(o => o.Kind == ReminderPolicy.BeforeKind));
        _host.Time.SetUtcNow(new DateTimeOffset(before.DueUtc, TimeSpan.Zero));
        await _host.Dispatcher.RunAsync();
        var reminder = Assert.Single(_host.Sender.Sent).Reply;
        Assert.StartsWith("Due today at 18:00: send the revised quote (Acme).", reminder.Text);

        var newDate = reminder.Card!.Actions.Single(a => a.Id == PromiseActions.Move);
        Assert.Equal("New date", (await _host.PressAsync(newDate.Id, newDate.Payload.ToDictionary()))[^1].Text);
        Assert.StartsWith("Why the change?", (await _host.SayAsync("Friday"))[^1].Text);
        var moved = (await _host.SayAsync("Because legal needs another day to review the discount clause."))[^1];

        Assert.StartsWith("Moved to Fri 6 Mar. Tell Acme today, before Thu 5 Mar passes", moved.Card!.Title);
        Assert.Equal(new CardNote("Ready to send:", MoveNote), moved.Card.Note);
        Assert.Contains(MoveNote, moved.Text);
        Assert.Empty(moved.Card.Lines); // English notes need no gender: nothing asked
        NoteQuality.AssertSendable(moved.Card.Note!.Text);
    }

    [Fact]
    public async Task Note_GivesTheLastNoteAgain_ByThePromisesOwnNumber()
    {
        await _host.SayAsync("promise Acme: send the revised quote by Thursday");
        await _host.SayAsync("promise Globex: send the deck by Friday");
        await _host.SayAsync("move 1 to Friday because legal needs another day to review the discount clause");

        var again = (await _host.SayAsync("note 1"))[^1];

        Assert.Equal("The note about moving promise #1 to Fri 6 Mar:", again.Card!.Title);
        Assert.Equal(MoveNote, again.Card.Note!.Text);
        Assert.Equal("Promise #2 has no note yet: I write one when you move it to a new date or cancel it.", (await _host.SayAsync("note 2"))[^1].Text);
        Assert.Equal("I can't find promise #7 among yours. Type `promises` to see them.", (await _host.SayAsync("note #7"))[^1].Text);
        Assert.Equal("Which one? Add its number, e.g. `note 3`. `promises` shows the numbers.", (await _host.SayAsync("note"))[^1].Text);
    }

    [Fact]
    public async Task Note_ForAnotherPersonsNumber_FindsOnlyTheirOwn()
    {
        await _host.SayAsync("promise Acme: send the revised quote by Thursday");
        await _host.SayAsync("move 1 to Friday because legal needs another day");

        var reply = (await _host.SayAsync("note 1", user: "ivan"))[^1];

        Assert.Equal("I can't find promise #1 among yours. Type `promises` to see them.", reply.Text);
    }

    [Fact]
    public async Task Cancel_GivesANoteSayingWhy_AndNoteGivesItAgain()
    {
        await _host.SayAsync("promise Acme: prepare the contract draft by Thursday");

        var cancelled = (await _host.SayAsync("cancel 1: the project was put on hold"))[^1];

        const string note = "I promised to prepare the contract draft by Thursday, 5 March. I'm afraid I won't be able to do it, because the project was put on hold. I'm sorry for the change of plans, and thank you for understanding.";
        Assert.Equal("Cancelled: prepare the contract draft. Tell Acme today, and say why.", cancelled.Card!.Title);
        Assert.Equal(note, cancelled.Card.Note!.Text);
        Assert.Contains(cancelled.Card.Actions, a => a.Id == AccountCoachBot.Features.Undo.UndoCommands.Action);
        var again = (await _host.SayAsync("note 1"))[^1];
        Assert.Equal("The note about cancelling promise #1:", again.Card!.Title);
        Assert.Equal(note, again.Card.Note!.Text);
    }

    [Fact]
    public async Task Russian_AsksGenderOnce_ThenWritesInTheFirstPerson()
    {
        await RuAsync("Обещал Ольге из Ромашки прислать акт сверки до пятницы");
        await RuAsync("да");

        var moved = (await RuAsync("перенести 1 на понедельник, потому что бухгалтерия не успевает закрыть месяц"))[^1];

        Assert.StartsWith("Перенесено на пн, 9 мар. Скажите Ольге сегодня", moved.Card!.Title);
        Assert.Equal("Ольга, добрый день! По нашей договорённости мне нужно прислать вам акт сверки до пятницы, 6 марта. Прошу перенести срок на понедельник, 9 марта, потому что бухгалтерия не успевает закрыть месяц. Извините за задержку и спасибо за понимание.",
            moved.Card.Note!.Text);
        Assert.Equal(["Если хотите, чтобы заметки звучали от первого лица, «я обещал» или «я обещала», напишите `пол м` или `пол ж`."], moved.Card.Lines);
        Assert.True((await PersonAsync()).GenderAsked);

        Assert.Equal("Запомнил: в заметках буду писать «я обещала».", (await RuAsync("пол ж"))[^1].Text);
        Assert.Equal(GrammaticalGender.Feminine, (await PersonAsync()).Gender);
        var again = (await RuAsync("заметка 1"))[^1];
        Assert.Equal("Заметка о переносе обещания №1 на пн, 9 мар.:", again.Card!.Title);
        Assert.StartsWith("Ольга, добрый день! Я обещала прислать вам акт сверки до пятницы, 6 марта. Прошу перенести срок", again.Card.Note!.Text);

        await RuAsync("пол нет");
        var movedAgain = (await RuAsync("перенести 1 на вторник, так как ждём подписи директора"))[^1];
        Assert.Empty(movedAgain.Card!.Lines); // asked once only
        // The typed command takes its connective off the reason; the note puts one back.
        Assert.Contains("Прошу перенести срок на вторник, 10 марта, потому что ждём подписи директора.", movedAgain.Card.Note!.Text);
        NoteQuality.AssertSendable(movedAgain.Card.Note.Text);
    }

    [Theory]
    [InlineData("gender x", "Say `gender m` or `gender f` (or `gender none`): notes in Russian then say «я обещал» or «я обещала».")]
    [InlineData("gender m", "Noted: notes in Russian will say «я обещал».")]
    public async Task Gender_AnswersPolitely_AndChangesOnlyOnAKnownWord(string command, string expected)
    {
        Assert.Equal(expected, (await _host.SayAsync(command))[^1].Text);

        Assert.Equal(command.EndsWith('m') ? GrammaticalGender.Masculine : GrammaticalGender.Unknown, (await PersonAsync()).Gender);
    }

    [Fact]
    public async Task Settings_ShowsTheGenderForNotes()
    {
        await RuAsync("пол м");

        var settings = (await RuAsync("настройки"))[^1];

        Assert.Contains(settings.Card!.Facts, f => f.Label == "Пол для заметок" && f.Value == "мужской");
    }

    [Fact]
    public async Task NoteToSelf_StaysAPromise_WhenNoNumberFollowsTheWord()
    {
        await _host.SayAsync("promise Acme: send the deck by Thursday");

        var saved = (await _host.SayAsync("note to self: send Acme the revised quote by Friday"))[^1];

        Assert.DoesNotContain("Which one?", saved.Text);
        Assert.Equal(2, await _host.WithDbAsync(db => db.Promises.CountAsync()));
    }

    [Fact]
    public async Task Debrief_GivesAFollowUpForTheClient_ListingWhatWasPromised()
    {
        await _host.SayAsync("meeting Acme 2026-03-05 15:00");
        _host.Time.SetUtcNow(new DateTimeOffset(2026, 3, 5, 15, 0, 0, TimeSpan.Zero));

        var (_, last) = await _host.AnswerStepsAsync((await _host.SayAsync("debrief Acme"))[^1], q =>
            q.StartsWith("What did you promise", StringComparison.Ordinal) ? "send the revised quote by Friday\ncall Olga back by 2026-03-10" : "nothing");

        Assert.Equal("Debrief saved: Acme", last.Card!.Title);
        Assert.Equal(new CardNote("Follow-up for the client, ready to send:",
            "Thank you for the meeting. As agreed, I will send you the revised quote by Friday, 6 March, and call Olga back by Tuesday, 10 March. If I have missed anything, please let me know."),
            last.Card.Note);
        Assert.Contains(last.Card.Note!.Text, last.Text);
    }

    [Fact]
    public async Task Debrief_GivesAFollowUpInRussian_WithDatesWrittenOut()
    {
        await RuAsync("встреча Ромашка 2026-03-05 15:00");
        _host.Time.SetUtcNow(new DateTimeOffset(2026, 3, 5, 15, 0, 0, TimeSpan.Zero));

        var reply = (await RuAsync("итоги Ромашка"))[^1];
        for (var guard = 0; guard < 20 && reply.Card?.Lines.Any(l => l.StartsWith("Вопрос ", StringComparison.Ordinal)) == true; guard++)
            reply = (await RuAsync(reply.Card.Title.StartsWith("Что вы обещали", StringComparison.Ordinal)
                ? "прислать акт сверки до пятницы\nподготовить договор до 2026-03-10" : "пропустить"))[^1];

        Assert.Equal(new CardNote("Письмо клиенту по итогам, можно отправить:",
            "Добрый день! Спасибо за встречу. Как договорились, с моей стороны: прислать вам акт сверки до пятницы, 6 марта, и подготовить договор до вторника, 10 марта. Если что-то упущено, напишите, пожалуйста."),
            reply.Card!.Note);
        NoteQuality.AssertSendable(reply.Card.Note!.Text);
    }

    [Theory]
    [InlineData("help promises", "en-US", "`note 3`")]
    [InlineData("помощь обещания", "ru-RU", "`заметка 3`")]
    [InlineData("help settings", "en-US", "`gender f`")]
    [InlineData("помощь настройки", "ru-RU", "`пол ж`")]
    public async Task Help_NamesTheNoteAndGenderCommands(string text, string locale, string mentions)
    {
        Assert.Contains(mentions, (await _host.SayAsync(text, locale: locale))[^1].Text);
    }
}
