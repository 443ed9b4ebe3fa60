using System.Text.Json.Nodes;
using SyncHire.Emulators.Shared;

namespace SyncHire.Emulators.OpenAIRealtime;

/// <summary>
/// The output side: a response asks <see cref="InterviewerModel"/> for the next turn and streams it the GA way —
/// an assistant audio message (audio + transcript deltas) and/or a function call, then `response.done`. Cancel
/// (client or server VAD) stops the audio where it is; truncate cuts what the model remembers hearing.
/// </summary>
internal sealed partial class RealtimeConnection
{
    private const int OutputRate = RealtimeSessionConfig.PcmRate;

    private ActiveResponse? CurrentResponse()
    {
        lock (_gate)
        {
            return _response;
        }
    }

    private void StartResponse()
    {
        lock (_gate)
        {
            if (_response is { } active)
            {
                throw RealtimeProtocolException.InvalidRequest("conversation_already_has_active_response",
                    $"Conversation already has an active response in progress: {active.Id}. Wait until the response is finished before creating a new one.");
            }

            var response = new ActiveResponse(NewId("resp"), _lifetime.Token);
            _response = response;
            response.Completion = Task.Run(() => RunResponseAsync(response));
        }
    }

    private void CancelResponse(JsonObject clientEvent)
    {
        var responseId = clientEvent["response_id"]?.GetValue<string>();
        var response = CurrentResponse();
        if (response is null || (responseId is not null && responseId != response.Id))
        {
            throw RealtimeProtocolException.InvalidRequest("response_cancel_not_active", "Cancellation failed: no active response found.");
        }

        response.Cancel("client_cancelled");
    }

    private async Task RunResponseAsync(ActiveResponse response)
    {
        try
        {
            var config = Config;
            await SendAsync(Event("response.created", ("response", ResponseJson(response.Id, "in_progress", null, [], config))));
            ModelTurn turn;
            RealtimeUsage.Prompt prompt;
            lock (_gate)
            {
                turn = InterviewerModel.NextTurn(config.Instructions, [.. _conversation.Select(e => e.Item).OfType<ConversationItem>()], config.ToolNames);
                prompt = PromptLocked(config);
            }

            List<JsonNode> output = [];
            string? spoken = null;
            string? called = null;
            var outputText = 0;
            var outputAudio = TimeSpan.Zero;
            if (turn.Say is { } say)
            {
                var (item, heard, audio) = await SpeakAsync(response, output.Count, say);
                output.Add(item);
                spoken = heard;
                outputText += EmulatedTokens.Text(heard);
                outputAudio = audio;
            }

            if (turn.Call is { } call && !response.Cancelling)
            {
                output.Add(await CallFunctionAsync(response, output.Count, call));
                called = call.Name;
                outputText += EmulatedTokens.Text(call.Name) + EmulatedTokens.Text(call.ArgumentsJson);
            }

            var cancelled = response.Cancelling;
            var details = cancelled ? new JsonObject { ["type"] = "cancelled", ["reason"] = response.Reason } : null;
            RealtimeUsage.Prompt? previous;
            lock (_gate)
            {
                previous = _lastPrompt;
                _lastPrompt = prompt;
            }

            // Billed for what it read and what it produced before any cancel, like the real service.
            var usage = RealtimeUsage.For(prompt, previous, outputText, outputAudio);
            _record.RecordResponse(new RecordedResponse(response.Id, cancelled ? "cancelled" : "completed", response.Reason, spoken, called, usage));
            lock (_gate)
            {
                // The conversation accepts a new response once this one is done.
                _response = null;
            }

            await SendAsync(Event("response.done", ("response", ResponseJson(response.Id, cancelled ? "cancelled" : "completed", details, output, config, usage))));
        }
        catch (Exception exception) when (exception is OperationCanceledException or System.Net.WebSockets.WebSocketException or IOException)
        {
            // The socket is gone; the session is over.
        }
        catch (Exception exception)
        {
            // An emulator bug must show up in the client's tests, not as a silent stall.
            try
            {
                await SendErrorAsync(new RealtimeProtocolException("server_error", "server_error", $"Emulator failure: {exception}"), null);
            }
            catch (Exception sendFailure) when (sendFailure is OperationCanceledException or System.Net.WebSockets.WebSocketException or IOException)
            {
                // And if the socket is gone too, there is no one left to tell.
            }
        }
        finally
        {
            lock (_gate)
            {
                if (_response == response)
                {
                    _response = null;
                }
            }

            response.Dispose();
        }
    }

