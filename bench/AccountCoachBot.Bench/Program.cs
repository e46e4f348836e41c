using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(AccountCoachBot.Bench.DigestBenchmarks).Assembly).Run(args);
