namespace SyncHire.Bench.LoadGen;

/// <summary>
/// One thread paces every candidate: 20 slots of 1 ms, each candidate in one slot, so frame sends spread evenly
/// across the 20 ms period instead of arriving in one burst. If the thread falls behind it catches up slot by slot
/// (no frame is lost to lateness; the stamp is taken at send time, so lateness here is never counted as latency).
/// </summary>
public sealed class TimerWheel : IDisposable
{
    private const int Slots = CandidateAudio.FrameMs;
    private readonly List<IFrameSource>[] _slots = Enumerable.Range(0, Slots).Select(_ => new List<IFrameSource>()).ToArray();
    private readonly Lock _gate = new();
    private readonly Thread _thread;
    private volatile bool _stopped;
    private int _next;

    public TimerWheel()
    {
        _thread = new Thread(Run) { IsBackground = true, Name = "timer-wheel", Priority = ThreadPriority.AboveNormal };
        _thread.Start();
    }

    public void Add(IFrameSource candidate)
    {
        lock (_gate)
        {
            _slots[_next++ % Slots].Add(candidate);
        }
    }

    private void Run()
    {
        var started = FrameStamp.NowMicros();
        long tick = 0;
        while (!_stopped)
        {
            var due = started + tick * 1000;
            var now = FrameStamp.NowMicros();
            if (now < due)
            {
                // Sleep(1), never Sleep(0): a sub-millisecond sleep rounds to 0, which only yields and spins a core.
                Thread.Sleep(1);
                continue;
            }

            IFrameSource[] slot;
            lock (_gate)
            {
                slot = [.. _slots[tick % Slots]];
            }

            foreach (var candidate in slot)
            {
                candidate.Tick(now);
            }

            tick++;
        }
    }

    public void Dispose()
    {
        _stopped = true;
        _thread.Join();
    }
}
