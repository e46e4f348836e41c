using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AccountCoachBot.Cli;
using AccountCoachBot.Tests.TestSupport;
using NJsonSchema;

namespace AccountCoachBot.Tests.Manifests;

public class TeamsManifestTests
{
    private static string ManifestDir => RepoLocator.RepoPath("manifests", "teams");

    private static string ManifestPath => Path.Combine(ManifestDir, "manifest.json");

    private static readonly Lazy<Task<JsonSchema>> Schema = new(LoadSchemaAsync);

    private static string SchemaPath => RepoLocator.RepoPath("manifests", "schemas", "teams-manifest.schema.json");

    private static async Task<JsonSchema> LoadSchemaAsync()
    {
        var text = await File.ReadAllTextAsync(SchemaPath);
        // Validation must run offline: every $ref has to point inside the schema file itself.
        var remote = Regex.Matches(text, "\"\\$ref\"\\s*:\\s*\"([^\"]*)\"")
            .Select(m => m.Groups[1].Value)
            .Where(r => !r.StartsWith('#'))
            .Distinct()
            .ToList();
        Assert.True(remote.Count == 0, "The Teams schema references remote documents: " + string.Join(", ", remote));
        return await JsonSchema.FromJsonAsync(text);
    }

    private static async Task AssertValidAsync(string json, string what)
    {
        var schema = await Schema.Value;
        var errors = schema.Validate(json);
        Assert.True(errors.Count == 0, $"{what} has {errors.Count} schema error(s):{Environment.NewLine}" +
            string.Join(Environment.NewLine, errors.Select(e => $" - {e.Path}: {e.Kind} {e}")));
    }

    private static string SchemaManifestVersion()
    {
        var schema = JsonNode.Parse(File.ReadAllText(SchemaPath))!;
        return schema["properties"]!["manifestVersion"]!["const"]!.GetValue<string>();
    }

    [Fact]
    public async Task Manifest_validates_against_the_shared_schema()
    {
        await AssertValidAsync(await File.ReadAllTextAsync(ManifestPath), "manifests/teams/manifest.json");
    }

    [Fact]
    public async Task Schema_catches_a_bad_bot_id()
    {
        // Proves the validator really runs (NJsonSchema ignores "const" but checks patterns).
        var manifest = JsonNode.Parse(await File.ReadAllTextAsync(ManifestPath))!;
        manifest["bots"]![0]!["botId"] = "{{MicrosoftAppId}}";
        var errors = (await Schema.Value).Validate(manifest.ToJsonString());
        Assert.NotEmpty(errors);
    }

    [Fact]
    public void Manifest_declares_the_schemas_version()
    {
        // NJsonSchema ignores "const", so the version is checked here.
        var version = SchemaManifestVersion();
        var manifest = JsonNode.Parse(File.ReadAllText(ManifestPath))!;
        Assert.Equal(version, manifest["manifestVersion"]!.GetValue<string>());
        Assert.Equal($"https://developer.microsoft.com/json-schemas/teams/v{version}/MicrosoftTeams.schema.json",
            manifest["$schema"]!.GetValue<string>());
    }

    [Fact]
    public void Manifest_describes_the_personal_bot_and_its_commands()
    {
        var manifest = JsonNode.Parse(File.ReadAllText(ManifestPath))!;
        Assert.Equal("AccountCoachBot", manifest["name"]!["short"]!.GetValue<string>());
        Assert.Equal(TeamsPackageCommand.PlaceholderAppId, manifest["id"]!.GetValue<string>());
        foreach (var key in new[] { "websiteUrl", "privacyUrl", "termsOfUseUrl" })
        {
            Assert.StartsWith("https://", manifest["developer"]![key]!.GetValue<string>());
        }
        var bot = Assert.Single(manifest["bots"]!.AsArray())!;
        Assert.Equal(TeamsPackageCommand.PlaceholderAppId, bot["botId"]!.GetValue<string>());
        Assert.Contains("personal", bot["scopes"]!.AsArray().Select(s => s!.GetValue<string>()));
        var commands = bot["commandLists"]!.AsArray()
            .SelectMany(l => l!["commands"]!.AsArray())
            .ToDictionary(c => c!["title"]!.GetValue<string>(), c => c!["description"]?.GetValue<string>());
        foreach (var command in new[] { "help", "promise", "promises", "settings" })
        {
            Assert.True(commands.TryGetValue(command, out var description), $"command '{command}' missing");
            Assert.False(string.IsNullOrWhiteSpace(description), $"command '{command}' has no description");
        }
    }

