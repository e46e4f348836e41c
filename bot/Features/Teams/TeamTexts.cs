using AccountCoachBot.Conversation;

namespace AccountCoachBot.Features.Teams;

internal static class TeamTexts
{
    public static readonly Text NotAdmin = new(
        "Only an admin creates teams and names their leads. Ask your admin, or your lead to add you.",
        "Создавать команды и назначать руководителей может только администратор. Обратитесь к нему или к своему руководителю.");
    public static readonly Text CreateUsage = new(
        "Name the team and its lead, e.g. `team create Sales East lead @anna` (or the lead's email).",
        "Назовите команду и руководителя, например: `команда создать Продажи Восток руководитель @anna` (или email руководителя).");
    public static readonly Text LeadUsage = new(
        "Name the team and its new lead, e.g. `team lead Sales East @boris`.",
        "Назовите команду и нового руководителя, например: `команда руководитель Продажи Восток @boris`.");
    public static readonly Text NameTooLong = new("A team name is at most 100 characters.", "Название команды — не длиннее 100 символов.");
    public static readonly Text TeamExists = new("There's already a team called {0}.", "Команда «{0}» уже есть.");
    public static readonly Text Created = new(
        "Created {0}, led by {1}. {1} adds the members: `team add @name`.",
        "Команда «{0}» создана, руководитель — {1}. Участников добавляет руководитель: `команда добавить @имя`.");
    public static readonly Text LeadChanged = new("{1} now leads {0}.", "Теперь командой «{0}» руководит {1}.");
    public static readonly Text UnknownTeam = new("I don't know a team called {0}. Yours: `teams`.", "Команды «{0}» я не знаю. Ваши команды: `команды`.");
    public static readonly Text NotYourTeam = new(
        "You don't lead {0}, so its members are not yours to change. Its lead or an admin can.",
        "Вы не руководите командой «{0}», поэтому менять её состав не можете. Это может её руководитель или администратор.");
    public static readonly Text LeadsNoTeam = new(
        "You don't lead a team, so there is none to change. An admin creates teams and names their leads.",
        "Вы не руководите ни одной командой, поэтому менять нечего. Команды создаёт и руководителей назначает администратор.");
    public static readonly Text WhichTeam = new(
        "You lead {0}: say which, e.g. `team add {1} @boris`.",
        "Вы руководите несколькими командами ({0}): укажите какой, например: `команда добавить {1} @boris`.");
    public static readonly Text AddUsage = new(
        "Who should I add? e.g. `team add @boris @vera` or `team add boris@example.com`.",
        "Кого добавить? Например: `команда добавить @boris @vera` или `команда добавить boris@example.com`.");
    public static readonly Text RemoveUsage = new(
        "Who should I remove? e.g. `team remove @boris`.",
        "Кого убрать? Например: `команда убрать @boris`.");
    public static readonly Text Added = new(
        "Added to {0}: {1}. Each will hear once that you lead the team and what you'll see.",
        "В команду «{0}» добавлены: {1}. Каждому я один раз сообщу, что вы руководитель и что вы будете видеть.");
    public static readonly Text AlreadyIn = new("Already in {0}: {1}.", "Уже в команде «{0}»: {1}.");
    public static readonly Text Removed = new("Removed from {0}: {1}.", "Из команды «{0}» убраны: {1}.");
    public static readonly Text NotIn = new("Not in {0}: {1}.", "Не состоят в команде «{0}»: {1}.");
    public static readonly Text UnknownRef = new(
        "I can't tell who {0} is: mention them so the app turns the name into a link, or write their email.",
        "Не понимаю, кто такой {0}: упомяните человека так, чтобы мессенджер подставил ссылку, или напишите его email.");
    public static readonly Text Foreign = new(
        "{0} is in another workspace or organisation, and I only work with people from this one. Nothing changed.",
        "{0} — из другого рабочего пространства или организации, а я работаю только с людьми из этой. Ничего не изменилось.");
    public static readonly Text NotInAnyTeam = new(
        "You're not in a team yet. An admin creates one: `team create Sales East lead @anna`.",
        "Вы пока не состоите ни в одной команде. Команду создаёт администратор: `команда создать Продажи Восток руководитель @anna`.");
    public static readonly Text NoTeamsYet = new(
        "No teams yet. You're an admin: `team create Sales East lead @anna`.",
        "Команд пока нет. Вы администратор: `команда создать Продажи Восток руководитель @anna`.");
    public static readonly Text YourTeams = new("Your teams", "Ваши команды");
    public static readonly Text AllTeams = new("Teams (you're an admin)", "Команды (вы администратор)");
    public static readonly Text TeamLine = new("{0} — lead: {1}; members: {2}", "«{0}» — руководитель: {1}; участники: {2}");
    public static readonly Text NoLead = new("none yet", "не назначен");
    public static readonly Text NoMembers = new("none yet", "пока никого");
    public static readonly Text NotYetTalked = new(" (hasn't written to me yet)", " (сообщений ещё не было)");

    public static readonly Text Notice = new(
        "You're now in {0}; your lead is {1}. {1} will see your figures, account names, counts and dates — never the text of your promises or briefs.",
        "Вы теперь в команде «{0}», ваш руководитель — {1}. {1} будет видеть ваши показатели, названия клиентов, количества и даты — но никогда не текст ваших обещаний и брифов.");

    /// <summary>Why the figures are these: seed 004, indicators the person controls and can compute.</summary>
    public static readonly Text NoticePrinciple = new(
        "The figures are ones you control and can count yourself.",
        "Это показатели, на которые влияете вы сами и которые можете пересчитать.");
}
