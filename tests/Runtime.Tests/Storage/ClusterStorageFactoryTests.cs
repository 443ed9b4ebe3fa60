using SyncHire.Runtime.Storage.Sql;
using Xunit;

namespace SyncHire.Runtime.Tests.Storage;

public sealed class ClusterStorageFactoryTests
{
    [Fact]
    public void UnknownProviderIsRejectedWithTheAcceptedNames()
    {
        var error = Assert.Throws<ArgumentException>(() => ClusterStorageFactory.Create("mysql", "Server=x"));

        Assert.Equal("provider", error.ParamName);
        Assert.Contains("'sqlite'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'postgres'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EmptyConnectionStringIsRejected()
    {
        Assert.Throws<ArgumentException>(() => ClusterStorageFactory.Create("sqlite", " "));
    }
}
