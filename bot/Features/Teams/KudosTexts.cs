using AccountCoachBot.Conversation;

namespace AccountCoachBot.Features.Teams;

internal static class KudosTexts
{
    public static readonly Text Usage = new(
        "Whom, and for what? e.g. `kudos @vera for rescuing the Globex renewal`.",
        "Кого и за что? Например: `спасибо @vera за спасённое продление Globex`.");
    public static readonly Text OnePerson = new(
        "One colleague at a time, so each hears it for what they did: `kudos @vera for …`.",
        "По одному коллеге, чтобы каждый услышал, за что именно: `спасибо @vera за …`.");
    public static readonly Text Self = new(
        "Kind of you — but kudos are for colleagues. Who helped you this week?",
        "Приятно, но благодарность — для коллег. Кто помог вам на этой неделе?");
    public static readonly Text TooLong = new("Say it in under 500 characters, please.", "Уложитесь, пожалуйста, в 500 символов.");
    public static readonly Text Saved = new("Kudos to {0} — I'm passing it on now.", "Благодарность отправлена: {0} получит её прямо сейчас.");
    public static readonly Text SavedLater = new(
        "Kudos to {0} saved; they'll get it when they first write to me.",
        "Благодарность сохранена: {0} получит её, как только впервые мне напишет.");
    public static readonly Text Told = new("Kudos from {0}: {1}", "{0} благодарит вас: {1}");

    /// <summary>Seed 002: praise from colleagues is a stronger stimulus than praise from the boss.</summary>
    public static readonly Text ToldPrinciple = new(
        "Praise from a colleague counts for more than praise from the boss.",
        "Похвала коллег значит больше, чем похвала начальника.");
}
