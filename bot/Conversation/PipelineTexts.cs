using AccountCoachBot.Features.People;

namespace AccountCoachBot.Conversation;

internal static class PipelineTexts
{
    public static readonly Text NotUnderstood = new(
        "I didn't catch that. Try: `promise Acme: send the quote by Friday`, or `help`.",
        "Не понял. Попробуйте: `обещание Acme: отправить КП до пятницы` или `помощь`.");

    public static readonly Text UnknownAction = new(
        "That button is no longer active. Type `promises` to see what's open.",
        "Эта кнопка уже не работает. Напишите `обещания`, чтобы увидеть открытые.");

    public static readonly Text PromptDropped = new("OK, dropped.", "Хорошо, отменил.");

    public static readonly Text QuestionDropped = new("Left my last question unanswered.", "Свой прошлый вопрос снимаю.");

    /// <summary>The database is away: nothing of the turn was kept, so the person is asked to send it again.</summary>
    public static readonly Text DatabaseDown = new(
        "Sorry, I can't reach my records right now, so your message wasn't saved. Please send it again in a few minutes.",
        "Извините, сейчас нет доступа к моим записям, поэтому сообщение не сохранилось. Отправьте его, пожалуйста, ещё раз через несколько минут.");

    /// <summary>The database is away, and the message is kept (SQLite's arrivals): it is answered once the database is back.</summary>
    public static readonly Text DatabaseDownKept = new(
        "Sorry, I can't reach my records right now. I have your message and will answer it as soon as I can.",
        "Извините, сейчас нет доступа к моим записям. Ваше сообщение у меня, и я отвечу на него, как только смогу.");

    /// <summary>The language of an apology that cannot read the person's own from the database.</summary>
    public static Language LanguageWithoutRecords(string? text, string? locale) =>
        LanguageExtensions.FromScript(text) ?? LanguageExtensions.FromLocale(locale) ?? Language.En;

    public static readonly Text DidYouMean = new("Did you mean `{0}`?", "Вы имели в виду `{0}`?");

    private static readonly HashSet<string> CancelWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "cancel", "stop", "never mind", "nevermind", "отмена", "стоп", "не надо",
    };

    public static bool IsCancelWord(string text) => CancelWords.Contains(text.Trim().TrimEnd('.', '!'));
}
