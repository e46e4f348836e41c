using AccountCoachBot;
using AccountCoachBot.Cli;
using AccountCoachBot.Data;

return await CliCommands.RunAsync(args, Console.In, Console.Out, Console.Error, async settings =>
{
    var app = CoachWebApp.Create(settings);
    await app.Services.MigrateCoachDatabaseAsync();
    await app.RunAsync();
    return 0;
});