    /// <summary>Streams one assistant audio message; returns its final item, the text actually spoken and the audio sent.</summary>
    private async Task<(JsonNode Item, string Heard, TimeSpan Audio)> SpeakAsync(ActiveResponse response, int outputIndex, string text)
    {
        var itemId = NewId("item");
        var pcm = EmulatedSpeech.Synthesize(text, OutputRate);
        var entry = new ConversationEntry(itemId, new ConversationItem.AssistantMessage(text)) { SpokenText = text, SpokenMs = (int)(pcm.Length * 1000L / 2 / OutputRate) };
        string? previous;
        lock (_gate)
        {
            previous = LastItemIdLocked();
            _conversation.Add(entry);
            RecordConversationLocked();
        }

        var part = new { response_id = response.Id, item_id = itemId, output_index = outputIndex, content_index = 0 };
        var started = MessageItem(itemId, "in_progress", []);
        await SendAsync(Event("response.output_item.added", ("response_id", response.Id), ("output_index", outputIndex), ("item", started.DeepClone())));
        await SendAsync(Event("conversation.item.added", ("previous_item_id", previous), ("item", started)));
        await SendAsync(PartEvent("response.content_part.added", part, ("part", new JsonObject { ["type"] = "audio", ["transcript"] = "" })));

        var words = text.Split(' ');
        var chunkBytes = Math.Max(2, (int)(OutputRate * _options.AudioChunk.TotalSeconds) * 2);
        var chunks = (pcm.Length + chunkBytes - 1) / chunkBytes;
        int sentChunks = 0, sentWords = 0, sentBytes = 0;
        try
        {
            await foreach (var chunk in AudioPacer.ChunksAsync(pcm, OutputRate, _options, response.Stop))
            {
                await SendAsync(PartEvent("response.output_audio.delta", part, ("delta", Convert.ToBase64String(chunk.Span))));
                sentBytes += chunk.Length;
                lock (_gate)
                {
                    entry.AudioMs = (int)(sentBytes * 1000L / 2 / OutputRate);
                }

                // The transcript keeps pace with the audio: the words due by the end of this chunk.
                var dueWords = (int)Math.Ceiling((double)words.Length * ++sentChunks / chunks);
                if (dueWords > sentWords)
                {
                    var delta = string.Join(' ', words[sentWords..dueWords]);
                    await SendAsync(PartEvent("response.output_audio_transcript.delta", part, ("delta", sentWords == 0 ? delta : " " + delta)));
                    sentWords = dueWords;
                }

                if (response.Cancelling)
                {
                    break;
                }
            }
        }
        catch (OperationCanceledException) when (response.Cancelling && !_lifetime.IsCancellationRequested)
        {
            // Cancelled while pacing: the message ends where the audio stopped.
        }

        var cancelled = response.Cancelling;
        var heard = cancelled ? string.Join(' ', words[..sentWords]) : text;
        lock (_gate)
        {
            entry.Item = new ConversationItem.AssistantMessage(heard);
            RecordConversationLocked();
        }

        await SendAsync(PartEvent("response.output_audio.done", part));
        await SendAsync(PartEvent("response.output_audio_transcript.done", part, ("transcript", heard)));
        await SendAsync(PartEvent("response.content_part.done", part, ("part", new JsonObject { ["type"] = "audio", ["transcript"] = heard })));
        var done = MessageItem(itemId, cancelled ? "incomplete" : "completed", [new JsonObject { ["type"] = "output_audio", ["transcript"] = heard }]);
        await SendAsync(Event("response.output_item.done", ("response_id", response.Id), ("output_index", outputIndex), ("item", done.DeepClone())));
        await SendAsync(Event("conversation.item.done", ("previous_item_id", previous), ("item", done.DeepClone())));
        return (done, heard, TimeSpan.FromSeconds(sentBytes / 2.0 / OutputRate));
    }

