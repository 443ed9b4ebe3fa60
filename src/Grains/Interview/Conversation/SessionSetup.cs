using SyncHire.Grains.Prompts;
using SyncHire.Providers;

namespace SyncHire.Grains.Interview;

/// <summary>What a provider session is opened with, read from the interview's state.</summary>
internal static class SessionSetup
{
    /// <summary>The interviewer's system prompt: role, level, the CV when there is one, the questions and the rubric.</summary>
    public static string Instructions(InterviewState state)
    {
        var definition = state.Definition!;
        return InterviewPromptBuilder.Build(definition, state.Questions, state.CvText, definition.Language);
    }

    /// <summary>
    /// The session's options: instructions (told to wrap up when the time warning went out, with
    /// <paramref name="remaining"/> left), the brief, the tools and the transcript so far. Voice and model names are the
    /// interview's own provider's; a fallback adapter drops them for a backup, which uses its configured ones.
    /// </summary>
    public static RealtimeSessionOptions Options(InterviewState state, TimeSpan remaining)
    {
        var definition = state.Definition!;
        var instructions = Instructions(state);
        if (state.TimeWarningSent)
        {
            instructions = InterviewPromptBuilder.WrapUp(instructions, remaining);
        }

        return new RealtimeSessionOptions(
            instructions,
            new InterviewBrief(definition.CandidateName, definition.Role, InterviewInstructions.LevelName(definition.Level), state.Questions.Count),
            InterviewTools.Definitions,
            [.. state.Transcript.Select(t => new HistoryTurn(t.Speaker, t.Text))],
            definition.Voice,
            definition.Model,
            definition.TurnDetection);
    }
}
