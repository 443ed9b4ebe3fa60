namespace SyncHire.OrleansStorage;

/// <summary>
/// The OrleansQuery keys Orleans 10.4.2's ADO.NET providers read, per provider. The migration checks they are all
/// present after it runs, so a script that drifts from the providers fails the silo's start instead of its first call.
/// </summary>
public static class OrleansQueryKeys
{
    /// <summary>Every property of the clustering provider's DbStoredQueries: a missing one fails its start.</summary>
    public static readonly IReadOnlyList<string> Clustering =
    [
        "GatewaysQueryKey",
        "MembershipReadRowKey",
        "MembershipReadAllKey",
        "InsertMembershipVersionKey",
        "UpdateIAmAlivetimeKey",
        "InsertMembershipKey",
        "UpdateMembershipKey",
        "DeleteMembershipTableEntriesKey",
        "CleanupDefunctSiloEntriesKey",
    ];

    /// <summary>What AdoNetGrainStorage reads with .Single(): a missing one fails its start.</summary>
    public static readonly IReadOnlyList<string> Persistence =
    [
        "WriteToStorageKey",
        "ReadFromStorageKey",
        "ClearStorageKey",
    ];

    /// <summary>
    /// Optional for AdoNetGrainStorage: needed only with DeleteStateOnClear. Orleans' PostgreSQL script has it, its
    /// SQLite script does not, so on SQLite clearing a grain's state keeps an empty row.
    /// </summary>
    public const string DeleteStorage = "DeleteStorageKey";

    /// <summary>Every property of the reminders provider's DbStoredQueries: a missing one fails its start.</summary>
    public static readonly IReadOnlyList<string> Reminders =
    [
        "ReadReminderRowsKey",
        "ReadRangeRows1Key",
        "ReadRangeRows2Key",
        "ReadReminderRowKey",
        "UpsertReminderRowKey",
        "DeleteReminderRowKey",
        "DeleteReminderRowsKey",
    ];

    /// <summary>PostgreSQL runs all three ADO.NET providers.</summary>
    public static readonly IReadOnlyList<string> Postgres = [.. Clustering, .. Persistence, DeleteStorage, .. Reminders];

    /// <summary>SQLite runs only ADO.NET grain storage (clustering is localhost, reminders are SqliteReminderTable).</summary>
    public static readonly IReadOnlyList<string> Sqlite = Persistence;
}
