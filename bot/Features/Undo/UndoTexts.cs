using AccountCoachBot.Conversation;

namespace AccountCoachBot.Features.Undo;

internal static class UndoTexts
{
    public static readonly Text Button = new("Undo", "Вернуть как было");
    public static readonly Text NothingToUndo = new("Nothing to undo.", "Отменять нечего.");
    public static readonly Text NothingMore = new("Nothing more to undo: only the last change can be taken back.", "Больше отменять нечего: вернуть можно только последнее изменение.");
    public static readonly Text TooOld = new("Your last change was more than 10 minutes ago, so it stays. `promises` shows where things stand.",
        "Последнее изменение было больше 10 минут назад, оно останется. `обещания` покажет, что сейчас открыто.");
    public static readonly Text NotYours = new("That change isn't yours to undo; nothing changed.", "Это изменение не ваше, отменить его нельзя; ничего не изменил.");
    public static readonly Text NotLast = new("Only the last change can be undone, and that one isn't it; nothing changed.",
        "Вернуть можно только последнее изменение, а это не оно; ничего не изменил.");
}
