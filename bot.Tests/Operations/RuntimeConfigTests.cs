using System.Text.Json;

namespace AccountCoachBot.Tests.Operations;

/// <summary>
/// The runtime settings the bot ships with (bot/Runtime.props), read from the runtimeconfig.json the runtime reads at
/// start. They decide the acks' tail (bench/JOURNAL.md, "Ack speed"), and nothing else would notice them gone.
/// </summary>
public sealed class RuntimeConfigTests
{
    private static JsonElement ConfigProperties()
    {
        var path = Path.ChangeExtension(typeof(Program).Assembly.Location, ".runtimeconfig.json");
        Assert.True(File.Exists(path), $"The bot's runtimeconfig.json is not beside its assembly: {path}");
        using var json = JsonDocument.Parse(File.ReadAllText(path));
        return json.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties").Clone();
    }

    [Fact]
    public void RuntimeConfig_CapsTheGen0Budget_WhateverCacheTheHostReports()
    {
        var properties = ConfigProperties();

        Assert.True(properties.TryGetProperty("System.GC.Gen0MaxBudget", out var budget), "No gen0 budget cap in the bot's runtimeconfig.json");
        // Small enough that a collection pauses the acks for a few milliseconds, large enough not to collect on every burst.
        Assert.InRange(budget.GetInt64(), 2L << 20, 16L << 20);
    }

    [Fact]
    public void RuntimeConfig_UsesWorkstationGc_NotTheWebSdksServerGc()
    {
        var properties = ConfigProperties();

        Assert.True(properties.TryGetProperty("System.GC.Server", out var server), "The GC flavour is not set in the bot's runtimeconfig.json");
        Assert.False(server.GetBoolean());
    }

    [Fact]
    public void RuntimeConfig_TurnsOffThePoolsSpinning_SoIdleThreadsSleepAtOnce()
    {
        var properties = ConfigProperties();

        // Spinning idle pool threads called sched_yield a sixth of the bot's CPU samples under a burst of acks on 2 cores.
        Assert.True(properties.TryGetProperty("System.Threading.ThreadPool.UnfairSemaphoreSpinLimit", out var spin),
            "The thread pool's spin limit is not set in the bot's runtimeconfig.json");
        Assert.Equal(0, spin.GetInt32());
    }
}
