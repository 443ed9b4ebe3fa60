using System.ClientModel;
using System.ClientModel.Primitives;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using OpenAI;
using OpenAI.Audio;
using OpenAI.Chat;

namespace SyncHire.Providers.Pipeline;

/// <summary>
/// The pipeline's three OpenAI calls through the official package: transcription, chat completion and speech.
/// The package's own retries are off so that this class owns the policy: a couple of quick retries of transient
/// failures, then a <see cref="PipelineStepFailedException"/> the session turns into a fatal provider error.
/// </summary>
internal sealed class PipelineOpenAIClient
{
    private readonly PipelineProviderOptions _options;
    private readonly string _apiKey;
    private readonly AudioClient _transcription;
    private readonly AudioClient _speech;
    private readonly ChatClient _chat;
    private readonly ILogger _logger;

    public PipelineOpenAIClient(PipelineProviderOptions options, string apiKey, string chatModel, ILogger logger)
    {
        _options = options;
        _apiKey = apiKey;
        _logger = logger;
        var clientOptions = new OpenAIClientOptions
        {
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            NetworkTimeout = options.RequestTimeout,
        };
        if (options.Endpoint is not null)
        {
            clientOptions.Endpoint = options.Endpoint;
        }

        var credential = new ApiKeyCredential(apiKey);
        _transcription = new AudioClient(options.TranscriptionModel, credential, clientOptions);
        _speech = new AudioClient(options.SpeechModel, credential, clientOptions);
        _chat = new ChatClient(chatModel, credential, clientOptions);
    }

    /// <summary>
    /// The text of one utterance of 16 kHz mono PCM16 (empty when the recogniser heard no words), and the tokens it
    /// cost when the model bills by tokens (gpt-4o-transcribe; whisper-1 reports seconds, not tokens).
    /// </summary>
    public Task<(string Text, TokenUsage? Tokens)> TranscribeAsync(byte[] pcm16Mono16k, CancellationToken cancellationToken)
    {
        var wav = PcmWav.Encode(pcm16Mono16k, PipelineSession.InputSampleRate);
        var options = new AudioTranscriptionOptions
        {
            ResponseFormat = AudioTranscriptionFormat.Simple,
            Language = _options.TranscriptionLanguage,
        };
        return RetryAsync("Speech-to-text", async token =>
        {
            using var file = new MemoryStream(wav, writable: false);
            AudioTranscription transcription = await _transcription.TranscribeAudioAsync(file, "turn.wav", options, token).ConfigureAwait(false);
            var tokens = transcription.Usage is AudioTranscriptionTokenUsage usage
                ? new TokenUsage(usage.InputTokenCount, usage.OutputTokenCount, InputAudio: usage.InputTokenDetails?.AudioTokenCount ?? 0)
                {
                    Model = _options.TranscriptionModel,
                }
                : null;
            return (transcription.Text?.Trim() ?? "", tokens);
        }, cancellationToken);
    }

    public Task<ChatCompletion> CompleteAsync(IReadOnlyList<ChatMessage> messages, ChatCompletionOptions options, CancellationToken cancellationToken) =>
        RetryAsync("The chat completion", async token =>
            (ChatCompletion)await _chat.CompleteChatAsync(messages, options, token).ConfigureAwait(false), cancellationToken);

    /// <summary>
    /// 24 kHz mono PCM16 for <paramref name="text"/>, as it arrives. The typed GenerateSpeechAsync reads the whole body
    /// before returning, so the request goes through the package's protocol method with an unbuffered response.
    /// If the connection breaks part-way, the sentence is requested again and the audio already yielded is skipped.
    /// </summary>
    public async IAsyncEnumerable<ReadOnlyMemory<byte>> SpeakAsync(string text, string voice, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var body = BinaryContent.Create(BinaryData.FromString(new JsonObject
        {
            ["model"] = _options.SpeechModel,
            ["input"] = text,
            ["voice"] = voice,
            ["response_format"] = "pcm",
        }.ToJsonString()));
        var yielded = 0L;
        var buffer = new byte[8192];
        for (var attempt = 1; ; attempt++)
        {
            PipelineResponse? response = null;
            Stream? audio = null;
            Exception? failure = null;
            try
            {
                var result = await _speech.GenerateSpeechAsync(body, new RequestOptions { BufferResponse = false, CancellationToken = cancellationToken })
                    .ConfigureAwait(false);
                response = result.GetRawResponse();
                audio = response.ContentStream ?? throw new IOException("The speech response has no body.");
            }
            catch (Exception exception) when (PipelineFailures.IsTransient(exception, cancellationToken) && attempt <= _options.Retries)
            {
                failure = exception;
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                throw new PipelineStepFailedException(PipelineFailures.Describe("Text-to-speech", exception, attempt, _apiKey), exception);
            }

            if (audio is not null)
            {
                using (response)
                await using (audio.ConfigureAwait(false))
                {
                    var position = 0L;
                    while (true)
                    {
                        int read;
                        try
                        {
                            read = await audio.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
                        }
                        catch (Exception exception) when (PipelineFailures.IsTransient(exception, cancellationToken) && attempt <= _options.Retries)
                        {
                            failure = exception;
                            break;
                        }
                        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                        {
                            throw new PipelineStepFailedException(PipelineFailures.Describe("Text-to-speech", exception, attempt, _apiKey), exception);
                        }

                        if (read == 0)
                        {
                            yield break;
                        }

                        // A retried sentence replays from its start: only audio beyond what was already given is new.
                        var skip = (int)Math.Clamp(yielded - position, 0, read);
                        position += read;
                        if (read > skip)
                        {
                            yielded += read - skip;
                            yield return buffer.AsMemory(skip, read - skip).ToArray();
                        }
                    }
                }
            }

            await BackOffAsync("Text-to-speech", failure!, attempt, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<T> RetryAsync<T>(string step, Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await call(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (PipelineFailures.IsTransient(exception, cancellationToken) && attempt <= _options.Retries)
            {
                await BackOffAsync(step, exception, attempt, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                throw new PipelineStepFailedException(PipelineFailures.Describe(step, exception, attempt, _apiKey), exception);
            }
        }
    }

    private async Task BackOffAsync(string step, Exception failure, int attempt, CancellationToken cancellationToken)
    {
        var delay = _options.RetryDelay * Math.Pow(2, attempt - 1);
        _logger.LogWarning("Pipeline: {Step} failed ({Failure}); retry {Attempt} of {Retries} in {Delay} ms",
            step, PipelineFailures.Describe(step, failure, attempt, _apiKey).Message, attempt, _options.Retries, delay.TotalMilliseconds);
        await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
    }
}

/// <summary>A pipeline call failed for good; <see cref="Error"/> is what the grain is told.</summary>
internal sealed class PipelineStepFailedException(ProviderError error, Exception innerException)
    : Exception(error.Message, innerException)
{
    public ProviderError Error { get; } = error;
}
