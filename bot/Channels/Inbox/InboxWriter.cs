using System.Diagnostics;
using System.Threading.Channels;
using AccountCoachBot.Data;
using AccountCoachBot.Operations;
using Microsoft.EntityFrameworkCore;

namespace AccountCoachBot.Channels.Inbox;

/// <summary>
/// Records requests before they are acknowledged, so that an ack promises the work is on disk. On SQLite each is
/// appended to the arrivals file on its own thread (<see cref="InboxArrivals"/>). On PostgreSQL they go into the inbox
/// many to a commit: profiled under load, the request's own INSERT was nine tenths of the ack's time, so the requests
/// that arrive while one commit is under way share the next, and each is answered once its row is committed.
/// </summary>
public sealed class InboxWriter(
    IServiceScopeFactory scopes, InboxArrivals arrivals, InboxSignal signal, CoachMetrics metrics, TimeProvider time,
    IConfiguration configuration, ILogger<InboxWriter> logger)
    : IAsyncDisposable
{
    /// <summary>The HttpContext item holding the id of the row a request recorded (a host can await its turn).</summary>
    public const string RecordedIdItem = "AccountCoachBot.InboxId";

    private const int MaxBatch = InboxInserts.MaxRows;
    private readonly bool _postgres = DatabaseSettings.ProviderOf(configuration) == DatabaseProvider.Postgres;
    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private int _writing;
    private int _waiting;
    private long _lastActivity = long.MinValue / 2; // Stopwatch timestamp of the last arrival or answer
    // One writer at a time (WriteAllAsync) uses them: a kept context, and while a burst lasts its open connection and
    // the statements compiled on it.
    private readonly KeptContext _context = new(scopes);
    private InboxInserts? _inserts;
    private CancellationTokenSource _gap = new();
    /// <summary>How long the connection stays open after the last commit, waiting for a burst's next request.</summary>
    public static readonly TimeSpan BurstGap = TimeSpan.FromMilliseconds(20);

    private sealed record Pending(InboxItem Item, TaskCompletionSource<long?> Recorded);

    /// <summary>
    /// Completes with the request's id once it is on disk, or (PostgreSQL) with null when it was there already: a
    /// platform's retry. On SQLite a retry gets an id too, and is dropped as it moves into the inbox.
    /// </summary>
    public async Task<long?> RecordAsync(InboxItem item, CancellationToken ct)
    {
        item.ReceivedUtc = time.GetUtcNow().UtcDateTime;
        Volatile.Write(ref _lastActivity, Stopwatch.GetTimestamp());
        if (!_postgres)
        {
            var started = Stopwatch.GetTimestamp();
            var id = await arrivals.RecordAsync(item, ct);
            metrics.InboxCommitted(1, Stopwatch.GetElapsedTime(started));
            signal.Notify(item);
            Volatile.Write(ref _lastActivity, Stopwatch.GetTimestamp());
            return id;
        }
        var pending = new Pending(item, new TaskCompletionSource<long?>(TaskCreationOptions.RunContinuationsAsynchronously));
        Interlocked.Increment(ref _waiting);
        try
        {
            _queue.Writer.TryWrite(pending);
            if (Interlocked.CompareExchange(ref _writing, 1, 0) == 0) _ = Task.Run(WriteAllAsync, CancellationToken.None);
            return await pending.Recorded.Task.WaitAsync(ct);
        }
        finally
        {
            // Here, in the request's own flow, not when the commit completes the task: on a busy machine the answers
            // queue for a thread after the commit, and the acks are not over until they are on their way.
            Answered();
        }
    }

    /// <summary>
    /// No request is waiting for its row to be committed, and none arrived or was answered for <paramref name="gap"/>: a
    /// burst is over, not just between two of its commits. The inbox processor starts its turns then, so that under a
    /// burst the acks get the cores (see <see cref="TurnSlots"/>). Real time: this shares out the cores, not
    /// product policy.
    /// </summary>
    public bool QuietFor(TimeSpan gap) =>
        Volatile.Read(ref _waiting) == 0 && Stopwatch.GetElapsedTime(Volatile.Read(ref _lastActivity)) >= gap;

    private void Answered()
    {
        Volatile.Write(ref _lastActivity, Stopwatch.GetTimestamp());
        Interlocked.Decrement(ref _waiting);
    }

    /// <summary>One writer at a time drains the queue, then stops until the next request starts it again.</summary>
    private async Task WriteAllAsync()
    {
        while (true)
        {
            var batch = new List<Pending>();
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var next)) batch.Add(next);
            if (batch.Count > 0)
            {
                await WriteAsync(batch);
                continue;
            }
            if (_inserts is not null && await NextWithinAsync(BurstGap)) continue; // the burst goes on: keep the connection
            await CloseConnectionAsync(); // the burst is over: back to the pool
            Volatile.Write(ref _writing, 0);
            // A request queued between the last read and the line above would otherwise wait for the next one.
            if (!_queue.Reader.TryPeek(out _) || Interlocked.CompareExchange(ref _writing, 1, 0) != 0) return;
        }
    }

    /// <summary>Whether a burst's connection is open now (tests that take the database away wait until it is not).</summary>
    internal bool HoldsConnection => Volatile.Read(ref _inserts) is not null;

    /// <summary>
    /// Whether a request comes within <paramref name="gap"/>. Between two commits of a burst the queue is often empty for
    /// a moment (its requests are being answered); closing the connection then meant opening it again, with its pragmas
    /// and its statements compiled anew, for nearly every commit: 20,000 opens in a 10-second burst.
    /// </summary>
    private async Task<bool> NextWithinAsync(TimeSpan gap)
    {
        _gap.CancelAfter(gap);
        try
        {
            return await _queue.Reader.WaitToReadAsync(_gap.Token);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
        finally
        {
            if (!_gap.TryReset())
            {
                _gap.Dispose();
                _gap = new CancellationTokenSource();
            }
        }
    }

    private async Task WriteAsync(List<Pending> batch)
    {
        try
        {
            var db = _context.Get();
            if (_inserts is null)
            {
                await db.Database.OpenConnectionAsync(); // through EF Core: its interceptors set the connection up
                _inserts = new InboxInserts(db.Database.GetDbConnection());
            }
            var started = Stopwatch.GetTimestamp();
            var ids = await _inserts.InsertAsync(batch.Select(p => p.Item).ToList(), CancellationToken.None);
            metrics.InboxCommitted(batch.Count, Stopwatch.GetElapsedTime(started));
            for (var i = 0; i < batch.Count; i++)
            {
                if (ids[i] is not null) signal.Notify(batch[i].Item);
                batch[i].Recorded.TrySetResult(ids[i]); // null: a retry of what is there already
            }
        }
        catch (Exception e)
        {
            logger.LogError(e, "Could not record {Count} request(s) in the inbox", batch.Count);
            foreach (var p in batch) p.Recorded.TrySetException(e);
            _inserts?.Dispose();
            _inserts = null;
            await _context.DropAsync(); // its connection may be what failed
        }
    }

    private async Task CloseConnectionAsync()
    {
        if (_inserts is null) return;
        _inserts.Dispose();
        _inserts = null;
        try
        {
            await _context.Get().Database.CloseConnectionAsync();
        }
        catch (Exception e)
        {
            logger.LogDebug("Inbox connection not closed cleanly: {Error}", e.Message);
            await _context.DropAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _inserts?.Dispose();
        await _context.DisposeAsync();
    }
}
