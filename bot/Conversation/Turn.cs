using AccountCoachBot.Data;
using AccountCoachBot.Features.People;

namespace AccountCoachBot.Conversation;

/// <summary>Everything a feature needs to answer one inbound message.</summary>
public sealed class Turn(InboundMessage message, Person person, ConversationAddress address, CoachDbContext db, DateTime nowUtc)
{
    public InboundMessage Message { get; } = message;
    public Person Person { get; } = person;
    public ConversationAddress Address { get; } = address;
    public CoachDbContext Db { get; } = db;
    public DateTime NowUtc { get; } = nowUtc;
    public Language Language => Person.Language;

    /// <summary>The message text, trimmed; empty for a button press.</summary>
    public string Text { get; init; } = message.Text?.Trim() ?? "";

    public SubmittedAction? Action { get; init; } = message.Action;

    public DateTimeOffset LocalNow
    {
        get
        {
            var zone = Person.Zone;
            return new DateTimeOffset(TimeZones.ToLocal(NowUtc, zone), zone.GetUtcOffset(NowUtc));
        }
    }

    public string T(Text text) => text[Language];

    public string T(Text text, params object?[] args) => text.Format(Language, args);

    /// <summary>
    /// Asks for one missing input of an action; the next text message answers it and the action runs again.
    /// </summary>
    public Reply AskFor(SubmittedAction action, CardInput input, string? hint = null)
    {
        Person.PendingPromptJson = PendingPrompt.Serialize(new PendingPrompt(action.Id, action.Payload.ToDictionary(), input.Id));
        return new Reply(hint is null ? input.Label : $"{input.Label}\n{hint}");
    }
}
