namespace SyncHire.Gateway.Hosting;

internal static class LoggingSafety
{
    /// <summary>
    /// Candidate tokens travel in the WebSocket URL's query (browsers cannot set headers on a WebSocket), and the
    /// hosting layer's "Request starting" lines print full URLs. Those lines are held to Warning in code, so no
    /// configuration can put tokens into the logs.
    /// </summary>
    public static ILoggingBuilder KeepTokensOutOfLogs(this ILoggingBuilder logging) =>
        logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning)
            .AddFilter("Microsoft.AspNetCore.Routing.EndpointMiddleware", LogLevel.Warning)
            .AddFilter("Microsoft.AspNetCore.HttpLogging", LogLevel.None);
}
