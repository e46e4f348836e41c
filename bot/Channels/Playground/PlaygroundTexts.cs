using AccountCoachBot.Conversation;

namespace AccountCoachBot.Channels.Playground;

internal static class PlaygroundTexts
{
    public static readonly Text Title = new("AccountCoachBot — playground", "AccountCoachBot — песочница");
    public static readonly Text Note = new(
        "Runs on this computer only. Type “help” to start.",
        "Работает только на этом компьютере. Напишите «помощь», чтобы начать.");
    public static readonly Text Language = new("Language", "Язык");
    public static readonly Text Unavailable = new(
        "Web Chat did not load. Check Playground:WebChatScriptUrl.",
        "Web Chat не загрузился. Проверьте Playground:WebChatScriptUrl.");
    public static readonly Text NotStarted = new(
        "The bot did not start a conversation. Reload the page to try again.",
        "Бот не начал разговор. Обновите страницу, чтобы попробовать снова.");
}
