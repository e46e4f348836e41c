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
        "Say where: `digest channel here` typed in a Teams channel or group chat (in Slack: `/coach digest channel here` in the channel), `digest channel #C0123ABCD` to name a Slack channel, or `digest channel me` for your chat with me.",
        "Укажите куда: `сводка канал здесь` в канале или групповом чате Teams (в Slack: `/coach сводка канал здесь` в самом канале), `сводка канал #C0123ABCD`, чтобы назвать канал Slack, или `сводка канал мне` для личного чата со мной.");
    public static readonly Text HereNotShared = new(
        "`here` means the channel you type it in, and this is your own chat with me, which gets the digest anyway. In Slack, type `/coach digest channel here` in the channel, or name it here: `digest channel #C0123ABCD`. In Teams, type `digest channel here` in the channel or group chat.",
        "`здесь` — это канал, в котором вы пишете команду, а это ваш личный чат со мной: сюда сводка приходит и так. В Slack напишите `/coach сводка канал здесь` в самом канале или назовите его здесь: `сводка канал #C0123ABCD`. В Teams напишите `сводка канал здесь` в канале или групповом чате.");
    public static readonly Text PlaceReady = new(
        "The digest for {0} will go to {1}.",
        "Сводка команды «{0}» будет приходить в {1}.");
    public static readonly Text NotInPlace = new(
        "I'm not in {0} yet, so I couldn't post the digest there. Invite me ({1} in the channel) and try again. Nothing changed.",
        "Меня пока нет в {0}, поэтому публиковать туда сводку я не смогу. Пригласите меня ({1} в канале) и повторите команду. Ничего не изменилось.");
    public static readonly Text PlaceNotFound = new(
        "I can't see {0}: check the channel, and if it's private, invite me first ({1} in the channel). Nothing changed.",
        "Я не вижу {0}: проверьте канал, а если он закрытый, сначала пригласите меня ({1} в канале). Ничего не изменилось.");
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
