namespace AccountCoachBot.Bench.Scale;

/// <summary>
/// The last line a run prints for each of issue 11's targets it measured: `verdict: met|NOT MET | target | measured`.
/// bench/targets.sh collects these lines from every run into one table, so their shape is fixed.
/// </summary>
public static class Verdict
{
    public static void Print(string target, string measured, bool met) =>
        Console.WriteLine($"verdict: {(met ? "met" : "NOT MET")} | {target} | {measured}");
}
