namespace SyncHire.OrleansStorage;

/// <summary>The .sql files embedded in this assembly, named as in Orleans' source (see the csproj).</summary>
internal static class SqlScripts
{
    public static string Read(string fileName)
    {
        using var stream = typeof(SqlScripts).Assembly.GetManifestResourceStream(fileName)
            ?? throw new InvalidOperationException($"SQL script '{fileName}' is not embedded in {typeof(SqlScripts).Assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
