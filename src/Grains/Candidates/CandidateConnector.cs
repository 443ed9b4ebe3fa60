using Orleans;
using Orleans.Runtime;
using SyncHire.Grains.Interfaces;

namespace SyncHire.Grains.Candidates;

/// <summary>
/// Connects a candidate, in this process, to its interview grain: the grain's activation comes to this silo (if
/// it lives elsewhere it migrates here) and takes an in-process connection, so every audio frame afterwards goes
/// from the socket to the provider session without a grain call or a network hop.
/// </summary>
public sealed class CandidateConnector(IGrainFactory grains, LocalCandidateConnections parked, ILocalSiloDetails silo)
{
    /// <summary>
    /// Moves are bounded: each attach that finds the activation elsewhere asks it to migrate, and the next attach
    /// lands on the moved activation. More than a few rounds means the cluster is churning; the caller retries later.
    /// </summary>
    private const int MaxAttachAttempts = 5;

    /// <summary>
    /// Returns the caller's end of the connection. When the interview does not exist the grain has already sent an
    /// error and closed it with 4404, as a client would see on any gateway.
    /// </summary>
    /// <exception cref="CandidateAttachException">The grain could not be brought to this silo.</exception>
    public async Task<ICandidateConnection> ConnectAsync(string interviewId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(interviewId);
        var grain = grains.GetGrain<IInterviewGrain>(interviewId);
        for (var attempt = 1; attempt <= MaxAttachAttempts; attempt++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (caller, grainSide) = InProcessCandidateConnection.CreatePair();
            var id = parked.Park(grainSide);
            try
            {
                var result = await grain.AttachCandidate(id, silo.SiloAddress);
                if (result != CandidateAttachResult.Moving)
                {
                    return caller;
                }
            }
            finally
            {
                parked.Forget(id);
            }

            await caller.DisposeAsync();
        }

        throw new CandidateAttachException($"Interview {interviewId} did not come to silo {silo.SiloAddress} after {MaxAttachAttempts} attempts.");
    }
}

/// <summary>The interview's activation could not be brought to the candidate's silo; the candidate should retry.</summary>
public sealed class CandidateAttachException(string message) : Exception(message);
