using AccountCoachBot.Data;
using AccountCoachBot.Features.People;
using AccountCoachBot.Operations;
using Microsoft.EntityFrameworkCore;

namespace AccountCoachBot.Conversation;

/// <summary>
/// One inbound message -> the person (created on first contact) -> the feature that handles it -> replies.
/// Drops a delivery id it has already handled. Runs the whole turn in one transaction.
/// </summary>
public sealed class TurnPipeline(
    CoachDbContext db,
    TurnRoutes routes,
    IServiceProvider services,
    IEnumerable<IVerbSet> verbSets,
    TimeProvider time,
    WriteGate writes,
    AfterTurn afterTurn,
    ILogger<TurnPipeline> logger,
    CoachMetrics? metrics = null)
{
    private readonly IReadOnlyList<Verb> _verbs = verbSets.SelectMany(s => s.Verbs).ToList();

    /// <param name="retriedLater">
    /// The caller keeps the request and runs it again (a recorded Slack request): a database outage is thrown for it to
    /// retry. Otherwise the person gets an apology in place of the turn, since nothing of it could be kept.
    /// </param>
    public async Task<IReadOnlyList<Reply>> HandleAsync(InboundMessage message, CancellationToken ct, bool retriedLater = false)
    {
        ArgumentNullException.ThrowIfNull(message);
        using var correlation = Correlation.Turn(logger, message.DeliveryId);
        var started = time.GetTimestamp();
        try
        {
            return await HandleTurnAsync(message, ct);
        }
        catch (Exception e) when (!retriedLater && !ct.IsCancellationRequested && DatabaseOutage.Is(e))
        {
            logger.LogError("The database cannot be reached; apologised instead of the turn: {Error}", e.Message);
            return [new Reply(PipelineTexts.DatabaseDown[PipelineTexts.LanguageWithoutRecords(message.Text, message.Locale)])];
        }
        finally
        {
            metrics?.TurnHandled(message.Channel, time.GetElapsedTime(started));
        }
    }

    private async Task<IReadOnlyList<Reply>> HandleTurnAsync(InboundMessage message, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;

        await using var gate = await writes.EnterAsync(db, ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (!await TryRecordDeliveryAsync(message, now, ct))
        {
            logger.LogInformation("Dropped a repeated delivery {DeliveryId} on {Channel}", message.DeliveryId, message.Channel);
            return [];
        }

        var (person, isNew) = await FindOrCreatePersonAsync(message, now, ct);
        var address = await UpsertAddressAsync(person, message.Address, now, ct);
        var replies = new List<Reply>();

        if (!person.Welcomed)
        {
            replies.Add(Welcome.For(person));
            person.Welcomed = true;
        }

        if (message.Kind == InboundKind.Message && (!string.IsNullOrWhiteSpace(message.Text) || message.Action is not null))
            replies.AddRange(await RouteAsync(message, person, address, now, ct));

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        afterTurn.Run();
        if (isNew) logger.LogInformation("New person {PersonId} on {Channel}", person.Id, message.Channel);
        return replies;
    }

    private async Task<IReadOnlyList<Reply>> RouteAsync(InboundMessage message, Person person, ConversationAddress address, DateTime now, CancellationToken ct)
    {
        var turn = new Turn(message, person, address, db, now);
        // A suggestion pressed ("Did you mean `promises`?", a help example) is the same as typing it.
        if (message.Action is { Id: SayAction.Id } say)
            turn = new Turn(message, person, address, db, now) { Action = null, Text = say.Get(SayAction.TextKey)?.Trim() ?? "" };

        // An answer to a question the bot asked (a new date, a reason) continues that action.
        var pending = PendingPrompt.TryDeserialize(person.PendingPromptJson);
        person.PendingPromptJson = null;
        if (pending is not null && turn.Action is null)
        {
            if (PipelineTexts.IsCancelWord(turn.Text)) return [turn.T(PipelineTexts.PromptDropped)];
            if (_verbs.Any(v => v.IsComplete(turn.Text, pending.FreeText)))
            {
                // A command typed instead of the answer runs; the question is dropped, and the person told so.
                var dropped = pending.Dropped ?? turn.T(PipelineTexts.QuestionDropped);
                return [dropped, .. await DispatchAsync(turn, ct)];
            }
            var payload = new Dictionary<string, string>(pending.Payload) { [pending.AwaitingInput] = turn.Text };
            turn = new Turn(message, person, address, db, now) { Action = new SubmittedAction(pending.ActionId, payload), Text = "" };
        }
        return await DispatchAsync(turn, ct);
    }

    private async Task<IReadOnlyList<Reply>> DispatchAsync(Turn turn, CancellationToken ct)
    {
        // A button goes to the slice that registered its id; nobody else is asked.
        if (turn.Action is { } action)
        {
            var owner = routes.ForButton(action.Id);
            var handled = owner is null ? null : await Handler(owner.Handler).TryHandleAsync(turn, ct);
            return handled ?? [turn.T(PipelineTexts.UnknownAction)];
        }

        // Text goes to the handlers whose verb starts it, the most specific first; then to the free-text reader.
        foreach (var route in routes.ForText(turn.Text))
            if (await Handler(route.Handler).TryHandleAsync(turn, ct) is { } replies) return replies;
        if (routes.FreeText is { } freeText
            && await ((IFreeTextHandler)services.GetRequiredService(freeText.Handler)).TryCaptureAsync(turn, ct) is { } captured)
            return captured;
        if (routes.Question is { } questions
            && await ((IQuestionHandler)services.GetRequiredService(questions.Handler)).TryAnswerAsync(turn, ct) is { } answered)
            return answered;
        if (DidYouMean.Suggest(turn.Text, _verbs, turn.Language) is { } suggestion)
        {
            var question = turn.T(PipelineTexts.DidYouMean, suggestion);
            return [new Reply(question, new Card(question, Actions: [SayAction.Button(suggestion)]))];
        }
        return [turn.T(PipelineTexts.NotUnderstood)];
    }

    private ITurnHandler Handler(Type type) => (ITurnHandler)services.GetRequiredService(type);

    private async Task<bool> TryRecordDeliveryAsync(InboundMessage message, DateTime now, CancellationToken ct)
    {
        var key = $"{message.Channel}|{message.DeliveryId}";
        if (await db.ProcessedDeliveries.AnyAsync(d => d.Key == key, ct)) return false;
        db.ProcessedDeliveries.Add(new ProcessedDelivery { Key = key, AtUtc = now });
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            // Another instance recorded it between our read and write.
            return false;
        }
    }

    private async Task<(Person Person, bool IsNew)> FindOrCreatePersonAsync(InboundMessage message, DateTime now, CancellationToken ct)
    {
        var identity = await db.ChannelIdentities.Include(i => i.Person)
            .FirstOrDefaultAsync(i => i.Channel == message.Channel && i.ExternalId == message.Sender.ExternalId, ct);
        var person = identity?.Person;
        var email = message.Sender.Email?.Trim().ToLowerInvariant();
        if (person is null && !string.IsNullOrEmpty(email))
        {
            // Known on another channel under the same work email: one person, one set of promises.
            person = await db.People.FirstOrDefaultAsync(p => p.Email == email, ct);
            person?.Identities.Add(new ChannelIdentity { Channel = message.Channel, ExternalId = message.Sender.ExternalId });
        }
        var isNew = person is null;
        if (person is null)
        {
            person = new Person
            {
                DisplayName = message.Sender.Name ?? "",
                CreatedUtc = now,
                Identities = [new ChannelIdentity { Channel = message.Channel, ExternalId = message.Sender.ExternalId }],
            };
            db.People.Add(person);
        }

        if (person.TimeZoneSource != TimeZoneSource.Command && TimeZones.TryFind(message.TimeZone, out var zone))
        {
            person.TimeZoneId = zone.Id;
            person.TimeZoneSource = TimeZoneSource.Activity;
        }

        if (!person.LanguageChosen)
        {
            // Names of people mentioned are in any script: only the person's own words tell their language.
            var words = message.MentionsOrEmpty.Aggregate(message.Text ?? "", (text, m) => text.Replace(m.Text, " ", StringComparison.Ordinal));
            var language = LanguageExtensions.FromScript(words) ?? (isNew ? LanguageExtensions.FromLocale(message.Locale) : null);
            if (language is not null) person.Language = language.Value;
        }

        if (!string.IsNullOrWhiteSpace(message.Sender.Name)) person.DisplayName = message.Sender.Name;
        if (!string.IsNullOrEmpty(email) && person.Email is null) person.Email = email;
        await db.SaveChangesAsync(ct);
        return (person, isNew);
    }

    private async Task<ConversationAddress> UpsertAddressAsync(Person person, InboundAddress inbound, DateTime now, CancellationToken ct)
    {
        var address = await db.Addresses.FirstOrDefaultAsync(a => a.Transport == inbound.Transport && a.Key == inbound.Key, ct);
        if (address is null)
        {
            address = new ConversationAddress { Transport = inbound.Transport, Key = inbound.Key };
            db.Addresses.Add(address);
        }
        address.PersonId = person.Id;
        address.ReferenceJson = inbound.ReferenceJson;
        address.IsShared = inbound.IsShared;
        address.IsStale = false;
        address.StaleReason = null;
        address.UpdatedUtc = now;
        await db.SaveChangesAsync(ct);
        return address;
    }
}
