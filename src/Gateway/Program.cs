using SyncHire.Gateway;

var app = SyncHireApp.Build(args);
await app.RunAsync();
