using AccountCoachBot.Features.People;

namespace AccountCoachBot.Features.Coaching.Ask;

/// <summary>`help coach`: asking the coach, and the principles behind its nudges.</summary>
internal static class AskHelp
{
    public static readonly HelpTexts.Topic Topic = new(Conversation.VerbTopics.Coach, new("coach", "коуч"), ["ask", "question", "вопрос", "principles", "принципы"],
        new("Ask the coach", "Вопрос коучу"),
        new(
            """
            • `ask <question>` — the three principles that fit your situation best, each with a next step, e.g. `ask the client demands 30% off or they walk`.
            • Or just type the question: "What do I do when a key client goes quiet?"
            • When none of the principles fits, I say so rather than make one up.
            • `why always-do-what-you-say` — one principle in full, with its source.
            """,
            """
            • `вопрос <текст>` — три принципа, которые лучше всего подходят к вашей ситуации, и для каждого следующий шаг, например `вопрос клиент требует скидку 30%, иначе уходит`.
            • Или просто напишите вопрос: «Что делать, если ключевой клиент замолчал?»
            • Если ни один принцип не подходит, я так и скажу, а не стану его придумывать.
            • `почему always-do-what-you-say` — принцип целиком и его источник.
            """),
        new("ask the client demands 30% off or they walk|What do I do when a key client goes quiet?",
            "вопрос клиент требует скидку 30%, иначе уходит|Что делать, если ключевой клиент замолчал?"));
}
