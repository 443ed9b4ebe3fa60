namespace SyncHire.Grains.Tests.Evaluation;

/// <summary>A clock that always reads the same instant, so reports can be compared byte for byte.</summary>
internal sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public static readonly DateTimeOffset Instant = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    public FixedTimeProvider() : this(Instant)
    {
    }

    public override DateTimeOffset GetUtcNow() => now;
}
