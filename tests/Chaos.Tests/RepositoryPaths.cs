namespace SyncHire.Chaos.Tests;

/// <summary>Where the repository and the built host are, from the test assembly's own bin folder.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>Debug or Release: the configuration this test was built in (its host was built in the same one).</summary>
    public static string Configuration { get; } = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;

    /// <summary>The one host: every cluster process is this ASP.NET Core app co-hosting an Orleans silo.</summary>
    public static string GatewayDll => Built("src/Gateway", "SyncHire.Gateway.dll");

    private static string Built(string project, string dll)
    {
        var path = Path.Combine(Root, project, "bin", Configuration, "net10.0", dll);
        return File.Exists(path) ? path : throw new FileNotFoundException($"{dll} is not built at {path}; build the solution first.", path);
    }

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "SyncHire.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"SyncHire.sln not found above {AppContext.BaseDirectory}.");
    }
}
