namespace SyncHire.Grains.Interview;

/// <summary>
/// Holds an activation in memory while anything needs it (a connected candidate, a running interview, an
/// evaluation in flight): Orleans would otherwise collect it after its idle age and drop the live provider session.
/// The first hold delays deactivation indefinitely; releasing the last restores normal collection. Holds are taken
/// and released inside turns.
/// </summary>
internal sealed class ActivationKeepAlive(Action<TimeSpan> delayDeactivation)
{
    private int _holds;

    public IDisposable Hold()
    {
        if (_holds++ == 0)
        {
            delayDeactivation(Timeout.InfiniteTimeSpan);
        }

        return new Handle(this);
    }

    private void Release()
    {
        if (--_holds == 0)
        {
            delayDeactivation(TimeSpan.Zero);
        }
    }

    private sealed class Handle(ActivationKeepAlive owner) : IDisposable
    {
        private bool _released;

        public void Dispose()
        {
            if (!_released)
            {
                _released = true;
                owner.Release();
            }
        }
    }
}
