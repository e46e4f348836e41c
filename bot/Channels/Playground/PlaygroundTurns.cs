using AccountCoachBot.Channels.BotFramework;
using AccountCoachBot.Conversation;

namespace AccountCoachBot.Channels.Playground;

/// <summary>
/// A person's activity from Web Chat through the same turn pipeline as <c>/api/messages</c>: stored first (the echo Web
/// Chat waits for before it shows the message as sent), then the replies, mapped and rendered as for Teams.
/// </summary>
public sealed class PlaygroundTurns(IServiceScopeFactory scopes, TimeProvider time)
{
    public const string Transport = "playground";
    public const string ChannelId = "playground";

    public static ChannelAccount Bot => new() { Id = "coach", Name = "AccountCoachBot", Role = "bot" };

    /// <summary>Returns the id the activity has everywhere: in the echo, the POST's answer and the replies' replyToId.</summary>
    public async Task<string> PostAsync(DirectLineConversation conversation, Activity activity, CancellationToken ct)
    {
        await conversation.TurnLock.WaitAsync(ct);
        try
        {
            // Web Chat resends an activity it thinks failed; the second copy gets the first one's id and no second turn.
            var clientId = activity.ChannelData?["clientActivityID"]?.GetValueKind() == System.Text.Json.JsonValueKind.String
                ? activity.ChannelData["clientActivityID"]!.GetValue<string>() : null;
            if (clientId is not null && conversation.IdOfClientActivity(clientId) is { } known) return known;

            Normalize(conversation, activity);
            var cardId = CardUpdates.Take(activity.Value);
            var id = conversation.Append(activity, time.GetUtcNow());
            if (activity.Type != ActivityTypes.Message) return id;

            var inbound = ActivityMapper.ToInbound(activity, InboundKind.Message);
            inbound = inbound with { Address = inbound.Address with { Transport = Transport } };
            IReadOnlyList<Reply> replies;
            await using (var scope = scopes.CreateAsyncScope())
                replies = await scope.ServiceProvider.GetRequiredService<TurnPipeline>().HandleAsync(inbound, ct);
            for (var i = 0; i < replies.Count; i++)
            {
                // A button's answer replaces the card it was pressed on, as in Teams (a playground chat is never shared).
                if (i == 0 && cardId is not null && conversation.Replace(cardId, Tagged(ActivityMapper.ToMessage(ActivityMapper.ReferenceOf(activity), replies[0]), cardId)))
                    continue;
                conversation.Append(Tagged(ActivityMapper.ToReply(activity, replies[i])), time.GetUtcNow());
            }
            return id;
        }
        finally
        {
            conversation.TurnLock.Release();
        }
    }

    /// <summary>The bot's activity with its id, given now so its card's buttons can name it (<see cref="CardUpdates"/>).</summary>
    public static Activity Tagged(Activity activity, string? id = null)
    {
        CardUpdates.Tag(activity, id ?? DirectLineConversation.NewActivityId());
        return activity;
    }

    /// <summary>The server decides who is talking where: the conversation's person, this conversation, the coach.</summary>
    private static void Normalize(DirectLineConversation conversation, Activity activity)
    {
        activity.Id = null;
        activity.ChannelId = ChannelId;
        activity.ServiceUrl = null;
        activity.Conversation = new ConversationAccount { Id = conversation.Id };
        activity.Recipient = Bot;
        var userId = conversation.AdoptUser(activity.From?.Id ?? "user");
        activity.From = new ChannelAccount { Id = userId, Name = activity.From?.Name, Role = "user" };
    }
}
