namespace AccountCoachBot.Ai;

/// <summary>
/// The optional language model (<c>Ai</c> section). <c>none</c> (the default) keeps the bot fully deterministic;
/// <c>azure-openai</c> talks to an Azure OpenAI deployment (key, or keyless through Azure.Identity);
/// <c>openai-compatible</c> talks to any server with the OpenAI chat API (Ollama, vLLM, LM Studio).
/// </summary>
public sealed class AiOptions
{
    public const string Section = "Ai";

    /// <summary><c>none</c> | <c>azure-openai</c> | <c>openai-compatible</c>.</summary>
    public string Provider { get; set; } = AiProviders.None;

    /// <summary>Azure: <c>https://&lt;resource&gt;.openai.azure.com/</c>. OpenAI-compatible: the API base, e.g. <c>http://localhost:11434/v1</c>.</summary>
    public string? Endpoint { get; set; }

    /// <summary>The Azure deployment name, or the model name on an OpenAI-compatible server.</summary>
    public string? Deployment { get; set; }

    /// <summary>Alias of <see cref="Deployment"/> for OpenAI-compatible servers, where it is a model.</summary>
    public string? Model { get; set; }

    /// <summary>Azure: sent as <c>api-key</c>; without it Azure uses DefaultAzureCredential. OpenAI-compatible: the Bearer token (often unused locally).</summary>
    public string? ApiKey { get; set; }

    /// <summary>One model call, end to end. A slow model is a failed model: the offline path answers instead.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Consecutive failures that open the circuit; while open, no call is made at all.</summary>
    public int BreakerFailures { get; set; } = 3;

    /// <summary>How long the circuit stays open before one trial call is let through.</summary>
    public TimeSpan BreakerOpenFor { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Directory of the prompt files (<c>ai/</c> under it); default: <c>prompts/</c> beside the app.</summary>
    public string? PromptsDirectory { get; set; }

    public string? DeploymentOrModel => string.IsNullOrWhiteSpace(Deployment) ? Model : Deployment;

    public bool IsEnabled => !string.Equals(Provider?.Trim(), AiProviders.None, StringComparison.OrdinalIgnoreCase) && !string.IsNullOrWhiteSpace(Provider);

    /// <summary>What is wrong with the section, or null when it can be used.</summary>
    public string? Problem()
    {
        if (!IsEnabled) return null;
        var provider = Provider.Trim().ToLowerInvariant();
        if (provider is not (AiProviders.AzureOpenAi or AiProviders.OpenAiCompatible))
            return $"Ai:Provider '{Provider}' is not one of none, azure-openai, openai-compatible.";
        if (!Uri.TryCreate(Endpoint, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            return "Ai:Endpoint must be an absolute http(s) URL.";
        if (string.IsNullOrWhiteSpace(DeploymentOrModel))
            return "Ai:Deployment (or Ai:Model) is required.";
        if (Timeout <= TimeSpan.Zero) return "Ai:Timeout must be positive.";
        return null;
    }
}

public static class AiProviders
{
    public const string None = "none";
    public const string AzureOpenAi = "azure-openai";
    public const string OpenAiCompatible = "openai-compatible";
}
