using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace AccountCoachBot.Data;

/// <summary>
/// A compiled query (<see cref="EF.CompileAsyncQuery{TContext, TResult}(System.Linq.Expressions.Expression{Func{TContext, TResult}})"/>)
/// for each model it meets: EF refuses to run one against a model other than its first, and SQLite's and PostgreSQL's
/// are two (the tests run both in one process).
/// </summary>
public sealed class PerModel<T>(Func<T> compile) where T : class
{
    private readonly ConcurrentDictionary<IModel, T> _compiled = new();

    public T For(DbContext db) => _compiled.GetOrAdd(db.Model, static (_, compile) => compile(), compile);
}
