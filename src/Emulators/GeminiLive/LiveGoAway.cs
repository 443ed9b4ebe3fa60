using System.Net.WebSockets;

namespace SyncHire.Emulators.GeminiLive;

/// <summary>
/// The server going away: goAway with the time left, then the close once it is up. The real service caps a
/// connection at about ten minutes, warning with goAway first; an armed GoAway fault sends one early.
/// </summary>
internal sealed class LiveGoAway(LiveMessageWriter writer, CancellationToken lifetime)
{
    /// <summary>Arms the connection's time limit, if the emulator sets one.</summary>
    public void StartConnectionLimit(GeminiLiveEmulatorSettings settings)
    {
        if (settings.MaxConnectionDuration is not { } max)
        {
            return;
        }

        var notice = settings.GoAwayNotice < max ? settings.GoAwayNotice : TimeSpan.Zero;
        _ = Task.Run(async () =>
        {
            try
            {
                await Task.Delay(max - notice, lifetime);
                await SendThenCloseAsync(notice);
            }
            catch (Exception exception) when (exception is OperationCanceledException or WebSocketException or ObjectDisposedException)
            {
                // The connection ended first.
            }
        });
    }

    /// <summary>Sends goAway now and closes the connection when <paramref name="timeLeft"/> is up.</summary>
    public async Task SendThenCloseAsync(TimeSpan timeLeft)
    {
        await writer.SendAsync(LiveServerMessages.GoAway(timeLeft));
        _ = Task.Run(async () =>
        {
            try
            {
                await Task.Delay(timeLeft, lifetime);
                await writer.CloseAsync(WebSocketCloseStatus.EndpointUnavailable, "The connection reached its time limit.");
            }
            catch (Exception exception) when (exception is OperationCanceledException or WebSocketException or ObjectDisposedException)
            {
                // The client left before the deadline, as a well-behaved client does.
            }
        });
    }
}
