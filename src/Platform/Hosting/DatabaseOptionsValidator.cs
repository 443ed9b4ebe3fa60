using Microsoft.Extensions.Options;

namespace SyncHire.Platform.Hosting;

/// <summary>Refuses to start on a database the platform and Orleans cannot use, naming the setting.</summary>
public sealed class DatabaseOptionsValidator : IValidateOptions<DatabaseOptions>
{
    private const string Section = DatabaseOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, DatabaseOptions options)
    {
        List<string> failures = [];
        if (!DatabaseOptions.IsKnownEngine(options.Storage))
        {
            failures.Add($"Unknown storage provider '{options.Storage}' in {Section}:{nameof(DatabaseOptions.Storage)}. Use '{DatabaseOptions.Sqlite}' or '{DatabaseOptions.Postgres}'.");
        }

        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            failures.Add($"{Section}:{nameof(DatabaseOptions.ConnectionString)} must name the database.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
