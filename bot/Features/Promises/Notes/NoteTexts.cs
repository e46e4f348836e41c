using AccountCoachBot.Conversation;

namespace AccountCoachBot.Features.Promises.Notes;

/// <summary>
/// The sentences of notes to a client, and what the coach says around them. Russian without a known gender uses
/// phrasing that needs none («По нашей договорённости мне нужно…»); with it, «Я обещал» / «Я обещала».
/// </summary>
internal static class NoteTexts
{
    // The note itself
    public static readonly Text GreetNamed = new("{0}, {1}", "{0}, добрый день! {1}");
    public static readonly Text GreetUnnamed = new("{0}", "Добрый день! {0}");
    public static readonly Text Promised = new("I promised to {0} by {1}.", "По нашей договорённости мне нужно {0} до {1}.");
    public static readonly Text PromisedMasculine = new("I promised to {0} by {1}.", "Я обещал {0} до {1}.");
    public static readonly Text PromisedFeminine = new("I promised to {0} by {1}.", "Я обещала {0} до {1}.");
    public static readonly Text NeedUntil = new("I need until {0}.", "Прошу перенести срок на {0}.");
    public static readonly Text NeedUntilBecause = new("I need until {0}, {1}.", "Прошу перенести срок на {0}, {1}.");
    public static readonly Text MoveApology = new("Sorry for the delay, and thank you for your patience.", "Извините за задержку и спасибо за понимание.");
    public static readonly Text WontDo = new("I'm afraid I won't be able to do it.", "К сожалению, сделать это не получится.");
    public static readonly Text WontDoBecause = new("I'm afraid I won't be able to do it, {0}.", "К сожалению, сделать это не получится, {0}.");
    public static readonly Text CancelApology = new("I'm sorry for the change of plans, and thank you for understanding.", "Извините за изменение планов и спасибо за понимание.");
    public static readonly Text ThanksForMeeting = new("Thank you for the meeting.", "Спасибо за встречу.");
    public static readonly Text AsAgreed = new("As agreed, I will {0}.", "Как договорились, с моей стороны: {0}.");
    public static readonly Text ItemBy = new("{0} by {1}", "{0} до {1}");
    public static readonly Text And = new("and", "и");
    public static readonly Text AnythingMissed = new("If I have missed anything, please let me know.", "Если что-то упущено, напишите, пожалуйста.");

    // Around the note
    public static readonly Text ReadyToSend = new("Ready to send:", "Можно отправить:");
    public static readonly Text CancelledTell = new("Cancelled: {0}. Tell {1} today, and say why.", "Отменено: {0}. Скажите {1} сегодня и объясните почему.");
    public static readonly Text AskGender = new(
        "Notes in Russian can speak in the first person («я обещал» or «я обещала»): say `gender m` or `gender f`.",
        "Если хотите, чтобы заметки звучали от первого лица, «я обещал» или «я обещала», напишите `пол м` или `пол ж`.");

    // `note 3`
    public static readonly Text NoNote = new(
        "Promise #{0} has no note yet: I write one when you move it to a new date or cancel it.",
        "У обещания №{0} пока нет заметки: я пишу её, когда вы переносите обещание на новый срок или отменяете его.");
    public static readonly Text NoteOfMove = new("The note about moving promise #{0} to {1}:", "Заметка о переносе обещания №{0} на {1}:");
    public static readonly Text NoteOfCancel = new("The note about cancelling promise #{0}:", "Заметка об отмене обещания №{0}:");

    // `gender m|f`
    public static readonly Text GenderSetMasculine = new("Noted: notes in Russian will say «я обещал».", "Запомнил: в заметках буду писать «я обещал».");
    public static readonly Text GenderSetFeminine = new("Noted: notes in Russian will say «я обещала».", "Запомнил: в заметках буду писать «я обещала».");
    public static readonly Text GenderCleared = new("Noted: notes in Russian will use phrasing that needs no gender.", "Запомнил: в заметках буду писать без указания рода.");
    public static readonly Text GenderUnknown = new(
        "Say `gender m` or `gender f` (or `gender none`): notes in Russian then say «я обещал» or «я обещала».",
        "Напишите `пол м` или `пол ж` (или `пол нет`): тогда в заметках будет «я обещал» или «я обещала».");
    public static readonly Text SettingsGender = new("Gender for notes in Russian", "Пол для заметок");
    public static readonly Text Masculine = new("male", "мужской");
    public static readonly Text Feminine = new("female", "женский");
    public static readonly Text NotSet = new("not set: `gender m` or `gender f`", "не указан: `пол м` или `пол ж`");
}
