using AccountCoachBot.Conversation;

namespace AccountCoachBot.Features.People;

internal static class AccountNameTexts
{
    public static readonly Text Renamed = new("Renamed: {0} is now {1}.", "Переименовал: клиент «{0}» теперь «{1}».");
    public static readonly Text NameTaken = new("You already have a client named {1}. To make them one: `account {0} merge into {1}`.",
        "Клиент «{1}» у вас уже есть. Чтобы сделать их одним клиентом, напишите: `клиент {0} объединить с {1}`.");
    public static readonly Text Merged = new("Done: {0} is now part of {1} — its promises, meetings, calls and cadence moved there.",
        "Готово: клиент «{0}» объединён с «{1}» — его обещания, встречи, звонки и ритм звонков теперь там.");
    public static readonly Text Same = new("{0} and {1} are already one client.", "«{0}» и «{1}» — уже один клиент.");
    public static readonly Text Unknown = new("I can't find a client {0}. `accounts` lists yours.", "Не нахожу клиента «{0}». `клиенты` покажет ваш список.");
    public static readonly Text AddedFromCase = new("Added the new client {0}. If the name is different: `account {0} rename …`.",
        "Записал нового клиента «{0}». Если название другое: `клиент {0} переименовать в …`.");
    public static readonly Text BadName = new("A client's name needs a letter and at most 100 characters.", "В названии клиента нужна хотя бы одна буква и не больше 100 символов.");
}
