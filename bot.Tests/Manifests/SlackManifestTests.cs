using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AccountCoachBot.Tests.TestSupport;
using NJsonSchema;

namespace AccountCoachBot.Tests.Manifests;

public class SlackManifestTests
{
    private static string ManifestDir => RepoLocator.RepoPath("manifests", "slack");

    private static string ManifestPath => Path.Combine(ManifestDir, "manifest.json");

    private static string SchemaPath => RepoLocator.RepoPath("manifests", "schemas", "slack-manifest.schema.1.0.0.json");

    private static readonly Lazy<Task<JsonSchema>> Schema = new(LoadSchemaAsync);

    /// <summary>The scopes the bot uses, each justified in manifests/slack/README.md.</summary>
    private static readonly string[] DocumentedScopes =
        ["chat:write", "commands", "files:write", "im:history", "im:write", "users:read", "users:read.email", "app_mentions:read", "channels:read", "groups:read"];

    private static async Task<JsonSchema> LoadSchemaAsync()
    {
        var text = await File.ReadAllTextAsync(SchemaPath);
        // Offline: every $ref must point inside the file (the repository's top-level schema refers to remote files).
        var remote = Regex.Matches(text, "\"\\$ref\"\\s*:\\s*\"([^\"]*)\"")
            .Select(m => m.Groups[1].Value)
            .Where(r => !r.StartsWith('#'))
            .Distinct()
            .ToList();
        Assert.True(remote.Count == 0, "The Slack manifest schema references remote documents: " + string.Join(", ", remote));
        return await JsonSchema.FromJsonAsync(text);
    }

    private static async Task<IReadOnlyList<string>> ErrorsAsync(string json) =>
        (await Schema.Value).Validate(json).Select(e => $"{e.Path}: {e.Kind} {e}").ToList();

    private static JsonNode Manifest() => JsonNode.Parse(File.ReadAllText(ManifestPath))!;

    private static IEnumerable<string> Strings(JsonNode? array) => array!.AsArray().Select(n => n!.GetValue<string>());

    [Fact]
    public async Task Manifest_ValidatesAgainstSharedSchema_WithZeroErrors()
    {
        var errors = await ErrorsAsync(await File.ReadAllTextAsync(ManifestPath));
        Assert.True(errors.Count == 0, $"manifests/slack/manifest.json has {errors.Count} schema error(s):\n" + string.Join("\n", errors));
    }

    [Theory]
    [InlineData("typo key", "settings.event_subscriptions", "bot_event")]
    [InlineData("command without slash", "features.slash_commands.0", "command")]
    [InlineData("name over 35 characters", "display_information", "name")]
    [InlineData("interactivity without is_enabled", "settings.interactivity", "is_enabled")]
    public async Task Schema_RejectsManifest_WhenBroken(string what, string path, string key)
    {
        // Proves the validator really runs on this schema (additionalProperties, pattern, maxLength, required).
        var manifest = Manifest();
        var node = path.Split('.').Aggregate(manifest, (n, part) => int.TryParse(part, out var i) ? n[i]! : n[part]!).AsObject();
        switch (what)
        {
            case "typo key": node[key] = new JsonArray("message.im"); break;
            case "command without slash": node[key] = "coach"; break;
            case "name over 35 characters": node[key] = new string('n', 36); break;
            default: node.Remove(key); break;
        }

        Assert.NotEmpty(await ErrorsAsync(manifest.ToJsonString()));
    }

    [Fact]
    public void Manifest_RequestsExactlyTheDocumentedBotScopes()
    {
        var manifest = Manifest();
        Assert.Equal(DocumentedScopes.Order(), Strings(manifest["oauth_config"]!["scopes"]!["bot"]).Order());
        Assert.Null(manifest["oauth_config"]!["scopes"]!["user"]);

        // Each scope has its line in the README's table.
        var readme = File.ReadAllText(Path.Combine(ManifestDir, "README.md"));
        Assert.All(DocumentedScopes, scope => Assert.Contains($"| `{scope}` |", readme));
    }

    [Fact]
    public void Manifest_DeclaresCoachSlashCommand_WithUsageHintAndDescription()
    {
        var command = Assert.Single(Manifest()["features"]!["slash_commands"]!.AsArray())!;
        Assert.Equal("/coach", command["command"]!.GetValue<string>());
        Assert.False(string.IsNullOrWhiteSpace(command["usage_hint"]?.GetValue<string>()));
        Assert.False(string.IsNullOrWhiteSpace(command["description"]?.GetValue<string>()));
    }

    [Fact]
    public void Manifest_PointsRequestUrlsAtTheBotsThreePaths()
    {
        var manifest = Manifest();
        var urls = new Dictionary<string, string>
        {
            ["/slack/commands"] = manifest["features"]!["slash_commands"]![0]!["url"]!.GetValue<string>(),
            ["/slack/events"] = manifest["settings"]!["event_subscriptions"]!["request_url"]!.GetValue<string>(),
            ["/slack/interactivity"] = manifest["settings"]!["interactivity"]!["request_url"]!.GetValue<string>(),
        };
        foreach (var (path, url) in urls)
        {
            Assert.EndsWith(path, url);
            Assert.StartsWith("https://", url);
        }
        // One host for all three, the placeholder the README tells to replace.
        Assert.Single(urls.Values.Select(u => new Uri(u).Host).Distinct());
        Assert.Contains(new Uri(urls["/slack/events"]).Host, File.ReadAllText(Path.Combine(ManifestDir, "README.md")));
    }

    [Fact]
    public void Manifest_EnablesBotUserEventsInteractivityAndMessagesTab()
    {
        var manifest = Manifest();
        var bot = manifest["features"]!["bot_user"]!;
        Assert.Equal("AccountCoachBot", bot["display_name"]!.GetValue<string>());
        Assert.True(bot["always_online"]!.GetValue<bool>());
        Assert.Equal("AccountCoachBot", manifest["display_information"]!["name"]!.GetValue<string>());

        Assert.Equal(["app_home_opened", "app_mention", "message.im"], Strings(manifest["settings"]!["event_subscriptions"]!["bot_events"]).Order());
        Assert.True(manifest["settings"]!["interactivity"]!["is_enabled"]!.GetValue<bool>());

        var home = manifest["features"]!["app_home"]!;
        Assert.True(home["messages_tab_enabled"]!.GetValue<bool>());
        Assert.False(home["messages_tab_read_only_enabled"]!.GetValue<bool>()); // else nobody can DM the bot
    }
}
