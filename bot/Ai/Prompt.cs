using System.Text.Json;

namespace AccountCoachBot.Ai;

/// <summary>One worked example shown to the model before the real input: the data block and the answer expected.</summary>
public sealed record PromptExample(string Input, string Output);

/// <summary>
/// A prompt as loaded from <c>prompts/ai/</c>: the system text, the JSON schema the answer must follow (strict
/// structured output), few-shot examples, and the version of each file, logged with every call so an answer can be
/// traced to the prompt that produced it.
/// </summary>
public sealed record Prompt(
    string Name,
    string Version,
    string System,
    string SchemaName,
    string SchemaDescription,
    JsonElement Schema,
    IReadOnlyList<PromptExample> Examples);
