using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace AccountCoachBot.Features.Digests;

/// <summary>
/// Reads a query's rows without EF Core's materializer: the query (and its SQL and parameters) is still EF Core's, but
/// each row is read by hand. A digest reads tens of thousands of dates; EF Core on SQLite parses each stored text with
/// <see cref="DateTime.Parse(string, IFormatProvider)"/> (about a microsecond), this reads the format EF Core writes in
/// a tenth of that. On PostgreSQL dates arrive binary and are read as they are.
/// </summary>
internal sealed class DigestRows(DbDataReader reader, bool sqlite)
{
    /// <summary>
    /// Runs <paramref name="query"/> (a projection whose columns come in the order <paramref name="read"/> reads them,
    /// <paramref name="columns"/> of them) on the context's connection, which the caller keeps open.
    /// </summary>
    public static async Task<List<T>> ReadAsync<T>(DbContext db, IQueryable query, int columns, Func<DigestRows, T> read, CancellationToken ct)
    {
        await using var command = query.CreateDbCommand();
        await using var reader = await command.ExecuteReaderAsync(ct);
        // EF Core drops a column projected twice and may add key columns: a changed projection must fail loudly.
        if (reader.FieldCount != columns)
            throw new InvalidOperationException($"The digest's query has {reader.FieldCount} columns where {columns} were expected: {command.CommandText}");
        var rows = new DigestRows(reader, db.Database.IsSqlite());
        var list = new List<T>();
        // SQLite runs in the process: its async read only adds overhead to every row.
        if (rows._sqlite)
            while (reader.Read()) list.Add(read(rows));
        else
            while (await reader.ReadAsync(ct)) list.Add(read(rows));
        return list;
    }

    private readonly bool _sqlite = sqlite;

    /// <summary>Opens the context's connection until the result is disposed (EF Core counts opens, so this nests).</summary>
    public static async Task<OpenConnection> OpenAsync(DbContext db, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        return new OpenConnection(db);
    }

    public sealed class OpenConnection(DbContext db) : IAsyncDisposable
    {
        private bool _closed;

        public async ValueTask DisposeAsync()
        {
            if (_closed) return;
            _closed = true;
            await db.Database.CloseConnectionAsync();
        }
    }

    public int Int(int i) => reader.GetInt32(i);

    public int? IntOrNull(int i) => reader.IsDBNull(i) ? null : reader.GetInt32(i);

    public string String(int i) => reader.GetString(i);

    public DateTime Utc(int i)
    {
        if (_sqlite && TryParseSqlite(reader.GetString(i), out var parsed)) return parsed;
        return DateTime.SpecifyKind(reader.GetDateTime(i), DateTimeKind.Utc);
    }

    public DateTime? UtcOrNull(int i) => reader.IsDBNull(i) ? null : Utc(i);

    /// <summary>
    /// EF Core's SQLite text for a date: <c>yyyy-MM-dd HH:mm:ss</c> and, when there is one, a fraction of up to seven
    /// digits. Anything else is left to the provider's own parsing.
    /// </summary>
    internal static bool TryParseSqlite(ReadOnlySpan<char> s, out DateTime value)
    {
        value = default;
        if (s.Length < 19 || s.Length == 20 || s.Length > 27 || s[4] != '-' || s[7] != '-' || s[10] != ' ' || s[13] != ':' || s[16] != ':'
            || (s.Length > 19 && s[19] != '.'))
            return false;
        if (!Digits(s[..4], out var year) || !Digits(s[5..7], out var month) || !Digits(s[8..10], out var day)
            || !Digits(s[11..13], out var hour) || !Digits(s[14..16], out var minute) || !Digits(s[17..19], out var second))
            return false;
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
            return false;
        var fraction = 0;
        if (s.Length > 19)
        {
            if (!Digits(s[20..], out fraction)) return false;
            for (var n = s.Length - 20; n < 7; n++) fraction *= 10;
        }
        value = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Utc).AddTicks(fraction);
        return true;
    }

    private static bool Digits(ReadOnlySpan<char> s, out int value)
    {
        value = 0;
        foreach (var c in s)
        {
            if (c is < '0' or > '9') return false;
            value = value * 10 + (c - '0');
        }
        return true;
    }
}
