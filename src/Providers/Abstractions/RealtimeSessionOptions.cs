namespace SyncHire.Providers;

/// <summary>What a session is opened with. History seeds a reconnected session with the conversation so far.</summary>
public sealed record RealtimeSessionOptions(
    string Instructions,
    InterviewBrief Brief,
    IReadOnlyList<ToolDefinition> Tools,
    IReadOnlyList<HistoryTurn> History,
    string? Voice = null,
    string? Model = null,
    TurnDetectionSettings? TurnDetection = null);

/// <summary>The structured facts of the interview, for providers (the offline one) that do not read prompts.</summary>
public sealed record InterviewBrief(
    string CandidateName,
    string Role,
    string Level,
    int QuestionCount);

public sealed record HistoryTurn(string Speaker, string Text);

/// <param name="ParametersJsonSchema">A JSON Schema object for the arguments.</param>
public sealed record ToolDefinition(string Name, string Description, string ParametersJsonSchema);
