using AccountCoachBot.Conversation;

namespace AccountCoachBot.Channels.Slack;

internal static class SlackTexts
{
    public static readonly Text Save = new("Save", "Сохранить");
    public static readonly Text Close = new("Cancel", "Отмена");
    public static readonly Text HomeTitle = new("Your open promises", "Ваши открытые обещания");
    public static readonly Text HomeEmpty = new(
        "Nothing open. Tell me what you promised a client — DM me or use `/coach promise Acme: send the revised quote by Friday`.",
        "Открытых обещаний нет. Расскажите, что вы обещали клиенту, — в личном сообщении или `/coach обещание Acme: отправить КП до пятницы`.");
    public static readonly Text HomeHint = new(
        "DM me or use `/coach`: `promises`, `done 3`, `move 3 to Tuesday because …`, `help`.",
        "Пишите мне или используйте `/coach`: `обещания`, `готово 3`, `перенести 3 на вторник, потому что …`, `помощь`.");
}