    [Fact]
    public void Russian_localization_file_matches_the_manifest()
    {
        // The localization schema is not among the shared schemas; check its documented rules here.
        var manifest = JsonNode.Parse(File.ReadAllText(ManifestPath))!;
        var language = Assert.Single(manifest["localizationInfo"]!["additionalLanguages"]!.AsArray())!;
        Assert.Equal("ru", language["languageTag"]!.GetValue<string>());
        var ru = JsonNode.Parse(File.ReadAllText(Path.Combine(ManifestDir, language["file"]!.GetValue<string>())))!.AsObject();
        Assert.Equal(
            $"https://developer.microsoft.com/json-schemas/teams/v{SchemaManifestVersion()}/MicrosoftTeams.Localization.schema.json",
            ru["$schema"]!.GetValue<string>());
        var limits = new Dictionary<string, int> { ["name.short"] = 30, ["name.full"] = 100, ["description.short"] = 80, ["description.full"] = 4000 };
        foreach (var (key, max) in limits)
        {
            var value = ru[key]?.GetValue<string>();
            Assert.False(string.IsNullOrWhiteSpace(value), $"ru.json lacks {key}");
            Assert.True(value!.Length <= max, $"ru.json {key} is {value.Length} characters; at most {max}");
        }
        var commandKey = new Regex(@"^bots\[(\d+)\]\.commandLists\[(\d+)\]\.commands\[(\d+)\]\.(title|description)$");
        foreach (var (key, value) in ru)
        {
            if (key == "$schema" || limits.ContainsKey(key)) continue;
            var m = commandKey.Match(key);
            Assert.True(m.Success, $"ru.json has an unexpected key '{key}'");
            var target = manifest["bots"]?[int.Parse(m.Groups[1].Value)]?["commandLists"]?[int.Parse(m.Groups[2].Value)]?["commands"]?[int.Parse(m.Groups[3].Value)];
            Assert.True(target is not null, $"ru.json key '{key}' points at no command in the manifest");
            Assert.True(value!.GetValue<string>().Length <= 128, $"ru.json {key} is longer than 128 characters");
        }
    }

    [Fact]
    public void Color_icon_is_an_opaque_192px_png()
    {
        var icon = PngImage.Read(File.ReadAllBytes(Path.Combine(ManifestDir, "color.png")));
        Assert.Equal((192, 192), (icon.Width, icon.Height));
        Assert.NotNull(icon.Pixels);
        var colors = new HashSet<(byte, byte, byte)>();
        for (var y = 0; y < icon.Height; y++)
        for (var x = 0; x < icon.Width; x++)
        {
            var (r, g, b, a) = icon.Pixel(x, y);
            Assert.Equal(255, a);
            colors.Add((r, g, b));
        }
        Assert.True(colors.Count > 2, "the colour icon should not be flat");
    }

    [Fact]
    public void Outline_icon_is_a_32px_white_on_transparent_png()
    {
        var icon = PngImage.Read(File.ReadAllBytes(Path.Combine(ManifestDir, "outline.png")));
        Assert.Equal((32, 32), (icon.Width, icon.Height));
        Assert.True(icon.ColorType is 4 or 6 || icon.HasTransparencyChunk, "the outline icon needs an alpha channel");
        Assert.NotNull(icon.Pixels);
        int transparent = 0, drawn = 0;
        for (var y = 0; y < icon.Height; y++)
        for (var x = 0; x < icon.Width; x++)
        {
            var (r, g, b, a) = icon.Pixel(x, y);
            if (a == 0) { transparent++; continue; }
            drawn++;
            Assert.True(r == 255 && g == 255 && b == 255, $"pixel ({x},{y}) is not white: {r},{g},{b}");
        }
        Assert.Equal(0, icon.Pixel(0, 0).A);
        Assert.True(transparent > 32 * 32 / 2, "the outline icon should be mostly transparent");
        Assert.True(drawn > 50, "the outline icon should draw something");
    }

