using BenchmarkDotNet.Running;

// Ack benchmark parts (bench/ack/run.sh starts them): the loopback fakes, the bot, the floor, signed Slack requests.
switch (args)
{
    case ["ack-fakes", var port]:
        await AccountCoachBot.Bench.Ack.AckFakes.RunAsync(int.Parse(port));
        return;
    case ["ack-bot", var fakesPort, .. var settings]:
        await AccountCoachBot.Bench.Ack.AckBot.RunAsync(int.Parse(fakesPort), settings);
        return;
    case ["ack-floor", var port, var secret]:
        await AccountCoachBot.Bench.Ack.AckFloor.RunAsync(int.Parse(port), secret);
        return;
    case ["ack-slack-requests", var requestsFile, var count, var threads, var secret, var responseBase, var people]:
        await AccountCoachBot.Bench.Ack.SlackRequests.WriteAsync(requestsFile, int.Parse(count), int.Parse(threads), secret, responseBase, int.Parse(people));
        return;
}

if (args is ["scale", .. var scale])
{
    // Scale benchmarks (bench/README.md "Scale"): planning, dispatch, memory, cold start.
    await AccountCoachBot.Bench.Scale.ScaleCommands.RunAsync(scale);
    return;
}
if (args is ["trace", ..])
{
    // Quick look without BenchmarkDotNet: wall and CPU time of the baseline and the week's digest, five rounds
    // (`trace sql` also logs each SQL command), then the chart.
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
    for (var i = 0; i < 5; i++)
    {
        await Time("blank png", () => Task.FromResult(bench.BlankPng()));
        await Time("chart", () => Task.FromResult(bench.Chart()));
    }
    bench.Cleanup();
    return;
}
if (args is ["profile", var roundsText, ..])
{
    // The baseline and the week's digest in turns, after ten warm-up rounds (JIT, caches): mean wall and CPU time of
    // each. Also what a sampling profiler attaches to: `dotnet-trace collect -- dotnet <bench dll> profile 200`.
    // `profile N month` does the month's digest instead.
    var bench = new AccountCoachBot.Bench.DigestBenchmarks();
    bench.Setup();
    Func<Task> digest = args is [_, _, "month"] ? bench.MonthDigest : bench.WeekDigest;
    var process = System.Diagnostics.Process.GetCurrentProcess();
    async Task<(double Wall, double Cpu)> Measure(Func<Task> run, int rounds)
    {
        process.Refresh();
        var cpu = process.TotalProcessorTime;
        var watch = System.Diagnostics.Stopwatch.StartNew();
        for (var i = 0; i < rounds; i++) await run();
        process.Refresh();
        return (watch.Elapsed.TotalMilliseconds / rounds, (process.TotalProcessorTime - cpu).TotalMilliseconds / rounds);
    }
    for (var i = 0; i < 10; i++) { await bench.CountPromises(); await digest(); }
    var rounds = int.Parse(roundsText, System.Globalization.CultureInfo.InvariantCulture);
    var count = await Measure(bench.CountPromises, rounds);
    var allocated = GC.GetTotalAllocatedBytes(precise: true);
    var collections = GC.CollectionCount(0);
    var built = await Measure(digest, rounds);
    allocated = (GC.GetTotalAllocatedBytes(precise: true) - allocated) / rounds;
    collections = GC.CollectionCount(0) - collections;
    Console.WriteLine($"count: {count.Wall:0.0} ms wall, {count.Cpu:0.0} ms CPU; digest: {built.Wall:0.0} ms wall, {built.Cpu:0.0} ms CPU "
        + $"(ratio {built.Wall / count.Wall:0.0}), {allocated / 1e6:0.0} MB allocated a digest, {collections} gen-0 collections; {rounds} rounds each; load average {(File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?")}");
    bench.Cleanup();
    return;
}
if (args is ["dump", var file])
{
    // Every figure of the week's and the month's digests as JSON: run before and after a change, then diff the files
    // (a speed-up must not move a single figure).
    var bench = new AccountCoachBot.Bench.DigestBenchmarks();
    bench.Setup();
    var week = AccountCoachBot.Features.Digests.DigestJson.Serialize(await bench.WeekDigest());
    var month = AccountCoachBot.Features.Digests.DigestJson.Serialize(await bench.MonthDigest());
    await File.WriteAllTextAsync(file, week + "\n" + month + "\n");
    bench.Cleanup();
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(AccountCoachBot.Bench.DigestBenchmarks).Assembly).Run(args);
