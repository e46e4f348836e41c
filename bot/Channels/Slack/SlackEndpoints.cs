using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using static AccountCoachBot.Channels.Slack.SlackJson;
using AccountCoachBot.Channels.Inbox;
using AccountCoachBot.Conversation;
using AccountCoachBot.Data;
using AccountCoachBot.Features.People;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AccountCoachBot.Channels.Slack;

/// <summary>
/// /slack/events, /slack/commands, /slack/interactivity. Every request is verified (signature, 5-minute window)
/// before its body is read as anything; then recorded in the inbox and acknowledged at once. The work runs
/// off the request path. The one exception is opening a modal, which Slack allows only within 3 seconds: what that
/// needs (the database, Slack's API client) is resolved then from the request's scope, not built for every ack.
/// </summary>
public sealed class SlackEndpoints(
    IOptions<SlackOptions> options,
    SlackSignatureVerifier verifier,
    InboxWriter inbox,
    ILogger<SlackEndpoints> logger)
{
    public const int MaxBodyBytes = 1024 * 1024;

    // Slack sends UTF-8; anything else is refused (400) rather than parsed into text that throws later.
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public async Task<IResult> EventsAsync(HttpContext http, CancellationToken ct)
    {
        var body = await ReadVerifiedAsync(http, ct);
        if (body is null) return Results.Unauthorized();

        JsonObject envelope;
        try
        {
            envelope = JsonNode.Parse(StrictUtf8.GetString(body))!.AsObject();
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or NullReferenceException or ArgumentException)
        {
            return Results.BadRequest();
        }

        switch (Str(envelope["type"]))
        {
            case "url_verification":
                return Results.Text(Str(envelope["challenge"]) ?? "", "text/plain");
            case "event_callback" when Str(envelope["event_id"]) is { } eventId:
                var person = SlackReference.ConversationKeyOf(Str(envelope["team_id"]), Str(envelope["event"], "user"));
                return await RecordAsync($"event:{eventId}", SlackInboxKinds.Event, envelope.ToJsonString(), person, ct) ? Acked.Instance : NotRecorded();
            default:
                return Results.Ok();
        }
    }

    public async Task<IResult> CommandsAsync(HttpContext http, CancellationToken ct)
    {
        var body = await RequestBody.ReadAsync(http.Request, MaxBodyBytes, ct);
        if (body is null) return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        var form = Encoding.UTF8.GetString(body);
        // Slack's certificate check arrives unsigned and expects an empty 200; it changes nothing.
        if (SlackForm.Field(form, "ssl_check") == "1") return Results.Ok();
        if (!Verify(http, body)) return Results.Unauthorized();

        if (SlackForm.Field(form, "user_id") is null || SlackForm.Field(form, "trigger_id") is not { } trigger) return Results.BadRequest();

        // Recorded as Slack sent it; the turn reads its fields (SlackForm.ToJson).
        var person = SlackReference.ConversationKeyOf(SlackForm.Field(form, "team_id"), SlackForm.Field(form, "user_id"));
        if (await RecordAsync($"command:{trigger}", SlackInboxKinds.Command, form, person, ct)) return Acked.Instance;
        // Slack does not resend a slash command: the answer shown to the person is the apology.
        var language = PipelineTexts.LanguageWithoutRecords(SlackForm.Field(form, "text"), locale: null);
        return Results.Json(new JsonObject { ["response_type"] = "ephemeral", ["text"] = PipelineTexts.DatabaseDown[language] });
    }

    public async Task<IResult> InteractivityAsync(HttpContext http, CancellationToken ct)
    {
        var body = await ReadVerifiedAsync(http, ct);
        if (body is null) return Results.Unauthorized();

        JsonObject payload;
        try
        {
            var form = QueryHelpers.ParseQuery(Encoding.UTF8.GetString(body));
            payload = JsonNode.Parse(form.TryGetValue("payload", out var json) ? json.ToString() : "")!.AsObject();
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or NullReferenceException or ArgumentException)
        {
            return Results.BadRequest();
        }

        var person = SlackReference.ConversationKeyOf(Str(payload["team"], "id") ?? Str(payload["user"], "team_id"), Str(payload["user"], "id"));
        switch (Str(payload["type"]))
        {
            case "block_actions" when payload["actions"] is JsonArray { Count: > 0 } actions && actions[0] is JsonObject element:
            {
                var action = SlackActionParser.FromBlockAction(element);
                if (action is null) return Results.Ok();
                var inputs = SlackMessages.InputsOf(action);
                if (inputs.Count > 0)
                {
                    await OpenModalAsync(http.RequestServices, payload, element, action, inputs, ct);
                    return Results.Ok();
                }
                var key = $"action:{Str(payload["user"], "id")}:{Str(element["action_ts"]) ?? Str(payload["trigger_id"])}";
                return await RecordAsync(key, SlackInboxKinds.Action, payload.ToJsonString(), person, ct) ? Acked.Instance : NotRecorded();
            }
            case "view_submission" when payload["view"] is JsonObject view:
                // An empty 200 closes the modal; the answer arrives as a message.
                return await RecordAsync($"view:{Str(view["id"])}:{Str(view["hash"])}", SlackInboxKinds.View, payload.ToJsonString(), person, ct) ? Acked.Instance : NotRecorded();
            default:
                return Results.Ok();
        }
    }

    private async Task OpenModalAsync(IServiceProvider services, JsonObject payload, JsonObject element, SubmittedAction action, IReadOnlyList<CardInput> inputs, CancellationToken ct)
    {
        var team = Str(payload["team"], "id") ?? Str(payload["user"], "team_id") ?? "";
        var user = Str(payload["user"], "id") ?? "";
        var language = await LanguageOfAsync(services, team, user, ct);

        var metadata = new Dictionary<string, string>(SlackMessages.Clean(action).Payload);
        if ((Str(payload["container"], "channel_id") ?? Str(payload["channel"], "id")) is { } channel) metadata[SlackMessages.ChannelKey] = channel;
        if (Str(payload["container"], "message_ts") is { } ts) metadata[SlackMessages.MessageTsKey] = ts;

        var title = Str(element["text"], "text") ?? action.Id;
        var cardAction = new CardAction(action.Id, title, metadata, inputs);
        var view = BlockKitRenderer.RenderModal(cardAction, JsonSerializer.Serialize(metadata), title.TrimEnd('…', '.'),
            SlackTexts.Save[language], SlackTexts.Close[language]);
        var result = await services.GetRequiredService<SlackApiClient>().OpenViewAsync(Str(payload["trigger_id"]) ?? "", view, ct);
        if (!result.Ok) logger.LogWarning("Slack views.open failed: {Error}", result.Error);
    }

    private static async Task<Language> LanguageOfAsync(IServiceProvider services, string team, string user, CancellationToken ct)
    {
        var externalId = SlackReference.IdentityOf(team, user);
        var person = await services.GetRequiredService<CoachDbContext>().ChannelIdentities.Where(i => i.Channel == SlackReference.Transport && i.ExternalId == externalId)
            .Select(i => i.Person).FirstOrDefaultAsync(ct);
        return person?.Language ?? Language.En;
    }

    /// <summary>
    /// Records the request durably before the ack: Slack never resends what was acknowledged. False when the database is
    /// away: then the request is not acknowledged, and Slack sends events again (after about a minute, then five).
    /// </summary>
    private async Task<bool> RecordAsync(string key, string kind, string payload, string? person, CancellationToken ct)
    {
        try
        {
            await inbox.RecordAsync(new InboxItem
            {
                Transport = SlackReference.Transport, Key = key, Kind = kind, ConversationKey = person, PayloadJson = payload,
            }, ct);
            return true;
        }
        catch (Exception e) when (!ct.IsCancellationRequested && (DatabaseOutage.Is(e) || e is IOException)) // IOException: SQLite's arrivals file
        {
            logger.LogError("A Slack request could not be recorded, the database is away; answering 503 so Slack sends it again: {Error}", e.Message);
            return false;
        }
    }

    private static IResult NotRecorded() => Results.StatusCode(StatusCodes.Status503ServiceUnavailable);

    /// <summary>The raw body when it is signed by Slack; null otherwise (the caller answers 401).</summary>
    private async Task<byte[]?> ReadVerifiedAsync(HttpContext http, CancellationToken ct)
    {
        var body = await RequestBody.ReadAsync(http.Request, MaxBodyBytes, ct);
        return body is not null && Verify(http, body) ? body : null;
    }

    private bool Verify(HttpContext http, byte[] body)
    {
        var secret = options.Value.SigningSecret;
        if (string.IsNullOrEmpty(secret)) return false;
        var result = verifier.Verify(secret, http.Request.Headers["X-Slack-Request-Timestamp"].ToString(),
            http.Request.Headers["X-Slack-Signature"].ToString(), body);
        if (result != SlackSignatureResult.Valid)
            logger.LogWarning("Refused a Slack request to {Path}: {Reason}", http.Request.Path, result);
        return result == SlackSignatureResult.Valid;
    }
}

public static class SlackInboxKinds
{
    public const string Event = "event";
    public const string Command = "command";
    public const string Action = "action";
    public const string View = "view";
}
