using SyncHire.Platform.Hosting;

namespace SyncHire.Testing;

/// <summary>
/// A database that belongs to one test: empty when created, removed when disposed. Pass <see cref="Provider"/>
/// and <see cref="ConnectionString"/> (or <see cref="Options"/>) to every silo of a test: they all see the same data.
/// </summary>
public interface ITestDatabase : IAsyncDisposable
{
    string Provider { get; }

    string ConnectionString { get; }

    DatabaseOptions Options { get; }
}
