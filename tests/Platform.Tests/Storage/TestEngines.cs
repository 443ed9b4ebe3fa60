using SyncHire.Testing;

namespace SyncHire.Platform.Tests.Storage;

/// <summary>A database engine the platform store's contracts run on.</summary>
public interface ITestEngine
{
    /// <summary>Creates a test's own empty database; may skip the test when the engine is not available here.</summary>
    static abstract Task<ITestDatabase> CreateDatabaseAsync(CancellationToken cancellationToken);
}

public sealed class SqliteEngine : ITestEngine
{
    public static Task<ITestDatabase> CreateDatabaseAsync(CancellationToken cancellationToken) =>
        Task.FromResult<ITestDatabase>(SqliteTestDatabase.Create());
}

public sealed class PostgresEngine : ITestEngine
{
    public static async Task<ITestDatabase> CreateDatabaseAsync(CancellationToken cancellationToken) =>
        await PostgresTestDatabase.CreateAsync(cancellationToken);
}
