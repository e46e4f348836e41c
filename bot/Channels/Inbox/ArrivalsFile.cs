using System.Buffers;
using System.Buffers.Binary;
using System.IO.Hashing;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace AccountCoachBot.Channels.Inbox;

/// <summary>
/// Requests recorded before their ack, appended to a file beside the SQLite database: one write, on the request's own
/// thread. The arrivals table's commit is ~14 system calls on the inbox writer's thread, and waiting for it a hop there
/// and back: measured (bench/JOURNAL.md, "part by part"), Slack's ack p99 was 2.59× the floor's committing to the table
/// and 1.03× appending to a file. <see cref="InboxArrivals"/> opens it and moves its records into the inbox.
/// </summary>
/// <remarks>
/// <para>A record: its body's length (int32), the body's CRC-32, then the body: the id (int64), when it was received
/// (ticks, UTC), and the transport, key, kind, conversation key (length −1 when there is none) and payload as
/// length-prefixed UTF-8. Little-endian throughout.</para>
/// <para>Durability as SQLite's commit with <c>synchronous = NORMAL</c>: once the write returns, the record is in the
/// system's page cache and outlives the process; a power cut may take it. A record cut short (a crash mid-write, or a
/// power cut) fails its CRC or its length, and the file is read up to it and cut there: it was never acknowledged.</para>
/// <para>Ids go on after every id the inbox ever gave (its sequence, passed to <see cref="Open"/>), in file order, so
/// the inbox's sequence also says how far the file has been moved into it.</para>
/// </remarks>
public sealed class ArrivalsFile : IDisposable
{
    private const int HeaderBytes = 8; // length, CRC-32
    /// <summary>Larger than any request an endpoint accepts (1 MB bodies); a length past it is a torn record.</summary>
    private const int MaxBodyBytes = 16 * 1024 * 1024;

    private readonly Lock _lock = new();
    private readonly string _path;
    private SafeFileHandle? _file;
    private SafeFileHandle? _owner; // its lock file, held exclusively while open
    private long _end; // where the next record goes
    private long _movedTo; // every record before this offset is in the inbox
    private long _lastId;

    public ArrivalsFile(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        _path = path;
    }

    /// <summary>The file beside a SQLite database.</summary>
    public static string PathFor(string databasePath) => databasePath + "-arrivals";

    /// <summary>
    /// Opens the file (made if missing) and returns how many records a process before this one left unmoved: those with
    /// an id after <paramref name="moved"/>, the inbox's sequence (<see cref="Waiting"/> reads them). A torn last record
    /// is cut off. Throws <see cref="IOException"/> while another holds it open (its lock file, <c>-lock</c>, is
    /// locked exclusively): two processes appending at their own ends would write over each other's records, as a
    /// restart whose new process starts before the old one stops would. The lock is the system's, freed when its
    /// process dies; readers (<see cref="ReadAll"/>) do not take it.
    /// </summary>
    public int Open(long moved)
    {
        lock (_lock)
        {
            if (_file is not null) throw new InvalidOperationException("The arrivals file is open already.");
            var owner = File.OpenHandle(_path + "-lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            SafeFileHandle file;
            try
            {
                file = File.OpenHandle(_path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read);
            }
            catch
            {
                owner.Dispose();
                throw;
            }
            _owner = owner;
            var (lastId, firstWaiting, waiting) = (0L, -1L, 0);
            var end = Scan(file, 0, RandomAccess.GetLength(file), long.MaxValue, (item, start, _) =>
            {
                lastId = item.Id;
                if (item.Id <= moved) return;
                if (waiting++ == 0) firstWaiting = start;
            });
            if (waiting == 0) end = 0; // all of it is in the inbox
            if (end < RandomAccess.GetLength(file)) RandomAccess.SetLength(file, end);
            _file = file;
            _end = end;
            _lastId = Math.Max(moved, lastId);
            // What was moved before the crash stays behind the mark; the rest waits to be moved again.
            _movedTo = waiting > 0 ? firstWaiting : end;
            return waiting;
        }
    }

    /// <summary>The last id given (or, just opened, found).</summary>
    public long LastId
    {
        get
        {
            lock (_lock) return _lastId;
        }
    }

    /// <summary>Appends one request, giving it the next id (<see cref="InboxItem.Id"/>), which it returns.</summary>
    public long Append(InboxItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var length = HeaderBytes + BodyLength(item);
        var buffer = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            lock (_lock)
            {
                var file = _file ?? throw new InvalidOperationException("The arrivals file is not open.");
                var id = _lastId + 1;
                Write(buffer.AsSpan(0, length), id, item);
                // A write that fails leaves _end where it was: the next record overwrites what it left.
                RandomAccess.Write(file, buffer.AsSpan(0, length), _end);
                _end += length;
                _lastId = id;
                item.Id = id;
                return id;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer, clearArray: true); // it held the request's body
        }
    }

