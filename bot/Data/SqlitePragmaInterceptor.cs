using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace AccountCoachBot.Data;

/// <summary>
/// The terminal chat and the server may share one SQLite file: wait for a lock instead of failing at once.
/// </summary>
/// <remarks>
/// <c>synchronous = NORMAL</c>: profiled, each commit's flush (FULL, the default) was 13 ms of a turn, and with one writer
/// at a time it bounded the whole server. The database runs in WAL mode (set at migration), where NORMAL still keeps
/// every committed transaction when the process crashes or is killed; only an OS crash or power loss can lose the
/// last few commits (never corrupt the file), as the WAL is flushed at checkpoints rather than at each commit.
/// </remarks>
internal sealed class SqlitePragmaInterceptor : DbConnectionInterceptor
{
    private static readonly string Pragmas = "PRAGMA busy_timeout = 5000; PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL; PRAGMA wal_autocheckpoint = " + SqliteCheckpointer.CommitThreshold + ";";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