    private async Task<JsonNode> CallFunctionAsync(ActiveResponse response, int outputIndex, ModelFunctionCall call)
    {
        var itemId = NewId("item");
        var callId = NewId("call");
        string? previous;
        lock (_gate)
        {
            previous = LastItemIdLocked();
        }

        JsonObject Item(string status, string arguments) => new()
        {
            ["id"] = itemId,
            ["object"] = "realtime.item",
            ["type"] = "function_call",
            ["status"] = status,
            ["name"] = call.Name,
            ["call_id"] = callId,
            ["arguments"] = arguments,
        };

        var started = Item("in_progress", "");
        await SendAsync(Event("response.output_item.added", ("response_id", response.Id), ("output_index", outputIndex), ("item", started.DeepClone())));
        await SendAsync(Event("conversation.item.added", ("previous_item_id", previous), ("item", started)));
        (string, JsonNode?)[] location = [("response_id", response.Id), ("item_id", itemId), ("output_index", outputIndex), ("call_id", callId)];
        await SendAsync(Event("response.function_call_arguments.delta", [.. location, ("delta", call.ArgumentsJson)]));
        await SendAsync(Event("response.function_call_arguments.done", [.. location, ("name", call.Name), ("arguments", call.ArgumentsJson)]));
        lock (_gate)
        {
            _conversation.Add(new ConversationEntry(itemId, new ConversationItem.FunctionCall(callId, call.Name, call.ArgumentsJson)));
            RecordConversationLocked();
        }

        var done = Item("completed", call.ArgumentsJson);
        await SendAsync(Event("response.output_item.done", ("response_id", response.Id), ("output_index", outputIndex), ("item", done.DeepClone())));
        await SendAsync(Event("conversation.item.done", ("previous_item_id", previous), ("item", done.DeepClone())));
        return done;
    }

    /// <summary>`conversation.item.truncate`: the client heard only <c>audio_end_ms</c> of an assistant message.</summary>
    private async Task TruncateItemAsync(JsonObject clientEvent)
    {
        var itemId = clientEvent["item_id"]?.GetValue<string>()
            ?? throw RealtimeProtocolException.InvalidRequest("missing_required_parameter", "Missing required parameter: 'item_id'.", "item_id");
        var contentIndex = clientEvent["content_index"]?.GetValue<int>() ?? 0;
        var audioEndMs = clientEvent["audio_end_ms"]?.GetValue<int>()
            ?? throw RealtimeProtocolException.InvalidRequest("missing_required_parameter", "Missing required parameter: 'audio_end_ms'.", "audio_end_ms");
        lock (_gate)
        {
            var entry = _conversation.FirstOrDefault(e => e.Id == itemId)
                ?? throw RealtimeProtocolException.InvalidRequest("invalid_value", $"Item with item_id '{itemId}' not found.", "item_id");
            if (entry.SpokenText is not { } spoken || contentIndex != 0)
            {
                throw RealtimeProtocolException.InvalidRequest("invalid_value", "Only the audio content of an assistant message can be truncated.", "item_id");
            }

            if (audioEndMs < 0 || audioEndMs > entry.AudioMs)
            {
                throw RealtimeProtocolException.InvalidRequest("invalid_value",
                    $"Audio content of {entry.AudioMs}ms is already shorter than {audioEndMs}ms", "audio_end_ms");
            }

            // The model remembers saying only what was heard: the words in proportion to the audio played.
            var words = spoken.Split(' ');
            var heard = (int)Math.Ceiling((double)words.Length * audioEndMs / Math.Max(1, entry.SpokenMs));
            entry.Item = new ConversationItem.AssistantMessage(string.Join(' ', words[..Math.Min(heard, words.Length)]));
            RecordConversationLocked();
        }

        _record.RecordTruncation(new RecordedTruncation(itemId, contentIndex, audioEndMs));
        await SendAsync(Event("conversation.item.truncated", ("item_id", itemId), ("content_index", contentIndex), ("audio_end_ms", audioEndMs)));
    }

