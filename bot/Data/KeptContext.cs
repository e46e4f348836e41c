namespace AccountCoachBot.Data;

/// <summary>
/// One database context kept by a background worker that uses it one step at a time (the inbox's writer, the
/// checkpointer), instead of a new one per step. Profiled under a burst of acks, creating a context (EF Core sets up
/// its own scope of services for each) was an eighth of the bot's CPU: the writer made one per commit and the
/// checkpointer one every few milliseconds. Not for concurrent use, and never tracking entities (its users run their
/// own statements, and close its connection when they pause, so the pool's rules hold); after a failure it is dropped.
/// </summary>
public sealed class KeptContext(IServiceScopeFactory scopes) : IAsyncDisposable
{
    private AsyncServiceScope _scope;
    private CoachDbContext? _db;

    public CoachDbContext Get()
    {
        if (_db is not null) return _db;
        _scope = scopes.CreateAsyncScope();
        return _db = _scope.ServiceProvider.GetRequiredService<CoachDbContext>();
    }

    /// <summary>Disposes it (its connection with it); the next <see cref="Get"/> makes a new one.</summary>
    public async ValueTask DropAsync()
    {
        if (_db is null) return;
        _db = null;
        await _scope.DisposeAsync();
    }

    public ValueTask DisposeAsync() => DropAsync();
}
