using Microsoft.Extensions.Logging;
using SyncHire.Grains.Interfaces.Protocol;
using SyncHire.Providers;

namespace SyncHire.Grains.Interview;

/// <summary>
/// Keeping the interviewer connected for the whole interview. A lost provider session is reopened with the
/// instructions and the transcript so far (the candidate gets a notice, not a dead call), with doubling delays;
/// when that keeps failing the interview fails over to the configured fallback provider, and only then ends as
/// provider_unavailable with everything persisted. Providers that end sessions on a clock (OpenAI Realtime at 60
/// minutes) are rolled over to a fresh session at the first quiet moment before then.
/// </summary>
public sealed partial class InterviewGrain
{
    /// <summary>The provider this interview talks to now: its own, or the fallback after a failover.</summary>
    private string? _providerName;
    private bool _failedOver;
    private int _reconnectAttempt;
    private IDisposable? _reconnectTimer;
    private IDisposable? _rolloverTimer;
    private bool _rolloverDue;

    private string? ProviderName => _providerName ?? Definition.Provider;

    private bool IsReconnecting => _reconnectTimer is not null;

    /// <summary>Starts (or continues) the reconnect loop; each attempt runs from a one-shot timer, as its own turn.</summary>
    private void BeginReconnecting(string reason)
    {
        if (IsReconnecting)
        {
            return;
        }

        _reconnectAttempt = 1;
        InterviewLog.Reconnecting(_logger, Id, ProviderName ?? "the default provider", reason);
        Metrics.SyncHireMetrics.ProviderReconnects.Add(1);
        Send(ServerEvents.Notice("The interviewer's connection dropped. Reconnecting…", Time.GetUtcNow()));
        ScheduleReconnectAttempt();
    }

    private void ScheduleReconnectAttempt()
    {
        var delay = _options.ProviderReconnectDelay * Math.Pow(2, _reconnectAttempt - 1);
        _reconnectTimer = RegisterGrainTimer(_ => ReconnectAsync(), delay, Timeout.InfiniteTimeSpan);
    }

    private async Task ReconnectAsync()
    {
        _reconnectTimer?.Dispose();
        _reconnectTimer = null;
        if (State.Status != InterviewStatus.InProgress || _session is not null)
        {
            return;
        }

        if (await TryOpenProviderSessionAsync(speakFirst: true))
        {
            InterviewLog.Reconnected(_logger, Id, _session is null ? "?" : ProviderName, _reconnectAttempt);
            _reconnectAttempt = 0;
            Send(ServerEvents.Notice("Reconnected. Let's continue.", Time.GetUtcNow()));
            return;
        }

        if (++_reconnectAttempt <= _options.ProviderReconnectAttempts)
        {
            ScheduleReconnectAttempt();
            return;
        }

        if (!_failedOver && _options.FallbackProvider is { } fallback
            && !string.Equals(fallback, _providers.Resolve(ProviderName).Name, StringComparison.OrdinalIgnoreCase))
        {
            InterviewLog.FailingOver(_logger, Id, ProviderName, fallback);
            _failedOver = true;
            _providerName = fallback;
            _reconnectAttempt = 1;
            Send(ServerEvents.Notice("Switching to a backup interviewer…", Time.GetUtcNow()));
            ScheduleReconnectAttempt();
            return;
        }

        InterviewLog.NoInterviewerReachable(_logger, Id);
        Send(ServerEvents.Notice("The interviewer is unavailable, so the interview has to end here. We are sorry.", Time.GetUtcNow()));
        await EndAsync(EndReasons.ProviderUnavailable);
    }

    /// <summary>For providers that end sessions on a clock: mark the session due for a rollover before then.</summary>
    private void ScheduleSessionRollover(IRealtimeProvider provider)
    {
        _rolloverTimer?.Dispose();
        _rolloverTimer = null;
        _rolloverDue = false;
        if (provider.Capabilities.MaxSessionDuration is { } lifetime)
        {
            _rolloverTimer = RegisterGrainTimer(_ =>
            {
                InterviewLog.RolloverDue(_logger, Id);
                _rolloverDue = true;
                return Task.CompletedTask;
            }, lifetime, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>
    /// Called when the interviewer has just finished a turn and the candidate has not started: swap in a fresh
    /// session seeded with the transcript, then close the old one. If the new one cannot open, the old one keeps
    /// going and the next quiet moment tries again.
    /// </summary>
    private async Task RollOverSessionIfDueAsync()
    {
        if (!_rolloverDue || _session is null || _candidateSpeechStartedAt is not null)
        {
            return;
        }

        InterviewLog.RollingOver(_logger, Id);
        if (!await TryOpenProviderSessionAsync(speakFirst: false))
        {
            InterviewLog.RolloverOpenFailed(_logger, Id);
        }
    }

    private void StopResilienceTimers()
    {
        _reconnectTimer?.Dispose();
        _reconnectTimer = null;
        _rolloverTimer?.Dispose();
        _rolloverTimer = null;
    }
}
