using AccountCoachBot.Conversation;

namespace AccountCoachBot.Ai;

/// <summary>What the bot says about and around the model's work.</summary>
public static class AiTexts
{
    public static readonly Text Thinking = new("One moment — reading that…", "Секунду, читаю…");

    public static readonly Text ProposalTitle = new("Did you promise this? (read by AI — check it)", "Это ваше обещание? (прочитано ИИ — проверьте)");

    public static readonly Text TwoReadingsTitle = new(
        "I can read this two ways. Which is right? (read by AI — check it)",
        "Это можно понять двояко. Как верно? (прочитано ИИ — проверьте)");

    public static readonly Text Save = new("Save", "Сохранить");

    public static readonly Text SaveReading = new("Save {0}", "Сохранить {0}");

    public static readonly Text NotAPromise = new("Not a promise", "Это не обещание");

    public static readonly Text Dismissed = new("OK, nothing saved.", "Хорошо, ничего не сохраняю.");

    public static readonly Text NoClient = new("client not named", "клиент не назван");

    public static readonly Text NoDate = new("no date yet", "срок не назван");

    public static readonly Text NewClient = new("{0} (new client)", "{0} (новый клиент)");

    public static readonly Text AnswerTitle = new("The coach's answer (AI-written — check it):", "Ответ коуча (написано ИИ — проверьте):");

    public static readonly Text BriefSummaryTitle = new("Summary (AI-written — check it):", "Кратко (написано ИИ — проверьте):");
}
