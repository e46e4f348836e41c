using AccountCoachBot.Data;
using Microsoft.EntityFrameworkCore;

namespace AccountCoachBot.Tests.Data;

/// <summary>The writers of one SQLite file in line: the inbox's recording ahead of the turns, but never for good.</summary>
public sealed class WriteGateTests : IDisposable
{
    private readonly WriteGate _gate = new();
    // The gate asks only which database it guards; nothing is opened.
    private readonly CoachDbContext _db = new(new DbContextOptionsBuilder<CoachDbContext>().UseSqlite("Data Source=:memory:").Options);

    public void Dispose() => _db.Dispose();

    private Task<IAsyncDisposable?> EnterAsync(bool ahead = false, CancellationToken ct = default) => _gate.EnterAsync(_db, ct, ahead).AsTask();

    [Fact]
    public async Task EnterAsync_LetsAWriterGoingAheadInFirst_WhenOthersWaitInLine()
    {
        var holder = await EnterAsync();
        var turn = EnterAsync();
        var inbox = EnterAsync(ahead: true);

        await holder!.DisposeAsync();

        var inside = await inbox;
        Assert.False(turn.IsCompleted);
        await inside!.DisposeAsync();
        await (await turn)!.DisposeAsync();
    }

    [Fact]
    public async Task EnterAsync_LetsOneWaitingInLineIn_AfterMaxAheadInARow()
    {
        var holder = await EnterAsync();
        var turn = EnterAsync();
        var ahead = Enumerable.Range(0, WriteGate.MaxAheadInARow + 1).Select(_ => EnterAsync(ahead: true)).ToList();

        await holder!.DisposeAsync();
        for (var i = 0; i < WriteGate.MaxAheadInARow; i++)
        {
            var inside = await ahead[i];
            Assert.False(turn.IsCompleted);
            await inside!.DisposeAsync();
        }

        var turnInside = await turn;
        Assert.False(ahead[^1].IsCompleted);
        await turnInside!.DisposeAsync();
        await (await ahead[^1])!.DisposeAsync();
    }

    [Fact]
    public async Task EnterAsync_PassesTheGateOn_WhenAWaiterGivesUp()
    {
        var holder = await EnterAsync();
        using var giveUp = new CancellationTokenSource();
        var leaving = EnterAsync(ct: giveUp.Token);
        var next = EnterAsync();

        giveUp.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => leaving);
        await holder!.DisposeAsync();

        await (await next)!.DisposeAsync();
        await (await EnterAsync())!.DisposeAsync(); // and the gate is free again
    }

    [Fact]
    public async Task NextWriteAsync_Completes_WhenTheWriterInsideLeaves()
    {
        var holder = await EnterAsync();
        var written = _gate.NextWriteAsync();
        Assert.False(written.IsCompleted);

        await holder!.DisposeAsync();

        await written.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.False(_gate.NextWriteAsync().IsCompleted); // the next one waits for the next writer
    }
}
