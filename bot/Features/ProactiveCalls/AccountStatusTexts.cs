using AccountCoachBot.Conversation;

namespace AccountCoachBot.Features.ProactiveCalls;

internal static class AccountStatusTexts
{
    public static readonly Text LostNeedsReason = new(
        "Say why in a few words, so the team can learn from it: `account {0} lost: chose a cheaper vendor`.",
        "Напишите коротко, почему, — команде пригодится: `клиент {0} ушёл: выбрали поставщика дешевле`.");
    public static readonly Text Lost = new(
        "Marked {0} lost ({1}). No more call nudges for it; `account {0} won back` if they return.",
        "{0}: отмечено, что клиент ушёл ({1}). Напоминаний о звонках больше не будет; если вернётся — `клиент {0} вернулся`.");
    public static readonly Text AlreadyLost = new(
        "{0} is already marked lost since {1}.",
        "{0} уже отмечен как ушедший, с {1}.");
    public static readonly Text WonBack = new(
        "Welcome back, {0}: call nudges are on again, counted from today.",
        "{0} снова с вами: напоминания о звонках снова включены, отсчёт с сегодняшнего дня.");
    public static readonly Text NotLost = new(
        "{0} isn't marked lost: nothing to change.",
        "{0} не отмечен как ушедший: менять нечего.");
    public static readonly Text ListLost = new("lost {0}: {1}", "ушёл {0}: {1}");
}