    [Fact]
    public async Task Package_has_the_files_at_its_root_with_the_app_id_and_still_validates()
    {
        var dir = Directory.CreateTempSubdirectory("teams-package-").FullName;
        try
        {
            var appId = Guid.NewGuid().ToString();
            var zipPath = Path.Combine(dir, "out", "AccountCoachBot-teams.zip");
            var output = new StringWriter();
            var code = await TeamsPackageCommand.RunAsync(ManifestDir, zipPath, appId, output);
            Assert.True(code == 0, output.ToString());
            Assert.Contains(zipPath, output.ToString());

            using var zip = ZipFile.OpenRead(zipPath);
            Assert.Equal(
                new[] { "color.png", "manifest.json", "outline.png", "ru.json" },
                zip.Entries.Select(e => e.FullName).Order());

            string manifestJson;
            using (var reader = new StreamReader(zip.GetEntry("manifest.json")!.Open()))
            {
                manifestJson = await reader.ReadToEndAsync();
            }
            var manifest = JsonNode.Parse(manifestJson)!;
            Assert.Equal(appId, manifest["id"]!.GetValue<string>());
            Assert.Equal(appId, manifest["bots"]![0]!["botId"]!.GetValue<string>());
            Assert.DoesNotContain(TeamsPackageCommand.PlaceholderAppId, manifestJson);
            await AssertValidAsync(manifestJson, "the packaged manifest.json");

            foreach (var icon in new[] { "color.png", "outline.png", "ru.json" })
            {
                using var ms = new MemoryStream();
                using (var s = zip.GetEntry(icon)!.Open()) await s.CopyToAsync(ms);
                Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(ManifestDir, icon)), ms.ToArray());
            }
            Assert.False(File.Exists(zipPath + ".tmp"));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Theory]
    [InlineData("{{MicrosoftAppId}}")]
    [InlineData("not-a-guid")]
    [InlineData("0000000000000000000000000000000")]
    [InlineData("{6f9619ff-8b86-d011-b42d-00cf4fc964ff}")]
    public async Task A_non_guid_app_id_is_refused(string appId)
    {
        var dir = Directory.CreateTempSubdirectory("teams-package-").FullName;
        try
        {
            var zipPath = Path.Combine(dir, "pkg.zip");
            var output = new StringWriter();
            var code = await TeamsPackageCommand.RunAsync(ManifestDir, zipPath, appId, output);
            Assert.NotEqual(0, code);
            Assert.Contains("not a GUID", output.ToString());
            Assert.False(File.Exists(zipPath));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public async Task Without_an_app_id_the_placeholder_stays_and_a_warning_is_printed()
    {
        var dir = Directory.CreateTempSubdirectory("teams-package-").FullName;
        try
        {
            var zipPath = Path.Combine(dir, "pkg.zip");
            var output = new StringWriter();
            Assert.Equal(0, await TeamsPackageCommand.RunAsync(ManifestDir, zipPath, null, output));
            Assert.Contains("warning", output.ToString());
            using var zip = ZipFile.OpenRead(zipPath);
            using var reader = new StreamReader(zip.GetEntry("manifest.json")!.Open());
            Assert.Equal(TeamsPackageCommand.PlaceholderAppId, JsonNode.Parse(await reader.ReadToEndAsync())!["id"]!.GetValue<string>());
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public async Task A_missing_or_wrongly_sized_icon_is_refused()
    {
        var dir = Directory.CreateTempSubdirectory("teams-package-").FullName;
        try
        {
            var copy = Path.Combine(dir, "teams");
            Directory.CreateDirectory(copy);
            foreach (var file in Directory.GetFiles(ManifestDir)) File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));

            File.Copy(Path.Combine(ManifestDir, "color.png"), Path.Combine(copy, "outline.png"), overwrite: true);
            var output = new StringWriter();
            Assert.Equal(1, await TeamsPackageCommand.RunAsync(copy, Path.Combine(dir, "a.zip"), Guid.NewGuid().ToString(), output));
            Assert.Contains("32x32", output.ToString());

            File.Delete(Path.Combine(copy, "outline.png"));
            output = new StringWriter();
            Assert.Equal(1, await TeamsPackageCommand.RunAsync(copy, Path.Combine(dir, "b.zip"), Guid.NewGuid().ToString(), output));
            Assert.Contains("outline.png", output.ToString());

            output = new StringWriter();
            Assert.Equal(1, await TeamsPackageCommand.RunAsync(Path.Combine(dir, "nowhere"), Path.Combine(dir, "c.zip"), null, output));
            Assert.Contains("does not exist", output.ToString());
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void The_manifest_folder_is_found_from_the_build_output()
    {
        Assert.Equal(Path.GetFullPath(ManifestDir), TeamsPackageCommand.FindManifestDirectory(AppContext.BaseDirectory));
        Assert.True(TeamsPackageCommand.IsGuid("6F9619FF-8B86-D011-B42D-00CF4FC964FF"));
        Assert.False(TeamsPackageCommand.IsGuid("6F9619FF8B86D011B42D00CF4FC964FF"));
    }
}
