using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace AccountCoachBot.Tests.Infrastructure;

/// <summary>
/// An EF Core interceptor that pulses after every write the bot commits to its database (SaveChanges, ExecuteUpdate /
/// ExecuteDelete, a transaction's commit), so a test waits for a state to be reached instead of polling for it.
/// </summary>
public sealed class DbWriteSignal : ISaveChangesInterceptor, IDbCommandInterceptor, IDbTransactionInterceptor
{
    private readonly object _gate = new();
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes at the next committed write after it was read. Read it before checking the state.</summary>
    public Task NextWrite
    {
        get { lock (_gate) return _next.Task; }
    }

    private void Pulse()
    {
        TaskCompletionSource done;
        lock (_gate)
        {
            done = _next;
            _next = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        done.TrySetResult();
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Pulse();
        return result;
    }

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Pulse();
        return ValueTask.FromResult(result);
    }

    public int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        Pulse();
        return result;
    }

    public ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Pulse();
        return ValueTask.FromResult(result);
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Pulse();

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Pulse();
        return Task.CompletedTask;
    }
}
