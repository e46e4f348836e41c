namespace AccountCoachBot.Tests.Infrastructure;

/// <summary>
/// Awaits what a test waits for, with a generous limit that only stops a hung test from blocking the run: on a
/// hang the test fails with a message naming what never happened. It is never a speed assertion.
/// </summary>
public static class HangGuard
{
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);

    public static async Task WaitAsync(Task task, string what)
    {
        try
        {
            await task.WaitAsync(Limit);
        }
        catch (TimeoutException) when (!task.IsCompleted)
        {
            Assert.Fail($"Hang guard: {what} did not happen within {Limit.TotalSeconds:0} s.");
        }
    }

    public static async Task<T> WaitAsync<T>(Task<T> task, string what)
    {
        await WaitAsync((Task)task, what);
        return await task;
    }
}
