using System.Reflection;
using System.Text.RegularExpressions;
using Orleans.Configuration;
using Orleans.Storage;
using Xunit;

namespace SyncHire.OrleansStorage.Tests;

/// <summary>
/// OrleansQueryKeys against the Orleans ADO.NET assemblies this build really runs: the providers' internal
/// DbStoredQueries demand one OrleansQuery row per property, and AdoNetGrainStorage reads the keys named in its
/// initialization query. A package upgrade that changes them fails here.
/// </summary>
public sealed class OrleansQueryKeysTests
{
    [Fact]
    public void Clustering_keys_are_the_clustering_providers_stored_queries() =>
        Assert.Equal(Sorted(DbStoredQueryProperties(typeof(AdoNetClusteringSiloOptions).Assembly, "Orleans.Clustering.AdoNet.Storage.DbStoredQueries")),
            Sorted(OrleansQueryKeys.Clustering));

    [Fact]
    public void Reminder_keys_are_the_reminder_providers_stored_queries() =>
        Assert.Equal(Sorted(DbStoredQueryProperties(typeof(AdoNetReminderTableOptions).Assembly, "Orleans.Reminders.AdoNet.Storage.DbStoredQueries")),
            Sorted(OrleansQueryKeys.Reminders));

    [Fact]
    public void Persistence_keys_are_those_the_grain_storage_reads()
    {
        var query = (string?)typeof(AdoNetGrainStorage)
            .GetField("DefaultInitializationQuery", BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)?
            .GetRawConstantValue();
        Assert.NotNull(query);
        var read = Regex.Matches(query, @"'(\w+Key)'").Select(m => m.Groups[1].Value);

        Assert.Equal(Sorted(read), Sorted([.. OrleansQueryKeys.Persistence, OrleansQueryKeys.DeleteStorage]));
    }

    [Fact]
    public void The_sqlite_invariant_is_the_one_orleans_maps_to_microsoft_data_sqlite()
    {
        // Orleans' own constant (internal), so a renamed invariant shows up here rather than at silo start.
        var invariants = typeof(AdoNetGrainStorage).Assembly.GetType("Orleans.Persistence.AdoNet.Storage.AdoNetInvariants", throwOnError: true)!;
        Assert.Equal(OrleansAdoNetInvariants.Sqlite, invariants.GetField("InvariantNameSqlLite")!.GetRawConstantValue());
        Assert.Equal(OrleansAdoNetInvariants.Npgsql, invariants.GetField("InvariantNamePostgreSql")!.GetRawConstantValue());
    }

    private static IEnumerable<string> DbStoredQueryProperties(Assembly assembly, string typeName) =>
        assembly.GetType(typeName, throwOnError: true)!
            .GetProperties(BindingFlags.Instance | BindingFlags.NonPublic)
            .Select(p => p.Name);

    private static string[] Sorted(IEnumerable<string> keys) => [.. keys.Order(StringComparer.Ordinal)];
}
