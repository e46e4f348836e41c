using System.Text;

namespace AccountCoachBot.Features.ProactiveCalls.Import;

/// <summary>A CSV record and the line it starts on (1 = the header).</summary>
public sealed record CsvRecord(int Line, IReadOnlyList<string> Fields);

public sealed class CsvFormatException(int line, string message) : Exception(message)
{
    public int Line { get; } = line;
}

/// <summary>
/// RFC 4180 CSV, small and strict: commas, quoted fields ("" for a quote; commas and line breaks inside quotes),
/// CRLF or LF. Blank lines are skipped. A stray quote or an unterminated one is an error at its line.
/// </summary>
public static class Csv
{
    public static IEnumerable<CsvRecord> Read(TextReader reader)
    {
        var line = 1;
        var fields = new List<string>();
        var field = new StringBuilder();
        var recordLine = 1;
        var inQuotes = false;
        var quotedField = false;
        var atFieldStart = true;

        int c;
        while ((c = reader.Read()) != -1)
        {
            var ch = (char)c;
            if (inQuotes)
            {
                if (ch == '"')
                {
                    if (reader.Peek() == '"')
                    {
                        reader.Read();
                        field.Append('"');
                    }
                    else inQuotes = false;
                }
                else
                {
                    if (ch == '\n') line++;
                    field.Append(ch);
                }
                continue;
            }

            switch (ch)
            {
                case '"' when atFieldStart:
                    inQuotes = true;
                    quotedField = true;
                    atFieldStart = false;
                    break;
                case '"':
                    throw new CsvFormatException(line, "a quote inside an unquoted field (quote the whole field and double the quote)");
                case ',':
                    fields.Add(Finish(field, quotedField));
                    quotedField = false;
                    atFieldStart = true;
                    break;
                case '\r':
                    break;
                case '\n':
                    fields.Add(Finish(field, quotedField));
                    if (fields.Count > 1 || fields[0].Length > 0 || quotedField) yield return new CsvRecord(recordLine, fields.ToList());
                    fields.Clear();
                    quotedField = false;
                    atFieldStart = true;
                    line++;
                    recordLine = line;
                    break;
                default:
                    if (quotedField) throw new CsvFormatException(line, "text after a closing quote");
                    field.Append(ch);
                    atFieldStart = false;
                    break;
            }
        }
        if (inQuotes) throw new CsvFormatException(recordLine, "a quoted field is never closed");
        fields.Add(Finish(field, quotedField));
        if (fields.Count > 1 || fields[0].Length > 0 || quotedField) yield return new CsvRecord(recordLine, fields.ToList());
    }

    private static string Finish(StringBuilder field, bool quoted)
    {
        var value = quoted ? field.ToString() : field.ToString().Trim();
        field.Clear();
        return value;
    }

    /// <summary>One field as CSV: quoted when it holds a comma, a quote, a line break or edge spaces.</summary>
    public static string Field(string? value)
    {
        value ??= "";
        var needsQuotes = value.AsSpan().IndexOfAny(",\"\r\n") >= 0 || (value.Length > 0 && (char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1])));
        return needsQuotes ? $"\"{value.Replace("\"", "\"\"")}\"" : value;
    }

    public static string Line(IEnumerable<string?> fields) => string.Join(',', fields.Select(Field));
}
