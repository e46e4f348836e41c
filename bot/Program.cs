using AccountCoachBot;
using AccountCoachBot.Cli;
using AccountCoachBot.Operations;

return await StartupChecks.ExitCodeAsync(() => CliCommands.RunAsync(args, Console.In, Console.Out, Console.Error, async settings =>
{
    await using var app = CoachWebApp.Create(settings);
    await StartupChecks.RunAsync(app.Services); // before anything listens: a refusal is one line and exit code 1
    await app.RunAsync();
    return 0;
}), Console.Error);
