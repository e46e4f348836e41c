using System.ClientModel;
using System.ClientModel.Primitives;
using Azure.AI.OpenAI;
using Azure.Identity;
using Microsoft.Extensions.AI;
using OpenAI;

namespace AccountCoachBot.Ai;

/// <summary>
/// Builds the one <see cref="IChatClient"/> for the configured provider. Both SDKs get the same HTTP client (so
/// tests can guard it) and no retries of their own: the SDK's default retries a 429 three times, which would make a
/// throttled model four times slower to fail; <see cref="ModelGate"/> times out and breaks the circuit instead.
/// </summary>
public static class ChatClientFactory
{
    public const string HttpClientName = "ai";

    public static IChatClient Create(AiOptions options, HttpClient http)
    {
        ArgumentNullException.ThrowIfNull(options);
        var endpoint = new Uri(options.Endpoint!);
        var model = options.DeploymentOrModel!;
        var transport = new HttpClientPipelineTransport(http);
        var noRetry = new ClientRetryPolicy(0);

        if (string.Equals(options.Provider.Trim(), AiProviders.AzureOpenAi, StringComparison.OrdinalIgnoreCase))
        {
            var azure = new AzureOpenAIClientOptions { Transport = transport, RetryPolicy = noRetry, NetworkTimeout = options.Timeout };
            var client = string.IsNullOrWhiteSpace(options.ApiKey)
                ? new AzureOpenAIClient(endpoint, new DefaultAzureCredential(), azure) // keyless: managed identity, az login…
                : new AzureOpenAIClient(endpoint, new ApiKeyCredential(options.ApiKey), azure);
            return client.GetChatClient(model).AsIChatClient();
        }

        // Local servers often ignore the key, but the client requires one.
        var key = string.IsNullOrWhiteSpace(options.ApiKey) ? "unused" : options.ApiKey;
        var compatible = new OpenAIClientOptions { Endpoint = endpoint, Transport = transport, RetryPolicy = noRetry, NetworkTimeout = options.Timeout };
        return new OpenAIClient(new ApiKeyCredential(key), compatible).GetChatClient(model).AsIChatClient();
    }
}
