namespace AccountCoachBot.Bench.Scale;

/// <summary>`scale plan|dispatch|memory|coldstart …`: see bench/README.md, "Scale".</summary>
public static class ScaleCommands
{
    public static async Task RunAsync(string[] args)
    {
        switch (args)
        {
            case ["plan", ..]:
                await PlanningRun.RunAsync(args.Length > 1 ? int.Parse(args[1]) : 4);
                break;
            case ["dispatch", ..]:
                await DispatchRun.RunAsync(args.Length > 1 ? int.Parse(args[1]) : 3);
                break;
            case ["memory", ..]:
                await MemoryRun.RunAsync(args.Length > 1 ? int.Parse(args[1]) : 10);
                break;
            case ["memory-app", var rounds, .. var settings]:
                await MemoryRun.AppAsync(int.Parse(rounds), settings);
                break;
            case ["coldstart", ..]:
                await ColdStartRun.RunAsync(args.Length > 1 ? int.Parse(args[1]) : 5);
                break;
            default:
                Console.Error.WriteLine("usage: scale plan|dispatch|memory|coldstart [rounds]");
                Environment.ExitCode = 2;
                break;
        }
    }
}