    /// <summary>
    /// The records not yet moved, in id order, up to <paramref name="upTo"/> and at most <paramref name="most"/> of
    /// them, and where the last of them ends. One mover at a time (the inbox's processor, in the write gate) calls this
    /// and <see cref="Moved"/>.
    /// </summary>
    public (IReadOnlyList<InboxItem> Items, long End) Waiting(long upTo = long.MaxValue, int most = int.MaxValue)
    {
        SafeFileHandle file;
        long from, to;
        lock (_lock)
        {
            file = _file ?? throw new InvalidOperationException("The arrivals file is not open.");
            (from, to) = (_movedTo, _end);
        }
        var items = new List<InboxItem>();
        var end = Scan(file, from, to, upTo, (item, _, _) => items.Add(item), most);
        return (items, end);
    }

    /// <summary>
    /// The records before <paramref name="end"/> (from <see cref="Waiting"/>) are in the inbox now. Once every record
    /// is, the file starts again from nothing.
    /// </summary>
    public void Moved(long end)
    {
        lock (_lock)
        {
            if (_file is null || end <= _movedTo) return;
            _movedTo = Math.Min(end, _end);
            if (_movedTo < _end) return;
            RandomAccess.SetLength(_file, 0);
            _movedTo = _end = 0;
        }
    }

    /// <summary>Reads a file another process writes (tests, the bench): every whole record in it, without changing it.</summary>
    public static IReadOnlyList<InboxItem> ReadAll(string path)
    {
        if (!File.Exists(path)) return [];
        using var file = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        var items = new List<InboxItem>();
        Scan(file, 0, RandomAccess.GetLength(file), long.MaxValue, (item, _, _) => items.Add(item));
        return items;
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _file?.Dispose();
            _file = null;
            _owner?.Dispose();
            _owner = null;
        }
    }

    /// <summary>
    /// Reads whole records from <paramref name="from"/> to <paramref name="to"/>, up to the id <paramref name="upTo"/>,
    /// handing each to <paramref name="each"/> with where it starts and ends; returns where the last of them ends. It
    /// stops at the first record past that id: under a burst a move takes the few records a turn is behind, and the
    /// file behind them may hold a hundred thousand.
    /// </summary>
    private static long Scan(SafeFileHandle file, long from, long to, long upTo, Action<InboxItem, long, long> each, int most = int.MaxValue)
    {
        var header = new byte[HeaderBytes];
        var at = from;
        for (var read = 0; read < most && to - at >= HeaderBytes; read++)
        {
            RandomAccess.Read(file, header, at);
            var length = BinaryPrimitives.ReadInt32LittleEndian(header);
            if (length is <= 0 or > MaxBodyBytes || to - at - HeaderBytes < length) break;
            var body = new byte[length];
            if (RandomAccess.Read(file, body, at + HeaderBytes) != length) break;
            if (Crc32.HashToUInt32(body) != BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(4))) break;
            if (!TryRead(body, out var item) || item.Id > upTo) break;
            each(item, at, at + HeaderBytes + length);
            at += HeaderBytes + length;
        }
        return at;
    }

    private static int BodyLength(InboxItem item) =>
        16 + 5 * 4 + Utf8(item.Transport) + Utf8(item.Key) + Utf8(item.Kind) + Utf8(item.ConversationKey) + Utf8(item.PayloadJson);

    private static int Utf8(string? text) => text is null ? 0 : Encoding.UTF8.GetByteCount(text);

    private static void Write(Span<byte> record, long id, InboxItem item)
    {
        var body = record[HeaderBytes..];
        BinaryPrimitives.WriteInt64LittleEndian(body, id);
        BinaryPrimitives.WriteInt64LittleEndian(body[8..], DateTime.SpecifyKind(item.ReceivedUtc, DateTimeKind.Utc).Ticks);
        var at = 16;
        foreach (var text in (ReadOnlySpan<string?>)[item.Transport, item.Key, item.Kind, item.ConversationKey, item.PayloadJson])
        {
            var written = text is null ? 0 : Encoding.UTF8.GetBytes(text, body[(at + 4)..]);
            BinaryPrimitives.WriteInt32LittleEndian(body[at..], text is null ? -1 : written);
            at += 4 + written;
        }
        BinaryPrimitives.WriteInt32LittleEndian(record, body.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(record[4..], Crc32.HashToUInt32(body));
    }

    private static bool TryRead(ReadOnlySpan<byte> body, out InboxItem item)
    {
        item = null!;
        if (body.Length < 16) return false;
        var texts = new string?[5];
        var at = 16;
        for (var i = 0; i < texts.Length; i++)
        {
            if (body.Length - at < 4) return false;
            var length = BinaryPrimitives.ReadInt32LittleEndian(body[at..]);
            at += 4;
            if (length == -1) continue;
            if (length < 0 || body.Length - at < length) return false;
            texts[i] = Encoding.UTF8.GetString(body.Slice(at, length));
            at += length;
        }
        if (at != body.Length || texts[0] is null || texts[1] is null || texts[2] is null || texts[4] is null) return false;
        var ticks = BinaryPrimitives.ReadInt64LittleEndian(body[8..]);
        if (ticks is < 0 || ticks > DateTime.MaxValue.Ticks) return false;
        item = new InboxItem
        {
            Id = BinaryPrimitives.ReadInt64LittleEndian(body),
            ReceivedUtc = new DateTime(ticks, DateTimeKind.Utc),
            Transport = texts[0]!,
            Key = texts[1]!,
            Kind = texts[2]!,
            ConversationKey = texts[3],
            PayloadJson = texts[4]!,
        };
        return true;
    }
}
