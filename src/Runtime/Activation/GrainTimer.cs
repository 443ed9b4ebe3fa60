using Microsoft.Extensions.Logging;

namespace SyncHire.Runtime.Activation;

/// <summary>
/// A timer owned by one activation. Ticks run as turns and never overlap: the next period starts after the
/// previous tick finished, as with Orleans grain timers.
/// </summary>
internal sealed class GrainTimer : IDisposable
{
    private readonly GrainActivation _activation;
    private readonly Func<CancellationToken, Task> _callback;
    private readonly TimeSpan _dueTime;
    private readonly TimeSpan _period;
    private readonly CancellationTokenSource _disposed = new();
    private ITimer? _timer;

    public GrainTimer(GrainActivation activation, Func<CancellationToken, Task> callback, TimeSpan dueTime, TimeSpan period)
    {
        _activation = activation;
        _callback = callback;
        _dueTime = dueTime < TimeSpan.Zero ? TimeSpan.Zero : dueTime;
        _period = period;
    }

    public void Start() =>
        _timer = _activation.Time.CreateTimer(static state => ((GrainTimer)state!).OnTick(), this, _dueTime, Timeout.InfiniteTimeSpan);

    private void OnTick() => _ = TickAsync();

    private async Task TickAsync()
    {
        if (_disposed.IsCancellationRequested)
        {
            return;
        }

        try
        {
            await _activation.RunInTurnAsync(() => _disposed.IsCancellationRequested ? Task.CompletedTask : _callback(_disposed.Token));
        }
        catch (ActivationGoneException)
        {
            return;
        }
        catch (Exception e)
        {
            // A failing tick must not kill the timer, as in Orleans.
            _activation.Logger.LogError(e, "Timer tick of {GrainId} failed", _activation.GrainId);
        }

        if (!_disposed.IsCancellationRequested && _period != Timeout.InfiniteTimeSpan && _period > TimeSpan.Zero)
        {
            _timer?.Change(_period, Timeout.InfiniteTimeSpan);
        }
    }

    public void Dispose()
    {
        if (_disposed.IsCancellationRequested)
        {
            return;
        }

        _disposed.Cancel();
        _timer?.Dispose();
        _activation.RemoveTimer(this);
    }
}
