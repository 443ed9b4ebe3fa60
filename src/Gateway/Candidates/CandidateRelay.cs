using Microsoft.Extensions.Options;
using SyncHire.Grains.Candidates;

namespace SyncHire.Gateway.Candidates;

/// <summary>Connects an admitted candidate's WebSocket to its interview grain and relays until either side ends.</summary>
public sealed class CandidateRelay(
    CandidateConnector connector,
    ActiveCandidateConnections active,
    IHostApplicationLifetime lifetime,
    IOptions<GatewayOptions> options,
    ILogger<CandidateRelay> logger)
{
    private static readonly ConnectionClose GatewayStopping = ConnectionClose.SiloGoingAway("gateway shutting down");

    public async Task RunAsync(HttpContext context, string interviewId)
    {
        // Every log line of this relay, the session's included, carries the interview id as a structured field.
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["InterviewId"] = interviewId });
        // Reach the grain before accepting: it comes to this process (migrating here if it lives on another silo), or
        // the client gets a 503 instead of an open-then-closed socket.
        var grain = await connector.ConnectAsync(interviewId, context.RequestAborted);
        await using (grain)
        {
            using var socket = await context.WebSockets.AcceptWebSocketAsync();

            // On shutdown the candidate is sent away as if the silo had gone: it reconnects through another gateway.
            await using var stopping = lifetime.ApplicationStopping.Register(static state =>
                _ = ((ICandidateConnection)state!).CloseAsync(GatewayStopping), grain);

            active.Opened();
            CandidateRelayLog.CandidateConnected(logger, interviewId);
            try
            {
                var session = new CandidateSession(socket, grain, options.Value.MaxClientMessageBytes, logger);
                await session.RunAsync(context.RequestAborted);
            }
            finally
            {
                active.Closed();
                CandidateRelayLog.CandidateLeft(logger, interviewId,
                    grain.Closed.IsCompletedSuccessfully ? grain.Closed.Result.Reason : "closed");
            }
        }
    }
}
