using AccountCoachBot.Features.People;

namespace AccountCoachBot.Conversation;

/// <summary>The first thing a new person sees: what the bot does, one working example, the zone it assumed.</summary>
public static class Welcome
{
    private static readonly Text Greeting = new(
        "Hi! I keep track of what you promise clients and remind you before it's due.\nTry: `promise Acme: send the revised quote by Friday`",
        "Здравствуйте! Я запоминаю, что вы обещали клиентам, и напоминаю до срока.\nПопробуйте: `обещание Acme: отправить обновлённое КП до пятницы`");

    public static Reply For(Person person) =>
        new($"{Greeting[person.Language]}\n{PeopleTexts.ZoneAssumed(person)}");
}
