using System.Text.Json;
using Microsoft.Playwright;

namespace SyncHire.Browser.Tests.Infrastructure;

/// <summary>
/// Listens to the page's interview socket and keeps the interviewer's audio as the
/// server sent it, one entry per response: the truth the relayed echo audio is compared with.
/// </summary>
public sealed class InterviewerAudioTap
{
    private readonly object _gate = new();
    private readonly List<InterviewerResponse> _responses = [];
    private readonly List<(int Count, TaskCompletionSource Reached)> _waiters = [];
    private MemoryStream _current = new();
    private bool _currentInterrupted;

    private InterviewerAudioTap()
    {
    }

    /// <summary>
    /// Listens through Chromium's DevTools protocol, which reports each frame's opcode (Playwright's own frame events
    /// give text and bytes for every frame, so a binary frame could not be told from a text one).
    /// </summary>
    public static async Task<InterviewerAudioTap> AttachAsync(IPage page)
    {
        var tap = new InterviewerAudioTap();
        var devTools = await page.Context.NewCDPSessionAsync(page);
        var interviewSockets = new HashSet<string>();
        devTools.Event("Network.webSocketCreated").OnEvent += (_, created) =>
        {
            if (created?.GetProperty("url").GetString()?.Contains("/ws/interviews/", StringComparison.Ordinal) == true)
            {
                lock (interviewSockets)
                {
                    interviewSockets.Add(created.Value.GetProperty("requestId").GetString()!);
                }
            }
        };
        devTools.Event("Network.webSocketFrameReceived").OnEvent += (_, received) =>
        {
            lock (interviewSockets)
            {
                if (!interviewSockets.Contains(received!.Value.GetProperty("requestId").GetString()!))
                {
                    return;
                }
            }

            var frame = received.Value.GetProperty("response");
            var payload = frame.GetProperty("payloadData").GetString()!;
            // Opcode 2: binary, its payload in base64; 1: text.
            if (frame.GetProperty("opcode").GetInt32() == 2)
            {
                tap.OnAudio(Convert.FromBase64String(payload));
            }
            else
            {
                tap.OnEvent(payload);
            }
        };
        await devTools.SendAsync("Network.enable");
        return tap;
    }

    /// <summary>Responses that ended so far, in order (those that carried no audio are left out).</summary>
    public IReadOnlyList<InterviewerResponse> Responses
    {
        get
        {
            lock (_gate)
            {
                return [.. _responses];
            }
        }
    }

    /// <summary>Completes when this many responses with audio have ended.</summary>
    public Task WaitForResponsesAsync(int count, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_responses.Count >= count)
            {
                return Task.CompletedTask;
            }

            var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((count, reached));
            return reached.Task.WaitAsync(cancellationToken);
        }
    }

    private void OnAudio(byte[] pcm)
    {
        lock (_gate)
        {
            _current.Write(pcm);
        }
    }

    private void OnEvent(string json)
    {
        lock (_gate)
        {
            var type = JsonDocument.Parse(json).RootElement.GetProperty("type").GetString();
            switch (type)
            {
                case "interrupted":
                    _currentInterrupted = true;
                    break;
                case "ai_response_complete" or "resumed":
                    EndResponse();
                    break;
            }
        }
    }

    private void EndResponse()
    {
        if (_current.Length > 0)
        {
            _responses.Add(new InterviewerResponse(_current.ToArray(), _currentInterrupted));
            foreach (var waiter in _waiters.Where(w => _responses.Count >= w.Count).ToList())
            {
                _waiters.Remove(waiter);
                waiter.Reached.TrySetResult();
            }
        }

        _current = new MemoryStream();
        _currentInterrupted = false;
    }
}

/// <param name="Pcm">PCM16 24 kHz, every binary frame of the response in order.</param>
/// <param name="Interrupted">The candidate talked over it (the server sent `interrupted`).</param>
public sealed record InterviewerResponse(byte[] Pcm, bool Interrupted);
