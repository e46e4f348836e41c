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

    public static readonly Text DidYouMean = new("Did you mean `{0}`?", "Вы имели в виду `{0}`?");

    private static readonly HashSet<string> CancelWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "cancel", "stop", "never mind", "nevermind", "отмена", "стоп", "не надо",
    };

    public static bool IsCancelWord(string text) => CancelWords.Contains(text.Trim().TrimEnd('.', '!'));
}