    private static JsonObject PartEvent(string type, object part, params (string Name, JsonNode? Value)[] fields)
    {
        var location = System.Text.Json.JsonSerializer.SerializeToNode(part)!.AsObject();
        return Event(type, [.. location.Select(p => (p.Key, p.Value?.DeepClone())), .. fields]);
    }

    private static JsonObject MessageItem(string id, string status, JsonNode[] content) => new()
    {
        ["id"] = id,
        ["object"] = "realtime.item",
        ["type"] = "message",
        ["status"] = status,
        ["role"] = "assistant",
        ["content"] = new JsonArray(content),
    };

    private JsonObject ResponseJson(string id, string status, JsonObject? details, IReadOnlyList<JsonNode> output, RealtimeSessionConfig config, EmulatedUsage? usage = null) => new()
    {
        ["object"] = "realtime.response",
        ["id"] = id,
        ["status"] = status,
        ["status_details"] = details,
        ["output"] = new JsonArray([.. output.Select(o => o.DeepClone())]),
        ["conversation_id"] = _conversationId,
        ["output_modalities"] = new JsonArray([.. config.OutputModalities.Select(m => (JsonNode)m)]),
        ["max_output_tokens"] = config.MaxOutputTokens is { } max ? max : "inf",
        ["audio"] = new JsonObject { ["output"] = new JsonObject { ["format"] = config.OutputFormat.ToJson(), ["voice"] = config.Voice } },
        ["usage"] = usage is null ? null : RealtimeUsage.ToJson(usage),
        ["metadata"] = null,
    };

    /// <summary>What a response starting now reads: the instructions and the conversation so far.</summary>
    private RealtimeUsage.Prompt PromptLocked(RealtimeSessionConfig config)
    {
        int text = EmulatedTokens.Text(config.Instructions), audio = 0;
        foreach (var entry in _conversation)
        {
            if (entry.InputAudio > TimeSpan.Zero)
            {
                audio += EmulatedTokens.Audio(entry.InputAudio, RealtimeUsage.InputAudioTokensPerSecond);
                continue;
            }

            text += entry.Item switch
            {
                ConversationItem.UserMessage user => EmulatedTokens.Text(user.Text),
                ConversationItem.AssistantMessage assistant => EmulatedTokens.Text(assistant.Text),
                ConversationItem.FunctionCall call => EmulatedTokens.Text(call.Name) + EmulatedTokens.Text(call.ArgumentsJson),
                ConversationItem.FunctionOutput result => EmulatedTokens.Text(result.OutputJson),
                _ => 0,
            };
        }

        return new RealtimeUsage.Prompt(config.Instructions, text, audio);
    }

    /// <summary>A response being produced; <see cref="Cancel"/> stops it where it is.</summary>
    private sealed class ActiveResponse(string id, CancellationToken lifetime) : IDisposable
    {
        private readonly CancellationTokenSource _stop = CancellationTokenSource.CreateLinkedTokenSource(lifetime);

        public string Id { get; } = id;

        public CancellationToken Stop => _stop.Token;

        public Task Completion { get; set; } = Task.CompletedTask;

        /// <summary>Why it was cancelled: `client_cancelled` or `turn_detected`.</summary>
        public string? Reason { get; private set; }

        public bool Cancelling => Reason is not null;

        public void Cancel(string reason)
        {
            if (Reason is not null)
            {
                return;
            }

            Reason = reason;
            try
            {
                _stop.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // It finished in the meantime.
            }
        }

        public void Dispose() => _stop.Dispose();
    }
}
