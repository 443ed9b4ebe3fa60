namespace SyncHire.Runtime.Tests.Storage;

/// <summary>
/// A database that belongs to one test: empty when created, removed when disposed. Pass <see cref="Provider"/>
/// and <see cref="ConnectionString"/> to <c>ClusterStorageFactory.Create</c> (any number of times, e.g. once per
/// silo of a multi-silo test: they all see the same data).
/// </summary>
public interface ITestDatabase : IAsyncDisposable
{
    string Provider { get; }

    string ConnectionString { get; }
}
