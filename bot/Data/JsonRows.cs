using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace AccountCoachBot.Data;

/// <summary>
/// Rows for a set-based statement on PostgreSQL as one JSON parameter, read with <c>jsonb_to_recordset</c>: one round
/// trip for hundreds of rows, where a statement a row would be one each. SQLite has no round trip (<see cref="SqliteRows"/>).
/// </summary>
internal static class JsonRows
{
    /// <summary>Each row's values in the order of <paramref name="names"/>: null, int, string or DateTime.</summary>
    public static string Write(IReadOnlyList<string> names, IEnumerable<object?[]> rows)
    {
        var encoded = names.Select(n => JsonEncodedText.Encode(n)).ToArray(); // escaped once, not once a row
        var buffer = new ArrayBufferWriter<byte>(64 * 1024);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            foreach (var values in rows)
            {
                json.WriteStartObject();
                for (var i = 0; i < values.Length; i++)
                {
                    switch (values[i])
                    {
                        case null: json.WriteNull(encoded[i]); break;
                        case int n: json.WriteNumber(encoded[i], n); break;
                        case string text: json.WriteString(encoded[i], text); break;
                        case DateTime time: json.WriteString(encoded[i], Stored(time)); break;
                        default: throw new ArgumentException($"No JSON form for {values[i]!.GetType().Name}", nameof(rows));
                    }
                }
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>
    /// A time in ISO 8601 and UTC for PostgreSQL's timestamptz (as the model's <see cref="UtcDateTimeConverter"/> makes
    /// every time UTC), cut to whole microseconds as Npgsql sends it (PostgreSQL would round the seventh digit instead).
    /// </summary>
    private static string Stored(DateTime value)
    {
        var utc = value.Kind == DateTimeKind.Utc ? value : value.ToUniversalTime();
        return new DateTime(utc.Ticks - utc.Ticks % 10, DateTimeKind.Utc).ToString("O", CultureInfo.InvariantCulture);
    }
}
