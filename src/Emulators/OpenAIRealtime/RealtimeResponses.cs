using System.Net.WebSockets;
using System.Text.Json.Nodes;
using SyncHire.Emulators.Shared;
using static SyncHire.Emulators.OpenAIRealtime.RealtimeEvents;

namespace SyncHire.Emulators.OpenAIRealtime;

/// <summary>
/// The conversation's responses, one at a time: `response.create` starts one on its own task (so that cancels,
/// appends and truncation can arrive while it speaks), it asks <see cref="InterviewerModel"/> for the next turn,
/// <see cref="ResponseOutput"/> streams it, and `response.done` closes it with its usage. Cancel (client or server
/// VAD) stops the audio where it is. The receive loop and the response's task both read the current response,
/// hence the lock.
/// </summary>
internal sealed class RealtimeResponses(
    RealtimeSessionState session, RealtimeConversation conversation, ResponseOutput output, RealtimeEventWriter events,
    RecordedRealtimeSession record, CancellationToken lifetime)
{
    private readonly Lock _gate = new();
    private readonly string _conversationId = NewId("conv");
    private ActiveResponse? _response;

    /// <summary>What the last response read: the prefix a next response with the same instructions finds cached.</summary>
    private RealtimeUsage.Prompt? _lastPrompt;

    /// <summary>The response in progress, if any.</summary>
    public ActiveResponse? Current
    {
        get
        {
            lock (_gate)
            {
                return _response;
            }
        }
    }

    /// <summary>`response.create`, or the server VAD's turn end: refused while another response is in progress.</summary>
    public void Start()
    {
        lock (_gate)
        {
            if (_response is { } active)
            {
                throw RealtimeProtocolException.InvalidRequest("conversation_already_has_active_response",
                    $"Conversation already has an active response in progress: {active.Id}. Wait until the response is finished before creating a new one.");
            }

            var response = new ActiveResponse(NewId("resp"), lifetime);
            _response = response;
            response.Completion = Task.Run(() => RunAsync(response));
        }
    }

    /// <summary>`response.cancel`: the response in progress (the one named, when a `response_id` is given).</summary>
    public void Cancel(JsonObject clientEvent)
    {
        var responseId = clientEvent["response_id"]?.GetValue<string>();
        var response = Current;
        if (response is null || (responseId is not null && responseId != response.Id))
        {
            throw RealtimeProtocolException.InvalidRequest("response_cancel_not_active", "Cancellation failed: no active response found.");
        }

        response.Cancel("client_cancelled");
    }

    private async Task RunAsync(ActiveResponse response)
    {
        try
        {
            var config = session.Current;
            await events.SendAsync(Event("response.created", ("response", ResponseJson(response.Id, "in_progress", null, [], config))));
            var (items, prompt) = conversation.ReadForResponse(config);
            var turn = InterviewerModel.NextTurn(config.Instructions, items, config.ToolNames);

            List<JsonNode> produced = [];
            string? spoken = null;
            string? called = null;
            var outputText = 0;
            var outputAudio = TimeSpan.Zero;
            if (turn.Say is { } say)
            {
                var (item, heard, audio) = await output.SpeakAsync(response, produced.Count, say);
                produced.Add(item);
                spoken = heard;
                outputText += EmulatedTokens.Text(heard);
                outputAudio = audio;
            }

            if (turn.Call is { } call && !response.Cancelling)
            {
                produced.Add(await output.CallFunctionAsync(response, produced.Count, call));
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
            record.RecordResponse(new RecordedResponse(response.Id, cancelled ? "cancelled" : "completed", response.Reason, spoken, called, usage));
            lock (_gate)
            {
                // The conversation accepts a new response once this one is done.
                _response = null;
            }

            await events.SendAsync(Event("response.done", ("response", ResponseJson(response.Id, cancelled ? "cancelled" : "completed", details, produced, config, usage))));
        }
        catch (Exception exception) when (exception is OperationCanceledException or WebSocketException or IOException)
        {
            // The socket is gone; the session is over.
        }
        catch (Exception exception)
        {
            // An emulator bug must show up in the client's tests, not as a silent stall.
            try
            {
                await events.SendErrorAsync(new RealtimeProtocolException("server_error", "server_error", $"Emulator failure: {exception}"), null);
            }
            catch (Exception sendFailure) when (sendFailure is OperationCanceledException or WebSocketException or IOException)
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
}
