using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading.Channels;
using SyncHire.Audio;
using SyncHire.Audio.Speech;

namespace SyncHire.Providers.Offline;

/// <summary>The interview script, run by one loop: greet, ask, listen, record, follow up or move on, close.</summary>
public sealed partial class OfflineInterviewerSession
{
    /// <summary>100 ms of 24 kHz PCM16 per <see cref="AudioDelta"/>, the cadence a realtime provider streams at.</summary>
    public const int AudioChunkBytes = ITextToSpeech.OutputSampleRate / 10 * Pcm16.BytesPerSample;

    private const int WordsPerTranscriptDelta = 4;
    private const string CompletedReason = "completed";

    private int _responseCount;
    private int _toolCallCount;

    private InterviewBrief Brief => _options.Brief;

    private async Task RunConversationAsync()
    {
        var cancellationToken = _lifetime.Token;
        try
        {
            await ConductInterviewAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is OperationCanceledException or ChannelClosedException && cancellationToken.IsCancellationRequested)
        {
            // Disposed: the conversation simply stops.
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            // A broken tool result (or a bug): tell the caller, who reconnects or fails over, rather than go silent.
            var code = exception is InvalidDataException ? "invalid_tool_result" : "offline_interviewer_failed";
            await ReportAsync(new ProviderError(code, exception.Message, Fatal: true), cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task ReportAsync(ProviderError error, CancellationToken cancellationToken)
    {
        try
        {
            await EmitAsync(error, 0, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is OperationCanceledException or ChannelClosedException)
        {
            // Disposed meanwhile: nobody is listening any more.
        }
    }

    private async Task ConductInterviewAsync(CancellationToken cancellationToken)
    {
        await WaitForResponseRequestAsync(cancellationToken).ConfigureAwait(false);

        // A session opened with history replaces one that dropped: the grain hands back the unanswered question.
        var resumed = _options.History.Count > 0;
        var question = await FetchNextQuestionAsync(cancellationToken).ConfigureAwait(false);
        await SpeakAsync(
            resumed ? InterviewerLines.Resumed(Brief, question) : InterviewerLines.Greeting(Brief, question),
            cancellationToken).ConfigureAwait(false);

        var followedUp = false;
        while (true)
        {
            var answer = await ListenAsync(cancellationToken).ConfigureAwait(false);
            if (question.Done)
            {
                // The answer to "Do you have any questions for me?" ends the interview.
                await SpeakAsync(InterviewerLines.Goodbye(Brief.CandidateName), cancellationToken, listenAfterwards: false,
                    beforeDone: EndInterviewAsync).ConfigureAwait(false);
                return;
            }

            await CallToolAsync(InterviewTools.StoreAnswer,
                new StoreAnswerArguments(question.QuestionId!, answer.Transcript, Score: null, Tags: []),
                cancellationToken).ConfigureAwait(false);

            if (answer.IsShort && !followedUp)
            {
                followedUp = true;
                await SpeakAsync(InterviewerLines.FollowUp, cancellationToken).ConfigureAwait(false);
                continue;
            }

            question = await FetchNextQuestionAsync(cancellationToken).ConfigureAwait(false);
            followedUp = false;
            await SpeakAsync(
                question.Done ? InterviewerLines.ClosingQuestion(Brief.CandidateName) : InterviewerLines.NextQuestion(question.Text!),
                cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task WaitForResponseRequestAsync(CancellationToken cancellationToken)
    {
        // Tool results and candidate turns cannot arrive meaningfully before the interviewer has spoken.
        while (await _inputs.Reader.ReadAsync(cancellationToken).ConfigureAwait(false) is not ResponseRequested)
        {
        }
    }

    private async Task<CandidateAnswer> ListenAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            switch (await _inputs.Reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                case CandidateSpeechBegan began:
                    await EmitAsync(new SpeechStarted(began.Offset), 0, cancellationToken).ConfigureAwait(false);
                    break;

                case CandidateTurnEnded ended:
                    if (ended.Answer.SpeechStoppedAt is { } stoppedAt)
                    {
                        await EmitAsync(new SpeechStopped(stoppedAt), 0, cancellationToken).ConfigureAwait(false);
                    }

                    await EmitAsync(new InputTranscriptDelta(ended.Answer.Transcript, IsFinal: true), 0, cancellationToken)
                        .ConfigureAwait(false);
                    return ended.Answer;

                // A repeated response request or a stale tool result has nothing to act on while the candidate speaks.
            }
        }
    }

    private async Task<NextQuestionResult> FetchNextQuestionAsync(CancellationToken cancellationToken)
    {
        var json = await CallToolAsync(InterviewTools.FetchNextQuestion,
            new FetchNextQuestionArguments(Brief.Role, Brief.Level, Topic: null),
            cancellationToken).ConfigureAwait(false);

        NextQuestionResult? result;
        try
        {
            result = JsonSerializer.Deserialize<NextQuestionResult>(json, InterviewTools.JsonOptions);
        }
        catch (JsonException exception)
        {
            throw new InvalidDataException($"The {InterviewTools.FetchNextQuestion} result is not valid JSON: {exception.Message}", exception);
        }

        if (result is null || (!result.Done && (string.IsNullOrWhiteSpace(result.QuestionId) || string.IsNullOrWhiteSpace(result.Text))))
        {
            throw new InvalidDataException(
                $"The {InterviewTools.FetchNextQuestion} result must be {{\"done\":true,...}} or carry question_id and text; got {json}");
        }

        return result;
    }

    private async Task EndInterviewAsync(CancellationToken cancellationToken) =>
        await CallToolAsync(InterviewTools.EndInterview, new EndInterviewArguments(CompletedReason), cancellationToken)
            .ConfigureAwait(false);

    /// <summary>Emits a tool call and waits for the caller's result for exactly that call.</summary>
    private async Task<string> CallToolAsync<TArguments>(string name, TArguments arguments, CancellationToken cancellationToken)
    {
        var callId = $"offline_call_{++_toolCallCount}";
        var argumentsJson = JsonSerializer.Serialize(arguments, InterviewTools.JsonOptions);
        await EmitAsync(new ToolCall(callId, name, argumentsJson), 0, cancellationToken).ConfigureAwait(false);
        while (true)
        {
            if (await _inputs.Reader.ReadAsync(cancellationToken).ConfigureAwait(false) is ToolResultReceived result
                && result.CallId == callId)
            {
                return result.ResultJson;
            }

            // Anything else is stale or early; candidate input is gated off while a result is awaited.
        }
    }

    /// <summary>
    /// One interviewer response: started, transcript partials interleaved with 100 ms audio chunks, the final
    /// transcript, then done. A cancel stops the audio; the response still ends with its final transcript and a
    /// cancelled ResponseDone. The candidate's turn opens just before ResponseDone so no answer can slip in between.
    /// </summary>
    private async Task SpeakAsync(
        string text,
        CancellationToken cancellationToken,
        bool listenAfterwards = true,
        Func<CancellationToken, Task>? beforeDone = null)
    {
        var responseId = ++_responseCount;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _events.StartedProducing(responseId, stop);

        try
        {
            await EmitAsync(new ResponseStarted(), responseId, cancellationToken).ConfigureAwait(false);
            try
            {
                var audio = await SynthesizeAsync(text, stop.Token).ConfigureAwait(false);
                await StreamSpeechAsync(text, audio, responseId, stop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                // Barge-in: the rest of the audio is dropped.
            }
        }
        finally
        {
            _events.StoppedProducing();
        }

        var cancelled = stop.IsCancellationRequested;
        await EmitAsync(new OutputTranscriptDelta(text, IsFinal: true), responseId, cancellationToken).ConfigureAwait(false);
        if (beforeDone is not null)
        {
            await beforeDone(cancellationToken).ConfigureAwait(false);
        }

        if (listenAfterwards)
        {
            StartListening();
        }

        await EmitAsync(new ResponseDone(text, cancelled), responseId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The configured voice, or the synthetic one when it fails (espeak-ng crashed or timed out): one bad sentence
    /// must not end an interview whose words are in the transcript anyway. The failure is reported, not fatal.
    /// </summary>
    private async Task<byte[]> SynthesizeAsync(string text, CancellationToken cancellationToken)
    {
        try
        {
            return await _voice.SynthesizeAsync(text, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            await EmitAsync(new ProviderError("voice_failed", $"{_voice.Name} failed, using the synthetic voice: {exception.Message}", Fatal: false),
                0, cancellationToken).ConfigureAwait(false);
            return SyntheticVoice.Synthesize(text);
        }
    }

    private async Task StreamSpeechAsync(string text, byte[] audio, int responseId, CancellationToken cancellationToken)
    {
        var deltas = SplitIntoTranscriptDeltas(text);
        var chunkCount = (audio.Length + AudioChunkBytes - 1) / AudioChunkBytes;
        var nextDelta = 0;
        for (var chunk = 0; chunk < chunkCount; chunk++)
        {
            // Each word group goes out just before the audio where it is (proportionally) spoken.
            while (nextDelta < deltas.Count && (long)deltas[nextDelta].Start * chunkCount <= (long)chunk * text.Length)
            {
                await EmitAsync(new OutputTranscriptDelta(deltas[nextDelta++].Text, IsFinal: false), responseId, cancellationToken)
                    .ConfigureAwait(false);
            }

            var offset = chunk * AudioChunkBytes;
            var slice = audio.AsMemory(offset, Math.Min(AudioChunkBytes, audio.Length - offset));
            await EmitAsync(new AudioDelta(slice), responseId, cancellationToken).ConfigureAwait(false);
        }

        while (nextDelta < deltas.Count)
        {
            await EmitAsync(new OutputTranscriptDelta(deltas[nextDelta++].Text, IsFinal: false), responseId, cancellationToken)
                .ConfigureAwait(false);
        }
    }

    /// <summary>Groups of a few words whose concatenation is exactly the text.</summary>
    private static List<(int Start, string Text)> SplitIntoTranscriptDeltas(string text)
    {
        var words = WordWithTrailingSpace().Matches(text);
        var deltas = new List<(int Start, string Text)>((words.Count + WordsPerTranscriptDelta - 1) / WordsPerTranscriptDelta);
        for (var first = 0; first < words.Count; first += WordsPerTranscriptDelta)
        {
            var last = words[Math.Min(first + WordsPerTranscriptDelta, words.Count) - 1];
            var start = words[first].Index;
            deltas.Add((start, text[start..(last.Index + last.Length)]));
        }

        return deltas;
    }

    private ValueTask EmitAsync(ProviderEvent providerEvent, int responseId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return _events.WriteAsync(providerEvent, responseId, cancellationToken);
    }

    [GeneratedRegex(@"\S+\s*")]
    private static partial Regex WordWithTrailingSpace();
}
