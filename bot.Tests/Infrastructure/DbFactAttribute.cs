using Xunit.Abstractions;
using Xunit.Sdk;

namespace AccountCoachBot.Tests.Infrastructure;

/// <summary>
/// Marks a test class that runs its (inherited) tests on PostgreSQL: a subclass of a SQLite test class with a
/// <see cref="PostgresDatabase"/> fixture. Its <see cref="DbFactAttribute"/> tests skip without a server (not in CI).
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class OnPostgresAttribute : Attribute;

/// <summary>A fact that also runs on PostgreSQL in an <see cref="OnPostgresAttribute"/> subclass, skipped there when no server is configured.</summary>
[XunitTestCaseDiscoverer("AccountCoachBot.Tests.Infrastructure.DbFactDiscoverer", "AccountCoachBot.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class DbFactAttribute : FactAttribute;

/// <summary>The theory counterpart of <see cref="DbFactAttribute"/>.</summary>
[XunitTestCaseDiscoverer("AccountCoachBot.Tests.Infrastructure.DbTheoryDiscoverer", "AccountCoachBot.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class DbTheoryAttribute : TheoryAttribute;

public sealed class DbFactDiscoverer(IMessageSink sink) : FactDiscoverer(sink)
{
    public override IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions options, ITestMethod method, IAttributeInfo attribute) =>
        PostgresSkip.For(DiagnosticMessageSink, options, method) ?? base.Discover(options, method, attribute);
}

public sealed class DbTheoryDiscoverer(IMessageSink sink) : TheoryDiscoverer(sink)
{
    public override IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions options, ITestMethod method, IAttributeInfo attribute) =>
        PostgresSkip.For(DiagnosticMessageSink, options, method) ?? base.Discover(options, method, attribute);
}

internal static class PostgresSkip
{
    public static IEnumerable<IXunitTestCase>? For(IMessageSink sink, ITestFrameworkDiscoveryOptions options, ITestMethod method)
    {
        var onPostgres = method.TestClass.Class.GetCustomAttributes(typeof(OnPostgresAttribute)).Any();
        if (!onPostgres || PostgresDatabase.SkipReason is not { } reason) return null;
        return [new XunitSkippedDataRowTestCase(sink, options.MethodDisplayOrDefault(), options.MethodDisplayOptionsOrDefault(), method, reason)];
    }
}
