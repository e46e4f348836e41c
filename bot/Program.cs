using AccountCoachBot;
using AccountCoachBot.Cli;
using AccountCoachBot.Data;

if (CliCommands.IsCommand(args))
    return await CliCommands.RunAsync(args);

var app = CoachWebApp.Create(args);
await app.Services.MigrateCoachDatabaseAsync();
await app.RunAsync();
return 0;
