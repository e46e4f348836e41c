using System.Text;
using AccountCoachBot.Cli;
using AccountCoachBot.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace AccountCoachBot.Tests.Operations;

/// <summary>
/// Broken CSV through the CLI imports (<c>accounts import</c>, <c>teams import</c>): a clear refusal or an import, never
/// an exception; a good file still imports afterwards. Seeded, so a failing case fails again the same way.
/// </summary>
public sealed class CsvImportFuzzTests : IDisposable
{
    private const int Cases = 30; // per importer: each run opens the CLI host, so a few dozen keep the test quick
    private readonly TestDatabase _db = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 4, 9, 0, 0, TimeSpan.Zero));

    public void Dispose() => _db.Dispose();

    [Theory]
    [InlineData("accounts", "name,owner_email,tier,cadence_days,last_contact,slack_channel", "Acme,olga@example.com,A,14,2026-02-20,")]
    [InlineData("teams", "team,lead_email,member_email", "Sales East,anna@example.com,vera@example.com")]
    public async Task Import_RefusesOrImports_NeverThrows_WhenTheCsvIsBroken(string command, string header, string row)
    {
        var random = new Random(command.Length * 7919);
        var failures = new List<string>();
        foreach (var (name, bytes) in BrokenFiles(random, header, row).Take(Cases))
        {
            var (exit, error) = await ImportAsync(command, bytes);
            if (exit is not (0 or 1) || (exit == 1 && error.Trim().Length == 0))
                failures.Add($"{name}: exit {exit}, {error.Split('\n').FirstOrDefault()}");
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));

        // The same command still works on good input (accounts need owners the bot knows, so they export instead).
        var (goodExit, goodError) = command == "teams"
            ? await ImportAsync(command, Encoding.UTF8.GetBytes(header + "\n" + row + "\n"))
            : await RunAsync([command, "export", Path.Combine(_db.Directory, "export.csv")]);
        Assert.True(goodExit == 0, goodError);
    }

    private async Task<(int Exit, string Error)> ImportAsync(string command, byte[] csv)
    {
        var file = Path.Combine(_db.Directory, "import.csv");
        await File.WriteAllBytesAsync(file, csv);
        return await RunAsync([command, "import", file]);
    }

    private async Task<(int Exit, string Error)> RunAsync(string[] args)
    {
        var (output, error) = (new StringWriter(), new StringWriter());
        try
        {
            var exit = await CliCommands.RunAsync([.. args, $"--ConnectionStrings:Coach=Data Source={_db.Path}"], TextReader.Null, output, error,
                _ => Task.FromResult(99));
            return (exit, error.ToString());
        }
        catch (Exception e)
        {
            return (-1, $"{e.GetType().Name}: {e.Message}");
        }
    }

    private static IEnumerable<(string Name, byte[] Bytes)> BrokenFiles(Random random, string header, string row)
    {
        static byte[] Utf8(string s) => Encoding.UTF8.GetBytes(s);
        yield return ("empty", []);
        yield return ("header only", Utf8(header));
        yield return ("no header", Utf8(row + "\n" + row));
        yield return ("unclosed quote", Utf8(header + "\n\"" + row + "\n" + row));
        yield return ("quote in the middle", Utf8(header + "\n" + row.Insert(3, "\"x\"\"") + "\n"));
        yield return ("invalid UTF-8", [.. Utf8(header + "\n"), 0xC3, 0x28, 0xFF, 0xFE, 0x2C, 0x2C, 0x0A]);
        yield return ("UTF-16 with BOM", Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(header + "\n" + row)).ToArray());
        yield return ("NUL characters", Utf8(header + "\n" + row.Replace(',', '\0') + "\n"));
        yield return ("CR only", Utf8(header + "\r" + row + "\r"));
        yield return ("a 2 MB field", Utf8(header + "\n" + new string('a', 2_000_000) + "," + row + "\n"));
        yield return ("10 000 columns", Utf8(header + "\n" + string.Join(",", Enumerable.Repeat("x", 10_000)) + "\n"));
        yield return ("header twice", Utf8(header + "," + header + "\n" + row + "," + row));
        var binary = new byte[2048];
        random.NextBytes(binary);
        yield return ("binary", binary);
        var columns = header.Split(',').Length;
        for (var i = 0; ; i++)
        {
            var lines = new List<string> { header };
            for (var n = random.Next(1, 6); n > 0; n--)
            {
                var cells = row.Split(',').ToList();
                var at = random.Next(columns);
                cells[at] = random.Next(9) switch
                {
                    0 => "",
                    1 => "-1",
                    2 => "99999999999999999999",
                    3 => "2026-13-45",
                    4 => "١٤", // digits of another script
                    5 => "\"" + cells[at],
                    6 => new string('ж', random.Next(1, 5000)),
                    7 => "=cmd|' /C calc'!A0",
                    _ => cells[at] + ",extra",
                };
                if (random.Next(4) == 0) cells.RemoveAt(random.Next(cells.Count));
                lines.Add(string.Join(",", cells));
            }
            yield return ($"mutated #{i}: {string.Join(" | ", lines.Skip(1)).Replace("\0", "\\0")[..Math.Min(120, string.Join(" | ", lines.Skip(1)).Length)]}", Utf8(string.Join("\n", lines)));
        }
    }
}
