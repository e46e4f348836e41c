using Hangfire;

namespace AccountCoachBot.Scheduling;

/// <summary>
/// Builds each Hangfire job in a scope of this host's services. Hangfire's server otherwise falls back to the static
/// <see cref="JobActivator.Current"/>, which belongs to whichever host in the process configured Hangfire last.
/// </summary>
public sealed class HostJobActivator(IServiceScopeFactory scopes) : JobActivator
{
    public override JobActivatorScope BeginScope(JobActivatorContext context) => new Scope(scopes.CreateAsyncScope());

    private sealed class Scope(AsyncServiceScope scope) : JobActivatorScope
    {
        public override object Resolve(Type type) => ActivatorUtilities.GetServiceOrCreateInstance(scope.ServiceProvider, type);

        public override void DisposeScope() => scope.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }
}
