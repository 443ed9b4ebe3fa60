namespace SyncHire.Gateway.Tests.Infrastructure;

/// <summary>A cancellation token that ends a test that waits too long, instead of hanging the run.</summary>
public static class TestTimeout
{
    public static readonly TimeSpan Default = TimeSpan.FromSeconds(30);

    public static CancellationTokenSource Start(TimeSpan? timeout = null)
    {
        var source = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        source.CancelAfter(timeout ?? Default);
        return source;
    }
}
