using SyncHire.TestSupport.Candidates;
using Xunit;

namespace SyncHire.Testing.Candidates;

/// <summary>Connects a <see cref="CandidateClient"/> to an interview through a test cluster's silo, with no gateway in between.</summary>
public static class ClusterCandidates
{
    extension(CandidateClient)
    {
        /// <summary>The candidate of <paramref name="interviewId"/>, connected through any live silo; reads end with the test.</summary>
        public static async Task<CandidateClient> ConnectAsync(SyncHireTestCluster cluster, string interviewId) =>
            new(new InProcessCandidateChannel(await cluster.Connector.ConnectAsync(interviewId, TestContext.Current.CancellationToken)),
                TestContext.Current.CancellationToken);
    }
}
