using AccountCoachBot.Conversation;

namespace AccountCoachBot.Features.Digests;

internal static class DigestDeliveryTexts
{
    public static readonly Text LeadsNoTeam = new(
        "Only a team's lead (or an admin, naming the team) changes its weekly digest, and you lead no team.",
        "Еженедельную сводку команды настраивает её руководитель (или администратор, назвав команду), а вы не руководите ни одной командой.");
    public static readonly Text NotYourTeam = new(
        "You don't lead {0}, so its digest is not yours to change. Its lead or an admin can.",
        "Вы не руководите командой «{0}», поэтому её сводку настроить не можете. Это может её руководитель или администратор.");
    public static readonly Text WhichTeam = new(
        "You lead {0}: say which, e.g. `{1} {2}`.",
        "Вы руководите командами: {0}. Уточните, какой, например: `{1} {2}`.");

    public static readonly Text TurnedOff = new(
        "The weekly digest for {0} is off. `digest on` brings it back.",
        "Еженедельная сводка команды «{0}» отключена. Вернуть: `сводка вкл`.");
    public static readonly Text TurnedOn = new(
        "The weekly digest for {0} is on: {1}, {2}. Weeks with nothing to report are skipped.",
        "Еженедельная сводка команды «{0}» включена: {1}, {2}. Если за неделю нечего сообщить, сводки не будет.");
    public static readonly Text Shown = new(
        "Weekly digest for {0}: {1}, {2}.",
        "Еженедельная сводка команды «{0}»: {1}, {2}.");
    public static readonly Text ShownOff = new(
        "Weekly digest for {0}: off (`digest on` to have it again).",
        "Еженедельная сводка команды «{0}»: отключена (`сводка вкл`, чтобы вернуть).");
    public static readonly Text TimeSet = new(
        "The digest for {0} will come {1}.",
        "Сводка команды «{0}» будет приходить {1}.");
    public static readonly Text WhereSet = new(
        "The digest for {0} will come {1}.",
        "Сводка команды «{0}» будет приходить {1}.");
    public static readonly Text PlaceSet = new(
        "The digest for {0} will go to {1}. Make sure I'm in it: {2}.",
        "Сводка команды «{0}» будет приходить в {1}. Пригласите меня туда: {2}.");
    public static readonly Text StillOff = new(
        "It's off for now: `digest on` to start it.",
        "Сейчас она отключена: `сводка вкл`, чтобы включить.");

    public static readonly Text TimeUsage = new(
        "Give a weekday and a time, e.g. `digest time monday 08:30` (the lead's time zone).",
        "Укажите день недели и время, например: `сводка время пн 08:30` (по часовому поясу руководителя).");
    public static readonly Text TimeInvalid = new(
        "{0} is not a time of day: use hours 00–23 and minutes 00–59, e.g. `08:30`.",
        "{0} — не время суток: часы 00–23, минуты 00–59, например `08:30`.");
    public static readonly Text ChannelUsage = new(
        "Say where: `digest channel here` in a Teams channel or group chat, `digest channel #C0123ABCD` for a Slack channel, or `digest channel me` for your chat with me.",
        "Укажите куда: `сводка канал здесь` в канале или групповом чате Teams, `сводка канал #C0123ABCD` для канала Slack или `сводка канал мне` для личного чата со мной.");
    public static readonly Text HereNotShared = new(
        "`here` works in a Teams channel or group chat with me; a Slack channel is named: `digest channel #C0123ABCD`. Your own chat gets the digest anyway.",
        "`здесь` работает в канале или групповом чате Teams со мной; канал Slack нужно назвать: `сводка канал #C0123ABCD`. В ваш личный чат сводка приходит и так.");
    public static readonly Text NeedsSlack = new(
        "I only know you from another chat app. Message me once in Slack (or `link` your chats), then name the channel.",
        "Я знаю вас только по другому мессенджеру. Напишите мне один раз в Slack (или используйте `связать`), потом укажите канал.");

    public static readonly Text AtLeadChat = new("to the lead's own chat with me", "в личный чат руководителя со мной");
    public static readonly Text AtYourChat = new("to your own chat with me", "в ваш личный чат со мной");
    public static readonly Text AtHere = new("to this conversation", "в этот чат");
    public static readonly Text AtPlace = new("to {0}", "в {0}");
    public static readonly Text AtChosen = new("to the conversation chosen with `digest channel here`", "в чат, выбранный командой `сводка канал здесь`");
    public static readonly Text When = new("{0} at {1} ({2})", "{0} в {1} ({2})");

    /// <summary>"Mondays" / «по понедельникам», by <see cref="DayOfWeek"/>.</summary>
    public static readonly Text[] Every =
    [
        new("Sundays", "по воскресеньям"), new("Mondays", "по понедельникам"), new("Tuesdays", "по вторникам"),
        new("Wednesdays", "по средам"), new("Thursdays", "по четвергам"), new("Fridays", "по пятницам"), new("Saturdays", "по субботам"),
    ];
}
