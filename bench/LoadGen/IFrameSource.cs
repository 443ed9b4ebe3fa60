namespace SyncHire.Bench.LoadGen;

/// <summary>Something that sends one frame every 20 ms when the wheel ticks it.</summary>
public interface IFrameSource
{
    void Tick(long nowMicros);
}
