using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace AccountCoachBot.Data;

/// <summary>
/// Rows for a set-based statement as one JSON parameter (read with <c>json_each</c> on SQLite, <c>jsonb_to_recordset</c>
/// on PostgreSQL): thousands of separate parameters cost more than the writes (SQLite finds each by name in a linear list).
/// </summary>
internal static class JsonRows
{
    /// <summary>Each row's values in the order of <paramref name="names"/>: null, int, string or DateTime.</summary>
    public static string Write(IReadOnlyList<string> names, IEnumerable<object?[]> rows, bool postgres)
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
                        case DateTime time: json.WriteString(encoded[i], Stored(time, postgres)); break;
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
    /// A time as the provider stores it: EF Core's SQLite text form, or ISO 8601 in UTC for PostgreSQL's timestamptz
    /// (as the model's <see cref="UtcDateTimeConverter"/> makes every time UTC), cut to whole microseconds as Npgsql
    /// sends it (PostgreSQL would round the text form's seventh digit instead).
    /// </summary>
    public static string Stored(DateTime value, bool postgres)
    {
        var utc = value.Kind == DateTimeKind.Utc ? value : value.ToUniversalTime();
        return postgres
            ? new DateTime(utc.Ticks - utc.Ticks % 10, DateTimeKind.Utc).ToString("O", CultureInfo.InvariantCulture)
            : utc.ToString(@"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFF", CultureInfo.InvariantCulture);
    }
}
