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
    /// Asks for one missing input of an action; the next text message answers it and the action runs again,
    /// unless it is a command (<see cref="PendingPrompt.FreeText"/>), which runs instead and drops the question.
    /// </summary>
    /// <param name="closed">The answer is a yes/no or a name, not a sentence: any command typed instead wins.</param>
    /// <param name="dropped">The line shown when a command wins, e.g. "Left Globex unsaved."</param>
    public Reply AskFor(SubmittedAction action, CardInput input, string? hint = null, bool closed = false, string? dropped = null)
    {
        var freeText = input.Kind == InputKind.Text && !closed;
        Person.PendingPromptJson = PendingPrompt.Serialize(new PendingPrompt(action.Id, action.Payload.ToDictionary(), input.Id, freeText, dropped));
        return new Reply(hint is null ? input.Label : $"{input.Label}\n{hint}");
    }
}
