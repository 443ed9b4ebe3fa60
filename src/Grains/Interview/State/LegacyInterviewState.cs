using Orleans.Storage;

namespace SyncHire.Grains.Interview;

/// <summary>
/// Interviews stored before the state was split by concern kept everything, the transcript included, in the one
/// "interview" row. Its JSON still reads as a whole <see cref="InterviewState"/>; <see cref="InterviewStore"/> splits
/// such a row into the parts the first time the interview activates, so no transcript or progress is lost in the
/// upgrade.
/// </summary>
internal static class LegacyInterviewState
{
    public static async Task<InterviewState?> ReadAsync(IGrainStorage storage, GrainId grainId)
    {
        var state = new GrainState<InterviewState>();
        await storage.ReadStateAsync("interview", grainId, state);
        return state.RecordExists ? state.State : null;
    }
}
