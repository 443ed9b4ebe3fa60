using System.Runtime.CompilerServices;
using SyncHire.Emulators.Shared;

namespace SyncHire.Emulators.OpenAIRealtime;

/// <summary>
/// The OpenAI Realtime API (GA protocol) at <c>GET /v1/realtime?model=...</c> as a WebSocket: bearer-key auth, the
/// `realtime` subprotocol, session configuration, server VAD, input transcription, audio/transcript/function-call
/// responses from <see cref="InterviewerModel"/>, cancel and truncate, error events, fault injection (emulator name
/// "openai") and the 60-minute session limit.
/// </summary>
public static class OpenAIRealtimeEmulator
{
    public const string Name = "openai";
    public const string Path = "/v1/realtime";

    private static readonly ConditionalWeakTable<EmulatorOptions, OpenAIRealtimeRecorder> Recorders = new();

    /// <summary>The sessions the emulator mapped with <paramref name="options"/> has served, for test assertions.</summary>
    public static OpenAIRealtimeRecorder Recorder(EmulatorOptions options) => Recorders.GetValue(options, _ => new OpenAIRealtimeRecorder());

    public static void Map(WebApplication app, EmulatorOptions options) => Map(app, options, new OpenAIRealtimeEmulatorSettings());

    public static void Map(WebApplication app, EmulatorOptions options, OpenAIRealtimeEmulatorSettings settings)
    {
        var recorder = Recorder(options);
        app.Map(Path, async context =>
        {
            if (options.Faults.Take(Name, FaultKind.RefuseConnections, 0) is not null)
            {
                await WriteErrorAsync(context, StatusCodes.Status503ServiceUnavailable, "server_error", "The server is overloaded. Please try again later.");
                return;
            }

            if (!IsAuthorized(context, options.ApiKey))
            {
                // Like the real API: a 401 that names neither the key sent nor the expected one.
                await WriteErrorAsync(context, StatusCodes.Status401Unauthorized, "invalid_api_key", "Incorrect API key provided.");
                return;
            }

            if (!context.WebSockets.IsWebSocketRequest)
            {
                await WriteErrorAsync(context, StatusCodes.Status400BadRequest, "invalid_request_error", "This endpoint expects a WebSocket upgrade.");
                return;
            }

            var model = context.Request.Query["model"].ToString();
            if (string.IsNullOrWhiteSpace(model))
            {
                await WriteErrorAsync(context, StatusCodes.Status400BadRequest, "missing_model", "You must provide a model parameter.");
                return;
            }

            // The official SDKs ask for the "realtime" subprotocol; answer with it when asked.
            var subProtocol = context.WebSockets.WebSocketRequestedProtocols.Contains("realtime") ? "realtime" : null;
            using var socket = await context.WebSockets.AcceptWebSocketAsync(subProtocol);
            var record = recorder.Add(model);
            var connection = new RealtimeConnection(socket, context, options, settings, record);
            await connection.RunAsync();
        });
    }

    /// <summary>
    /// The key as a bearer token (the Node `ws` client and the server SDKs), or, where a WebSocket cannot set headers
    /// (browsers, the SDK's `OpenAIRealtimeWebSocket`), as the subprotocol <c>openai-insecure-api-key.{key}</c>.
    /// </summary>
    private static bool IsAuthorized(HttpContext context, string apiKey)
    {
        var header = context.Request.Headers.Authorization.ToString();
        const string scheme = "Bearer ";
        if (header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            return KeyEquals(header[scheme.Length..].Trim(), apiKey);
        }

        const string keyProtocol = "openai-insecure-api-key.";
        return context.WebSockets.WebSocketRequestedProtocols
            .Any(p => p.StartsWith(keyProtocol, StringComparison.Ordinal) && KeyEquals(p[keyProtocol.Length..], apiKey));
    }

    private static bool KeyEquals(string sent, string apiKey) =>
        System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.UTF8.GetBytes(sent), System.Text.Encoding.UTF8.GetBytes(apiKey));

    private static Task WriteErrorAsync(HttpContext context, int status, string code, string message)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(new { error = new { message, type = "invalid_request_error", param = (string?)null, code } });
    }
}

/// <summary>Settings of the realtime emulator that tests change; the defaults are the real API's.</summary>
public sealed record OpenAIRealtimeEmulatorSettings
{
    /// <summary>The server ends every session this long after it opened (the real API: 60 minutes, without warning).</summary>
    public TimeSpan MaxSessionDuration { get; init; } = TimeSpan.FromMinutes(60);
}

/// <summary>The sessions one emulator host has served, in connection order.</summary>
public sealed class OpenAIRealtimeRecorder
{
    private readonly Lock _gate = new();
    private readonly List<RecordedRealtimeSession> _sessions = [];
    private TaskCompletionSource _added = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IReadOnlyList<RecordedRealtimeSession> Sessions
    {
        get
        {
            lock (_gate)
            {
                return _sessions.ToList();
            }
        }
    }

    /// <summary>The <paramref name="index"/>th session (0-based), once it has connected.</summary>
    public async Task<RecordedRealtimeSession> SessionAsync(int index, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (true)
        {
            Task added;
            lock (_gate)
            {
                if (_sessions.Count > index)
                {
                    return _sessions[index];
                }

                added = _added.Task;
            }

            try
            {
                await added.WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"Realtime session #{index} did not connect within {timeout}.");
            }
        }
    }

    internal RecordedRealtimeSession Add(string model)
    {
        var record = new RecordedRealtimeSession(model);
        TaskCompletionSource added;
        lock (_gate)
        {
            _sessions.Add(record);
            added = _added;
            _added = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        added.TrySetResult();
        return record;
    }
}
