using System.Data.Common;
using System.Net.Sockets;
using Microsoft.Data.Sqlite;

namespace AccountCoachBot.Data;

/// <summary>
/// Tells a database that cannot be reached or used for a while (server down, connection cut, file locked or unopenable)
/// from a bug: the first gets an apology and a later retry, the second is a 500 and a stack trace in the log.
/// </summary>
public static class DatabaseOutage
{
    // SQLITE_BUSY, SQLITE_LOCKED, SQLITE_IOERR, SQLITE_CANTOPEN
    private static readonly HashSet<int> SqliteUnavailable = [5, 6, 10, 14];

    public static bool Is(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case SqliteException sqlite when SqliteUnavailable.Contains(sqlite.SqliteErrorCode):
                case DbException { IsTransient: true }: // Npgsql: refused, broken or timed-out connections, server shutting down
                case SocketException or TimeoutException:
                    return true;
            }
        }
        return false;
    }
}
