using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using SyncHire.Grains;
using SyncHire.Platform.Hosting;
using SyncHire.Platform.Retention;
using SyncHire.Runtime.Hosting;
using SyncHire.Runtime.Metrics;

// A silo: hosts interview grains for the cluster and serves nothing public. Candidates and platforms reach the
// interviews through gateways, which find this silo in the shared database. Start it with --urls and the
// Cluster settings (Storage, ConnectionString, AdvertisedAddress, Secret) that every process of the cluster shares.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.Services.AddGrainRuntime(builder.Configuration, cluster => cluster.Role = ClusterRole.Silo);
builder.Services.AddPlatformStore(builder.Configuration);
builder.Services.AddInterviewGrains(builder.Configuration);
builder.Services.AddTranscriptRetention(builder.Configuration);
builder.Services.AddPrometheusMetrics();
builder.Services.AddHealthChecks().AddCheck<ClusterHealthCheck>("cluster", tags: [ClusterHealthCheck.ReadyTag]);

var app = builder.Build();
app.MapGrainRuntime();
app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ClusterHealthCheck.ReadyTag) });
app.MapPrometheusMetrics();
await app.RunAsync();
