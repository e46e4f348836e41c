using System.Text.Json.Nodes;

namespace AccountCoachBot.Tests.Infrastructure;

/// <summary>
/// Validates Adaptive Cards with Microsoft's <c>adaptivecards</c> JS package (<c>Peers/validate-cards.js</c>),
/// targeting version 1.5 (what Teams supports for bot-sent cards).
/// </summary>
public static class AdaptiveCardValidator
{
    /// <summary>
    /// Returns one string per problem, prefixed with the card's index, e.g.
    /// <c>card[1]: Parse/UnknownElementType: Unknown element type "Bogus". ...</c>. Empty = all cards valid.
    /// Pass the card objects themselves (the attachment's <c>content</c>), not the attachment.
    /// </summary>
    public static async Task<IReadOnlyList<string>> ValidateAsync(IEnumerable<JsonNode> cards, string targetVersion = "1.5")
    {
        var array = new JsonArray(cards.Select(c => c.DeepClone()).ToArray());
        var result = await NodePeer.RunAsync("validate-cards.js", array.ToJsonString(), TimeSpan.FromSeconds(60), "--target", targetVersion);
        var line = result.StandardOutput.Trim();
        JsonArray reports;
        try
        {
            reports = JsonNode.Parse(line)!.AsArray();
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or InvalidOperationException or NullReferenceException)
        {
            throw new InvalidOperationException(
                $"validate-cards.js gave no JSON report (exit {result.ExitCode}). stdout: '{line}' stderr: {result.StandardError}", ex);
        }

        var errors = new List<string>();
        foreach (var report in reports)
        {
            var index = report!["index"]!.GetValue<int>();
            foreach (var error in report["errors"]!.AsArray())
            {
                errors.Add($"card[{index}]: {error!.GetValue<string>()}");
            }
        }

        return errors;
    }

    /// <summary>Single-card convenience overload.</summary>
    public static Task<IReadOnlyList<string>> ValidateAsync(JsonNode card, string targetVersion = "1.5") =>
        ValidateAsync([card], targetVersion);
}
