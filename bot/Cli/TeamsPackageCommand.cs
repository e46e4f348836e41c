using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AccountCoachBot.Cli;

/// <summary>
/// Builds the Microsoft Teams app package: a zip with manifest.json, the icons and the localization files
/// at its root, with the app id and bot id set to the bot's Microsoft App ID.
/// </summary>
public static class TeamsPackageCommand
{
    /// <summary>The id the committed manifest carries until a package is built with a real app id.</summary>
    public const string PlaceholderAppId = "00000000-0000-0000-0000-000000000000";

    public const string DefaultOutputFile = "AccountCoachBot-teams.zip";

    /// <summary>The manifest folder inside the repository.</summary>
    public static readonly string ManifestFolder = Path.Combine("manifests", "teams");

    private static readonly (string Key, int Size)[] IconSizes = [("color", 192), ("outline", 32), ("color32x32", 32)];

    /// <summary>
    /// Builds <paramref name="outputZip"/> from <paramref name="manifestDir"/>. Returns 0 on success, 1 on error;
    /// every message goes to <paramref name="output"/>.
    /// </summary>
    public static async Task<int> RunAsync(string manifestDir, string outputZip, string? appId, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        try
        {
            if (string.IsNullOrWhiteSpace(manifestDir) || !Directory.Exists(manifestDir))
            {
                await output.WriteLineAsync($"teams-package: manifest folder '{manifestDir}' does not exist.");
                return 1;
            }
            if (string.IsNullOrWhiteSpace(outputZip))
            {
                await output.WriteLineAsync("teams-package: no output file given (use --out file.zip).");
                return 1;
            }

            string? id = null;
            if (!string.IsNullOrWhiteSpace(appId))
            {
                id = appId.Trim();
                if (!IsGuid(id))
                {
                    await output.WriteLineAsync(
                        $"teams-package: the app id '{id}' is not a GUID (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx). " +
                        "Set MicrosoftAppId to the bot's Microsoft App ID from its Azure Bot registration.");
                    return 1;
                }
            }

            var manifestPath = Path.Combine(manifestDir, "manifest.json");
            if (!File.Exists(manifestPath))
            {
                await output.WriteLineAsync($"teams-package: '{manifestPath}' not found.");
                return 1;
            }

            JsonObject manifest;
            try
            {
                manifest = JsonNode.Parse(await File.ReadAllTextAsync(manifestPath), documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip }) as JsonObject
                    ?? throw new JsonException("the root is not an object");
            }
            catch (JsonException ex)
            {
                await output.WriteLineAsync($"teams-package: '{manifestPath}' is not valid JSON: {ex.Message}");
                return 1;
            }

            if (id is not null)
            {
                SetAppId(manifest, id);
            }
            else
            {
                await output.WriteLineAsync(
                    $"teams-package: warning: no MicrosoftAppId configured; the package keeps the placeholder id {PlaceholderAppId} " +
                    "and Teams will not reach your bot with it.");
            }

            var files = ReferencedFiles(manifest);
            foreach (var file in files)
            {
                var problem = CheckFile(manifestDir, file, manifest);
                if (problem is not null)
                {
                    await output.WriteLineAsync($"teams-package: {problem}");
                    return 1;
                }
            }

            var fullOut = Path.GetFullPath(outputZip);
            var outDir = Path.GetDirectoryName(fullOut);
            if (!string.IsNullOrEmpty(outDir)) Directory.CreateDirectory(outDir);

            var manifestBytes = Encoding.UTF8.GetBytes(manifest.ToJsonString(new JsonSerializerOptions
            {
                WriteIndented = true,
                Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            }));

            // Write beside the target and move into place, so a failed run never leaves half a package.
            var temp = fullOut + ".tmp";
            try
            {
                await using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write))
                using (var zip = new ZipArchive(stream, ZipArchiveMode.Create))
                {
                    var entry = zip.CreateEntry("manifest.json", CompressionLevel.Optimal);
                    await using (var es = entry.Open()) await es.WriteAsync(manifestBytes);
                    foreach (var file in files)
                    {
                        zip.CreateEntryFromFile(Path.Combine(manifestDir, file), file.Replace('\\', '/'), CompressionLevel.Optimal);
                    }
                }
                File.Move(temp, fullOut, overwrite: true);
            }
            finally
            {
                if (File.Exists(temp)) File.Delete(temp);
            }

            await output.WriteLineAsync(
                $"teams-package: wrote {fullOut} ({string.Join(", ", new[] { "manifest.json" }.Concat(files))}); " +
                $"app id {id ?? PlaceholderAppId + " (placeholder)"}.");
            return 0;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            await output.WriteLineAsync($"teams-package: {ex.Message}");
            return 1;
        }
    }

    /// <summary>
    /// Finds <c>manifests/teams</c> by walking up from <paramref name="start"/> (default: the current directory,
    /// then the app's base directory) to the folder that holds <c>AccountCoachBot.sln</c>; null if none.
    /// </summary>
    public static string? FindManifestDirectory(string? start = null)
    {
        var starts = start is not null
            ? new[] { start }
            : new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory };
        foreach (var s in starts)
        {
            for (var dir = new DirectoryInfo(Path.GetFullPath(s)); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, ManifestFolder);
                if (File.Exists(Path.Combine(dir.FullName, "AccountCoachBot.sln")) && Directory.Exists(candidate))
                {
                    return candidate;
                }
            }
        }
        return null;
    }

    /// <summary>True for a GUID in the 8-4-4-4-12 form the manifest schema requires.</summary>
    public static bool IsGuid(string? value) =>
        value is { Length: 36 } && Guid.TryParseExact(value, "D", out _);

    private static void SetAppId(JsonObject manifest, string id)
    {
        manifest["id"] = id;
        if (manifest["bots"] is JsonArray bots)
        {
            foreach (var bot in bots.OfType<JsonObject>())
            {
                bot["botId"] = id;
            }
        }
        if (manifest["webApplicationInfo"] is JsonObject web && web.ContainsKey("id"))
        {
            web["id"] = id;
        }
    }

    /// <summary>Icon and localization files the manifest names, as relative paths, without duplicates.</summary>
    private static List<string> ReferencedFiles(JsonObject manifest)
    {
        var files = new List<string>();
        void Add(JsonNode? node)
        {
            if (node is JsonValue v && v.TryGetValue<string>(out var s) && !string.IsNullOrWhiteSpace(s) && !files.Contains(s))
            {
                files.Add(s);
            }
        }

        if (manifest["icons"] is JsonObject icons)
        {
            foreach (var (key, _) in IconSizes) Add(icons[key]);
        }
        if (manifest["localizationInfo"] is JsonObject loc)
        {
            Add(loc["defaultLanguageFile"]);
            if (loc["additionalLanguages"] is JsonArray languages)
            {
                foreach (var language in languages.OfType<JsonObject>()) Add(language["file"]);
            }
        }
        return files;
    }

    private static string? CheckFile(string manifestDir, string relative, JsonObject manifest)
    {
        if (Path.IsPathRooted(relative) || relative.Split('/', '\\').Contains(".."))
        {
            return $"the manifest names '{relative}'; files must be relative to the manifest folder.";
        }
        var path = Path.Combine(manifestDir, relative);
        if (!File.Exists(path))
        {
            return $"the manifest names '{relative}' but '{path}' does not exist.";
        }
        foreach (var (key, size) in IconSizes)
        {
            if (manifest["icons"]?[key] is not JsonValue named || !named.TryGetValue<string>(out var name) || name != relative) continue;
            var dims = ReadPngSize(path);
            if (dims is null) return $"icon '{relative}' is not a PNG file.";
            if (dims.Value.Width != size || dims.Value.Height != size)
            {
                return $"icon '{relative}' is {dims.Value.Width}x{dims.Value.Height}; Teams needs {size}x{size}.";
            }
        }
        return null;
    }

    /// <summary>Width and height from a PNG's IHDR chunk, or null when the file is not a PNG.</summary>
    internal static (int Width, int Height)? ReadPngSize(string path)
    {
        Span<byte> header = stackalloc byte[24];
        using var stream = File.OpenRead(path);
        if (stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false) < header.Length) return null;
        ReadOnlySpan<byte> signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
        if (!header[..8].SequenceEqual(signature) || !header[12..16].SequenceEqual("IHDR"u8)) return null;
        return (BinaryPrimitives.ReadInt32BigEndian(header[16..20]), BinaryPrimitives.ReadInt32BigEndian(header[20..24]));
    }
}
