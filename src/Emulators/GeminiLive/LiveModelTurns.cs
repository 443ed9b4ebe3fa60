using System.Net.WebSockets;
using System.Text.Json.Nodes;
using SyncHire.Emulators.Shared;

namespace SyncHire.Emulators.GeminiLive;

/// <summary>
/// Runs the model's turns, one at a time and in order, on a task of their own (see <see cref="LiveConversation"/>
/// for the queue). A turn speaks (<see cref="LiveSpeechOutput"/>), calls functions and waits for their responses
/// (<see cref="LiveToolCalls"/>), then ends with generationComplete and turnComplete carrying its usageMetadata, and
/// a fresh resumption handle. New activity from the candidate interrupts it.
/// </summary>
internal sealed class LiveModelTurns(
    LiveSetup setup, LiveConversation conversation, LiveSpeechOutput speech, LiveToolCalls toolCalls, LiveSessionResumption resumption,
    LiveMessageWriter writer, GeminiLiveEmulator emulator, CancellationToken lifetime)
{
    /// <summary>The running turn's usage; only the turns' task touches it.</summary>
    private LiveTurnUsage _usage = new();

    /// <summary>The task running turns now, or the last one; ends when the queue is empty or the connection is over.</summary>
    public Task Completion { get; private set; } = Task.CompletedTask;

    /// <summary>Asks for a turn after <paramref name="input"/> (if any); called from the receive loop only.</summary>
    public void Queue(ConversationItem? input)
    {
        if (conversation.RequestTurn(input))
        {
            Completion = Task.Run(RunTurnsAsync);
        }
    }

    /// <summary>The candidate became active (or typed): the running turn stops, as with the real service's default activity handling.</summary>
    public void Interrupt() => conversation.Interrupt();

    private async Task RunTurnsAsync()
    {
        while (conversation.BeginTurn(lifetime) is { } cancellation)
        {
            _usage = new LiveTurnUsage();

            try
            {
                await RunTurnAsync(cancellation.Token);
            }
            catch (OperationCanceledException) when (!lifetime.IsCancellationRequested)
            {
                await EndInterruptedTurnAsync();
            }
            catch (Exception exception) when (exception is OperationCanceledException or WebSocketException or ObjectDisposedException)
            {
                conversation.StopTurns();
                return;
            }
            finally
            {
                conversation.EndTurn();
                cancellation.Dispose();
            }
        }
    }

    private async Task RunTurnAsync(CancellationToken cancellationToken)
    {
        // While the model generates, the session cannot be resumed at this point.
        await resumption.SendUpdateAsync(conversation, resumable: false);
        while (true)
        {
            var next = conversation.NextTurn(setup, _usage);
            if (next.Say is { } say)
            {
                await speech.SpeakAsync(say, _usage, cancellationToken);
            }

            if (next.Call is not { } call)
            {
                break;
            }

            _usage.Called(call);
            var (id, output) = toolCalls.Start();
            conversation.Add(new ConversationItem.FunctionCall(id, call.Name, call.ArgumentsJson));
            await writer.SendAsync(LiveServerMessages.ToolCall(id, call.Name, JsonNode.Parse(call.ArgumentsJson)));
            var result = await output.WaitAsync(cancellationToken);
            conversation.Add(new ConversationItem.FunctionOutput(id, result));
        }

        await writer.SendAsync(LiveServerMessages.GenerationComplete());
        await SendTurnCompleteAsync();
        await resumption.SendUpdateAsync(conversation, resumable: true);
    }

    private async Task EndInterruptedTurnAsync()
    {
        var cancelled = toolCalls.CancelAll();
        if (cancelled.Length > 0)
        {
            await writer.SendAsync(LiveServerMessages.ToolCallCancellation(cancelled));
        }

        await writer.SendAsync(LiveServerMessages.Interrupted());
        await SendTurnCompleteAsync(); // An interrupted turn was billed for what it read and said until then.
        await resumption.SendUpdateAsync(conversation, resumable: true);
    }

    private async Task SendTurnCompleteAsync()
    {
        emulator.RecordUsage(_usage.ToUsage());
        await writer.SendAsync(LiveServerMessages.TurnComplete(_usage.ToJson()));
    }
}
