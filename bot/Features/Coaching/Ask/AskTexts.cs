using AccountCoachBot.Conversation;

namespace AccountCoachBot.Features.Coaching.Ask;

internal static class AskTexts
{
    public static readonly Text Usage = new(
        "Ask me about a situation with a client, e.g. `ask the client demands 30% off or they walk`, or just type the question.",
        "Спросите меня о ситуации с клиентом, например `вопрос клиент требует скидку 30%, иначе уходит`, или просто напишите вопрос.");

    public static readonly Text Title = new("Principles that fit", "Какие принципы подходят");

    public static readonly Text Intro = new(
        "From the coach's principles, the ones that fit best:",
        "Из принципов коуча лучше всего подходят эти:");

    public static readonly Text NextStep = new("Next step: {0}", "Следующий шаг: {0}");

    public static readonly Text Why = new("Why {0}?", "Почему {0}?");

    public static readonly Text NothingFits = new(
        "Nothing in my principles fits this question, and I won't make one up. Tell me about the situation with the client — a delay, a discount, bad news, a big meeting, a client who went quiet — and I'll find what applies.",
        "Ни один из моих принципов не подходит к этому вопросу, а придумывать я не стану. Опишите ситуацию с клиентом — задержку, скидку, плохие новости, важную встречу, клиента, который замолчал, — и я подберу, что применимо.");
}
