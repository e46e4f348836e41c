using System.Text;
using System.Text.Json.Nodes;

namespace AccountCoachBot.Tests.Operations;

/// <summary>One malformed request body: what it is (for the failure message), its bytes and content type.</summary>
public sealed record FuzzCase(string Name, byte[] Body, string? ContentType);

/// <summary>
/// Deterministic malformed input from a seeded <see cref="Random"/>: broken and truncated JSON, wrong types, missing
/// fields, deep nesting, bad form encoding, binary and invalid UTF-8, and a few bodies past every limit.
/// </summary>
public static class FuzzCases
{
    private const string Json = "application/json";
    private const string Form = "application/x-www-form-urlencoded";

    public static IEnumerable<FuzzCase> ForJson(Random random, JsonObject template, int count)
    {
        foreach (var raw in Raw(random, Json)) yield return raw;
        for (var i = 0; i < count; i++)
        {
            var mutated = Mutate(random, template);
            var text = mutated.ToJsonString();
            if (i % 7 == 3) text = text[..random.Next(text.Length)]; // cut short
            yield return new FuzzCase($"json #{i}: {Describe(text)}", Encoding.UTF8.GetBytes(text), i % 11 == 5 ? "text/plain" : Json);
        }
    }

    /// <summary>Form bodies: the template's fields mutated, badly escaped or repeated; <paramref name="jsonField"/> holds JSON.</summary>
    public static IEnumerable<FuzzCase> ForForm(Random random, IReadOnlyDictionary<string, string> template, int count, string? jsonField = null)
    {
        foreach (var raw in Raw(random, Form)) yield return raw;
        for (var i = 0; i < count; i++)
        {
            var fields = template.ToDictionary();
            var key = fields.Keys.ElementAt(random.Next(fields.Count));
            switch (random.Next(6))
            {
                case 0: fields.Remove(key); break;
                case 1: fields[key] = Garbage(random); break;
                case 2: fields[key] = new string('x', random.Next(1, 70_000)); break;
                case 3 when jsonField is not null && fields.TryGetValue(jsonField, out var json) && JsonNode.Parse(json) is JsonObject o:
                    fields[jsonField] = Mutate(random, o).ToJsonString(); break;
                case 4: fields[key] = ""; break;
            }
            var body = string.Join("&", fields.Select(f => $"{Uri.EscapeDataString(f.Key)}={Uri.EscapeDataString(f.Value)}"));
            body = random.Next(5) switch
            {
                0 => body + "&%zz=%&&==&" + key + "=%E0%A4%A", // broken escapes, a repeated key, a cut UTF-8 sequence
                1 => body.Replace("%", "%%", StringComparison.Ordinal),
                _ => body,
            };
            yield return new FuzzCase($"form #{i}: {Describe(body)}", Encoding.UTF8.GetBytes(body), i % 13 == 6 ? Json : Form);
        }
    }

    /// <summary>Shapes every endpoint gets: empty, scalars, binary, invalid UTF-8, deep nesting, past the size limits.</summary>
    private static IEnumerable<FuzzCase> Raw(Random random, string contentType)
    {
        yield return new("empty", [], contentType);
        yield return new("no content type", Encoding.UTF8.GetBytes("{}"), null);
        foreach (var scalar in new[] { "null", "[]", "\"text\"", "1e999", "-0", "{\"a\":}", "{", "}", "[{]", "\uFEFF{}", "{\"type\":\"message\"}" })
            yield return new($"scalar {scalar}", Encoding.UTF8.GetBytes(scalar), contentType);
        yield return new("deep arrays", Encoding.UTF8.GetBytes(new string('[', 5000) + new string(']', 5000)), contentType);
        yield return new("deep objects", Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("{\"a\":", 3000)) + "1" + new string('}', 3000)), contentType);
        yield return new("invalid UTF-8", [0x7B, 0x22, 0xC3, 0x28, 0xFF, 0xFE, 0x22, 0x3A, 0x31, 0x7D], contentType);
        for (var i = 0; i < 5; i++)
        {
            var bytes = new byte[random.Next(1, 4096)];
            random.NextBytes(bytes);
            yield return new($"binary {bytes.Length} B", bytes, i % 2 == 0 ? contentType : "application/octet-stream");
        }
        yield return new("1.5 MB of JSON", Encoding.UTF8.GetBytes("{\"text\":\"" + new string('a', 1_500_000) + "\"}"), contentType);
        yield return new("3 MB of zeros", new byte[3_000_000], contentType);
    }

    private static JsonNode Mutate(Random random, JsonObject template)
    {
        var copy = template.DeepClone().AsObject();
        var nodes = new List<(JsonNode Parent, string? Key, int Index)>();
        Collect(copy, nodes);
        for (var n = random.Next(1, 4); n > 0 && nodes.Count > 0; n--)
        {
            var (parent, key, index) = nodes[random.Next(nodes.Count)];
            var remove = random.Next(3) == 0;
            if (parent is JsonObject o && key is not null)
            {
                if (remove) o.Remove(key);
                else o[key] = RandomValue(random);
            }
            else if (parent is JsonArray a && index < a.Count)
            {
                a[index] = RandomValue(random);
            }
        }
        return copy;
    }

    private static void Collect(JsonNode node, List<(JsonNode, string?, int)> into)
    {
        if (node is JsonObject o)
        {
            foreach (var (key, child) in o.ToList())
            {
                into.Add((o, key, 0));
                if (child is not null) Collect(child, into);
            }
        }
        else if (node is JsonArray a)
        {
            for (var i = 0; i < a.Count; i++)
            {
                into.Add((a, null, i));
                if (a[i] is { } child) Collect(child, into);
            }
        }
    }

    private static JsonNode? RandomValue(Random random) => random.Next(10) switch
    {
        0 => null,
        1 => random.Next() - int.MaxValue / 2,
        2 => 1e300 * random.NextDouble(),
        3 => random.Next(2) == 0,
        4 => new JsonArray(1, "two", null, new JsonObject()),
        5 => new JsonObject { ["nested"] = new JsonObject { ["x"] = Garbage(random) } },
        6 => new string('ж', random.Next(1, 50_000)),
        7 => "",
        8 => "2026-13-45T99:99:99Z",
        _ => Garbage(random),
    };

    private static string Garbage(Random random)
    {
        var chars = new char[random.Next(1, 64)];
        for (var i = 0; i < chars.Length; i++) chars[i] = (char)random.Next(0, 0xD7FF); // control characters and every script
        return new string(chars);
    }

    private static string Describe(string body) => body.Length <= 80 ? body : body[..80] + $"… ({body.Length} chars)";
}
