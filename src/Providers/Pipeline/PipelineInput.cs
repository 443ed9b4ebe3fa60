namespace SyncHire.Providers.Pipeline;

/// <summary>What reaches a pipeline session's conversation loop, in the order it happened.</summary>
internal abstract record PipelineInput;

/// <summary>Speak now without new candidate input (the greeting, or the first words of a reconnected session).</summary>
internal sealed record ResponseRequested : PipelineInput;

/// <summary>A finished spoken turn: 16 kHz mono PCM16 from just before the speech to its end.</summary>
internal sealed record SpokenTurn(byte[] Pcm16Mono16k) : PipelineInput;

internal sealed record TypedTurn(string Text) : PipelineInput;

internal sealed record ToolResultReceived(string CallId, string ResultJson) : PipelineInput;
