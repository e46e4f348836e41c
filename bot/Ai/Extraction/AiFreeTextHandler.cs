using AccountCoachBot.Conversation;
using AccountCoachBot.Features.Coaching.Ask;
using AccountCoachBot.Features.Promises;
using AccountCoachBot.Features.Promises.Parsing;
using Microsoft.EntityFrameworkCore;

namespace AccountCoachBot.Ai.Extraction;

/// <summary>
/// Free text with a model configured. What the grammar reads completely (a known client, an action, a date) is
/// saved as before, without the model. Otherwise the turn answers "One moment…" and the model reads the message off
/// the request path; its reading, reconciled with the parser's, comes back as a card to confirm with one tap. If the
/// model fails or finds no promise, the follow-up is exactly what the chat says without a model.
/// </summary>
public sealed class AiFreeTextHandler(PromiseCommands promises, PromiseExtractor extractor, ModelGate gate, AiFollowUps followUps, AfterTurn afterTurn,
    IEnumerable<IVerbSet> verbSets)
    : IFreeTextHandler
{
    public async Task<IReadOnlyList<Reply>?> TryCaptureAsync(Turn turn, CancellationToken ct)
    {
        var accounts = await turn.Db.Accounts.Where(a => a.OwnerId == turn.Person.Id).Select(a => a.Name).ToListAsync(ct);
        var context = new ParseContext(turn.LocalNow, turn.Person.Zone, accounts, turn.Person.Hours);
        var parse = PromiseParser.Parse(turn.Text, context);
        // Read completely by the grammar, or the model known to be down (circuit open): the offline answer, now.
        if (IsComplete(parse) || !gate.IsAvailable) return await promises.TryCaptureAsync(turn, ct);
        // A question is the coach's to answer ("what do I do if Acme wants 30% off?"), and a mistyped command
        // ("promsies") the pipeline's to suggest: neither is the model's to read as a promise.
        if (!parse.IsPromise && QuestionShape.IsQuestion(turn.Text)) return null;
        if (!parse.IsPromise && DidYouMean.Suggest(turn.Text, verbSets.SelectMany(s => s.Verbs), turn.Language) is not null) return null;

        var message = turn.Message with { Text = turn.Text, Action = null };
        var (personId, addressId) = (turn.Person.Id, turn.Address.Id);
        afterTurn.Add(() => followUps.Start(personId, addressId, "promise extraction", async (f, token) =>
        {
            var model = await extractor.ExtractAsync(message.Text!, context, token);
            if (model is not null && PromiseReconciler.Readings(parse, model) is { Count: > 0 } readings)
                return [PromiseProposalCard.For(readings, f.Person)];

            // The offline answer, as the pipeline would have given it.
            var offline = new Turn(message, f.Person, f.Address, f.Db, f.NowUtc);
            return await f.Services.GetRequiredService<PromiseCommands>().TryCaptureAsync(offline, token)
                ?? [offline.T(PipelineTexts.NotUnderstood)];
        }));
        return [new Reply(turn.T(AiTexts.Thinking)) { IsInterim = true }];
    }

    private static bool IsComplete(PromiseParse parse) =>
        parse.IsPromise && !string.IsNullOrWhiteSpace(parse.Action) && parse.IsKnownAccount && parse.Due is not null;
}
