using AccountCoachBot.Channels.Inbox;

namespace AccountCoachBot.Tests.Channels.Inbox;

/// <summary>
/// The arrivals file keeps every acknowledged request whole across a restart, numbers them after the inbox's ids, cuts
/// a record a crash left half written, and starts again once all of it is moved. A real file in the test's own folder.
/// </summary>
public sealed class ArrivalsFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("coach-arrivals-").FullName;
    private string FilePath => Path.Combine(_folder, "coach.db-arrivals");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static InboxItem Item(string key, string? conversation = null, string payload = "{}") => new()
    {
        Transport = "slack",
        Key = key,
        Kind = "command",
        ConversationKey = conversation,
        PayloadJson = payload,
        ReceivedUtc = new DateTime(2026, 3, 4, 9, 0, 0, DateTimeKind.Utc).AddSeconds(key.Length),
    };

    /// <summary>A process that records these and ends.</summary>
    private void AppendAndStop(params InboxItem[] items)
    {
        using var file = new ArrivalsFile(FilePath);
        file.Open(moved: 0);
        foreach (var item in items) file.Append(item);
    }

    [Fact]
    public void Open_ReturnsWhatWasNotMoved_WithEveryFieldAsAppended_WhenTheProcessStartsAgain()
    {
        using (var file = new ArrivalsFile(FilePath))
        {
            Assert.Equal(0, file.Open(moved: 41));
            Assert.Equal(42, file.Append(Item("a", "conv-1", "text=привет&user_id=U1")));
            Assert.Equal(43, file.Append(Item("bb")));
            Assert.Equal(44, file.Append(Item("ccc", "conv-1")));
        }

        using var again = new ArrivalsFile(FilePath);
        Assert.Equal(2, again.Open(moved: 42)); // a was moved into the inbox before the process ended
        var waiting = again.Waiting().Items;
        Assert.Equal([43L, 44L], waiting.Select(i => i.Id));
        var b = waiting[0];
        Assert.Equal(("slack", "bb", "command", null, "{}"), (b.Transport, b.Key, b.Kind, b.ConversationKey, b.PayloadJson));
        Assert.Equal(Item("bb").ReceivedUtc, b.ReceivedUtc);
        Assert.Equal(DateTimeKind.Utc, b.ReceivedUtc.Kind);
        Assert.Equal("conv-1", waiting[1].ConversationKey);
        Assert.Equal(45, again.Append(Item("d"))); // ids go on after the file's, not the inbox's
    }

    [Fact]
    public void Open_CutsTheRecordACrashLeftHalfWritten_AndGoesOnFromTheLastWholeOne()
    {
        AppendAndStop(Item("a"), Item("b", payload: "token=x&text=the%20second"));
        var whole = new FileInfo(FilePath).Length;
        using (var stream = new FileStream(FilePath, FileMode.Open))
            stream.SetLength(whole - 5); // the last write cut short

        using var again = new ArrivalsFile(FilePath);
        Assert.Equal(1, again.Open(moved: 0));
        Assert.Equal(2, again.Append(Item("c")));
        Assert.Equal(["a", "c"], ArrivalsFile.ReadAll(FilePath).Select(i => i.Key));
    }

    [Fact]
    public void Open_StopsAtARecordWhoseBytesChanged()
    {
        AppendAndStop(Item("a"), Item("b", payload: "text=abc"));
        var bytes = File.ReadAllBytes(FilePath);
        bytes[^2] ^= 0x20; // "text=aBc": still a well-formed record, but its CRC no longer holds
        File.WriteAllBytes(FilePath, bytes);

        using var again = new ArrivalsFile(FilePath);
        Assert.Equal(1, again.Open(moved: 0));
        Assert.Equal(["a"], again.Waiting().Items.Select(i => i.Key));
    }

    [Fact]
    public void Moved_StartsTheFileAgain_OnlyOnceEveryRecordIsMoved()
    {
        using var file = new ArrivalsFile(FilePath);
        file.Open(moved: 9);
        var ids = new[] { "a", "b", "c" }.Select(k => file.Append(Item(k))).ToList();

        var (first, end) = file.Waiting(upTo: ids[1]);
        Assert.Equal(["a", "b"], first.Select(i => i.Key));
        file.Moved(end);
        Assert.Equal(["c"], file.Waiting().Items.Select(i => i.Key));
        Assert.Equal(3, ArrivalsFile.ReadAll(FilePath).Count); // c is not moved: nothing is cut yet

        file.Moved(file.Waiting().End);
        Assert.Equal(0, new FileInfo(FilePath).Length);
        Assert.Empty(file.Waiting().Items);
        Assert.Equal(13, file.Append(Item("d"))); // the ids never come again
        Assert.Equal([13L], file.Waiting().Items.Select(i => i.Id));
    }

    [Fact]
    public void Open_EmptiesTheFile_WhenTheInboxHoldsAllOfIt()
    {
        AppendAndStop(Item("a"));

        using var again = new ArrivalsFile(FilePath);
        Assert.Equal(0, again.Open(moved: 1));
        Assert.Equal(0, new FileInfo(FilePath).Length);
        Assert.Equal(2, again.Append(Item("b")));
    }

    [Fact]
    public void Append_KeepsEveryRecordWholeAndNumbered_WhenManyRequestsAppendAtOnce()
    {
        const int threads = 4, each = 2000;
        using var file = new ArrivalsFile(FilePath);
        file.Open(moved: 0);
        using var start = new Barrier(threads);
        var appenders = Enumerable.Range(0, threads).Select(t => new Thread(() =>
        {
            start.SignalAndWait();
            for (var i = 0; i < each; i++) file.Append(Item($"{t}-{i}", payload: new string('x', (t * each + i) % 700)));
        })).ToList();
        appenders.ForEach(a => a.Start());
        appenders.ForEach(a => a.Join());

        var all = ArrivalsFile.ReadAll(FilePath);
        Assert.Equal(Enumerable.Range(1, threads * each).Select(i => (long)i), all.Select(i => i.Id));
        Assert.Equal(threads * each, all.Select(i => i.Key).Distinct().Count());
        Assert.All(all, i =>
        {
            var (t, n) = (int.Parse(i.Key.Split('-')[0]), int.Parse(i.Key.Split('-')[1]));
            Assert.Equal(new string('x', (t * each + n) % 700), i.PayloadJson);
        });
    }

    [Fact]
    public void Open_Throws_WhileAnotherHoldsTheFile_AndSucceedsOnceItIsClosed()
    {
        var first = new ArrivalsFile(FilePath);
        first.Open(moved: 0);
        first.Append(Item("a"));

        // A second instance on the same database, or a restart's new process before the old one stopped.
        using var second = new ArrivalsFile(FilePath);
        Assert.Throws<IOException>(() => second.Open(moved: 0));
        Assert.Equal(["a"], ArrivalsFile.ReadAll(FilePath).Select(i => i.Key)); // a reader still may

        first.Dispose();
        Assert.Equal(1, second.Open(moved: 0));
        Assert.Equal(2, second.Append(Item("b")));
    }

    [Fact]
    public void Waiting_StopsAtTheMostItWasAskedFor_AndTheNextReadGoesOnFromItsEnd()
    {
        using var file = new ArrivalsFile(FilePath);
        file.Open(moved: 0);
        foreach (var key in new[] { "a", "b", "c" }) file.Append(Item(key));

        var (items, end) = file.Waiting(most: 2);
        Assert.Equal(["a", "b"], items.Select(i => i.Key));
        file.Moved(end);
        Assert.Equal(["c"], file.Waiting(most: 2).Items.Select(i => i.Key));
    }

    [Fact]
    public void Append_Throws_WhenTheFileIsNotOpen()
    {
        using var file = new ArrivalsFile(FilePath);
        Assert.Throws<InvalidOperationException>(() => file.Append(Item("a")));
    }
}
