using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
using AccountCoachBot.Features.People;
using AccountCoachBot.Features.Promises;
using AccountCoachBot.Features.Promises.Parsing;

namespace AccountCoachBot.Cli;

/// <summary>
/// <c>parse --batch</c>: reads JSON lines <c>{"text","now","tz","locale","accounts":[...]}</c> and writes one JSON
/// line per input, in order: <c>{"isPromise","account","action","due"}</c>, or <c>{"error":"..."}</c> for a line that
/// cannot be read. <c>now</c> is a wall time in <c>tz</c> unless it carries an offset; working hours are the defaults.
/// The eval sets in prompts/evals use the same shape plus an "expect" object, so one runner serves both.
/// Each line is read by <see cref="PromiseReading"/>, as the chat reads it: `promise Acme: …` is the explicit form.
/// </summary>
public static partial class ParseBatchCommand
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Returns 0 once all input is read (bad lines included), 1 if the input cannot be read.</summary>
    public static async Task<int> RunAsync(TextReader input, TextWriter output, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        while (true)
        {
            string? line;
            try
            {
                line = await input.ReadLineAsync(ct);
            }
            catch (IOException)
            {
                return 1;
            }

            if (line is null) break;
            if (string.IsNullOrWhiteSpace(line)) continue;
            await output.WriteLineAsync(ParseLine(line));
        }

        await output.FlushAsync(ct);
        return 0;
    }

    /// <summary>One input line to one output line; never throws for bad input.</summary>
    internal static string ParseLine(string line)
    {
        try
        {
            var (text, context) = ReadRequest(line);
            return Format(PromiseReading.Read(text, context).Parse);
        }
        catch (JsonException e)
        {
            return Error("invalid JSON: " + e.Message);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // One bad line must not stop the batch: report it in place and go on.
            return Error(e.Message);
        }
    }

    internal static (string Text, ParseContext Context) ReadRequest(string line)
    {
        using var doc = JsonDocument.Parse(line);
        var root = doc.RootElement;
        if (root.ValueKind != JsonValueKind.Object) throw new FormatException("expected a JSON object");
        var text = root.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.String
            ? t.GetString()!
            : throw new FormatException("missing \"text\"");

        var tzId = root.TryGetProperty("tz", out var tz) && tz.ValueKind == JsonValueKind.String ? tz.GetString()! : "UTC";
        TimeZoneInfo zone;
        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(tzId);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw new TimeZoneNotFoundException($"unknown time zone \"{tzId}\"");
        }

        var now = root.TryGetProperty("now", out var n) && n.ValueKind == JsonValueKind.String
            ? ReadNow(n.GetString()!, zone)
            : DateTimeOffset.UtcNow;

        var accounts = new List<string>();
        if (root.TryGetProperty("accounts", out var a) && a.ValueKind == JsonValueKind.Array)
            accounts.AddRange(a.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!));

        return (text, new ParseContext(now, zone, accounts, WorkingHours.Default));
    }

    // "2026-03-04T11:00:00" is a wall time in the zone; with "Z" or "+01:00" it is an instant.
    private static DateTimeOffset ReadNow(string value, TimeZoneInfo zone)
    {
        if (HasOffset().IsMatch(value))
        {
            return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant)
                ? instant
                : throw new FormatException($"invalid \"now\": \"{value}\"");
        }

        return DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            ? ZonedTime.FromLocal(local, zone)
            : throw new FormatException($"invalid \"now\": \"{value}\"");
    }

    internal static string FormatDue(DateTimeOffset due) => due.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    private static string Format(PromiseParse parse) => Write(w =>
    {
        w.WriteBoolean("isPromise", parse.IsPromise);
        w.WriteString("account", parse.Account);
        w.WriteString("action", parse.Action);
        if (parse.Due is { } due) w.WriteString("due", FormatDue(due));
        else w.WriteNull("due");
    });

    private static string Error(string message) => Write(w => w.WriteString("error", message));

    private static string Write(Action<Utf8JsonWriter> body)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, WriterOptions))
        {
            writer.WriteStartObject();
            body(writer);
            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    [GeneratedRegex(@"(Z|[+-][0-9]{2}:?[0-9]{2})$", RegexOptions.IgnoreCase)]
    private static partial Regex HasOffset();
}
