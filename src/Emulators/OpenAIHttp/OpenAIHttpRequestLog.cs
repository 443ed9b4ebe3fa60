using System.Collections.Concurrent;
using SyncHire.Emulators.Shared;

namespace SyncHire.Emulators.OpenAIHttp;

/// <summary>
/// What the emulator was asked, newest last, so tests can check what an adapter actually sent (the system prompt,
/// the history, the token cap, the audio it uploaded). Bounded: a long-running emulator keeps only recent requests.
/// </summary>
public sealed class OpenAIHttpRequestLog
{
    private const int Capacity = 500;

    private readonly ConcurrentQueue<RecordedRequest> _requests = new();

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    public IReadOnlyList<RecordedChatRequest> ChatRequests => [.. _requests.OfType<RecordedChatRequest>()];

    public IReadOnlyList<RecordedTranscriptionRequest> TranscriptionRequests => [.. _requests.OfType<RecordedTranscriptionRequest>()];

    public IReadOnlyList<RecordedSpeechRequest> SpeechRequests => [.. _requests.OfType<RecordedSpeechRequest>()];

    /// <summary>The token usage each answer reported (chat completions, token-billed transcriptions), in order.</summary>
    public IReadOnlyList<RecordedUsage> Usage => [.. _requests.OfType<RecordedUsage>()];

    /// <summary>Every request that reached an endpoint, with the status it was answered with (faults included).</summary>
    public IReadOnlyList<RecordedAttempt> Attempts => [.. _requests.OfType<RecordedAttempt>()];

    internal void Add(RecordedRequest request)
    {
        _requests.Enqueue(request);
        while (_requests.Count > Capacity)
        {
            _requests.TryDequeue(out _);
        }
    }
}

public abstract record RecordedRequest;

/// <param name="Status">The HTTP status answered; 0 when the connection was cut instead.</param>
public sealed record RecordedAttempt(string Path, int Status) : RecordedRequest;

public sealed record RecordedChatMessage(string Role, string? Content, string? ToolCallId, IReadOnlyList<RecordedToolCall> ToolCalls);

public sealed record RecordedToolCall(string Id, string Name, string ArgumentsJson);

/// <param name="MaxTokens">max_completion_tokens, or the older max_tokens, whichever was sent.</param>
public sealed record RecordedChatRequest(
    string Model,
    IReadOnlyList<RecordedChatMessage> Messages,
    IReadOnlyList<string> ToolNames,
    string? ToolChoice,
    int? MaxTokens,
    double? Temperature,
    bool Stream) : RecordedRequest;

/// <param name="Wav">The uploaded file as decoded (rate, channels, samples).</param>
public sealed record RecordedTranscriptionRequest(
    string Model,
    string FileName,
    EmulatedWav Wav,
    string ResponseFormat,
    string? Language,
    string Text) : RecordedRequest;

/// <param name="Path">The endpoint that answered, e.g. /v1/chat/completions.</param>
public sealed record RecordedUsage(string Path, EmulatedUsage Usage) : RecordedRequest;

public sealed record RecordedSpeechRequest(string Model, string Input, string Voice, string ResponseFormat, int AudioBytes) : RecordedRequest;
