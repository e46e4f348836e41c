using System.Text.Json;
using Microsoft.Extensions.AI;

namespace AccountCoachBot.Ai;

/// <summary>
/// The only way to the model. One call: the system prompt, its few-shot examples, then the data (already marked as
/// data by the caller), with the prompt's JSON schema as strict structured output. Every failure — no model, the
/// circuit open, a timeout, an HTTP error (429, 500…), an answer that is not a JSON object — is null, never an
/// exception: callers fall back to the offline path.
/// </summary>
public sealed class ModelGate(IChatClient? client, AiOptions options, CircuitBreaker breaker, ILogger<ModelGate> logger)
{
    public bool IsConfigured => client is not null;

    /// <summary>Configured and its circuit closed: worth handing work off for (else answer offline at once).</summary>
    public bool IsAvailable => client is not null && !breaker.IsOpen;

    /// <summary>The model's answer as a JSON object, or null (see the class summary).</summary>
    public async Task<JsonElement?> CompleteJsonAsync(Prompt prompt, string data, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        if (client is null) return null;
        if (!breaker.TryAcquire())
        {
            logger.LogInformation("Model skipped for {Prompt}: the circuit is open", prompt.Name);
            return null;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(options.Timeout);
        try
        {
            var response = await client.GetResponseAsync(Messages(prompt, data), Options(prompt), timeout.Token);
            var json = ParseObject(response.Text);
            if (json is null)
            {
                breaker.Failure();
                logger.LogWarning("Model answer for {Prompt} ({Version}) was not a JSON object", prompt.Name, prompt.Version);
                return null;
            }
            breaker.Success();
            return json;
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            breaker.Failure();
            logger.LogWarning("Model timed out after {Timeout} for {Prompt}", options.Timeout, prompt.Name);
            return null;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            breaker.Failure();
            // The message may carry the endpoint, never the key; no request content is logged.
            logger.LogWarning("Model call for {Prompt} failed: {Error}", prompt.Name, e.GetType().Name + ": " + e.Message);
            return null;
        }
    }

    private static List<ChatMessage> Messages(Prompt prompt, string data)
    {
        var messages = new List<ChatMessage> { new(ChatRole.System, prompt.System) };
        foreach (var example in prompt.Examples)
        {
            messages.Add(new ChatMessage(ChatRole.User, example.Input));
            messages.Add(new ChatMessage(ChatRole.Assistant, example.Output));
        }
        messages.Add(new ChatMessage(ChatRole.User, data));
        return messages;
    }

    private static ChatOptions Options(Prompt prompt) => new()
    {
        Temperature = 0,
        MaxOutputTokens = 600,
        ResponseFormat = ChatResponseFormat.ForJsonSchema(prompt.Schema, prompt.SchemaName, prompt.SchemaDescription),
        // Strict structured output: the service refuses to answer outside the schema.
        AdditionalProperties = new AdditionalPropertiesDictionary { ["strict"] = true },
    };

    private static JsonElement? ParseObject(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        try
        {
            using var doc = JsonDocument.Parse(text);
            return doc.RootElement.ValueKind == JsonValueKind.Object ? doc.RootElement.Clone() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
