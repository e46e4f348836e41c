using BenchmarkDotNet.Running;

if (args is ["trace", ..])
{
    // Quick look without BenchmarkDotNet: wall and CPU time of the baseline and the week's digest, five rounds
    // (`trace sql` also logs each SQL command).
    var bench = new AccountCoachBot.Bench.DigestBenchmarks { Trace = args.Length > 1 };
    bench.Setup();
    var process = System.Diagnostics.Process.GetCurrentProcess();
    async Task Time(string name, Func<Task> run)
    {
        process.Refresh();
        var cpu = process.TotalProcessorTime;
        var watch = System.Diagnostics.Stopwatch.StartNew();
        await run();
        process.Refresh();
        Console.WriteLine($"{name}: {watch.ElapsedMilliseconds} ms wall, {(process.TotalProcessorTime - cpu).TotalMilliseconds:0} ms CPU");
    }
    for (var i = 0; i < 5; i++)
    {
        await Time("count", bench.CountPromises);
        await Time("week digest", bench.WeekDigest);
    }
    bench.Cleanup();
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(AccountCoachBot.Bench.DigestBenchmarks).Assembly).Run(args);
