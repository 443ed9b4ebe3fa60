using SyncHire.Gateway;
using SyncHire.Gateway.Hosting;

if (args is [MigrateCommand.Name, ..])
{
    return await MigrateCommand.RunAsync(args[1..]);
}

var app = SyncHireApp.Build(args);
await app.RunAsync();
return 0;
