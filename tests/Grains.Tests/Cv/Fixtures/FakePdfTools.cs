using System.Text;

namespace SyncHire.Grains.Tests.Cv.Fixtures;

/// <summary>
/// A folder standing in for poppler-utils (Cv:Pdf:ToolsDirectory): shell scripts named pdfinfo and pdftotext,
/// to observe how the extractor runs and stops its child processes.
/// </summary>
internal sealed class FakePdfTools : IDisposable
{
    private readonly DirectoryInfo _folder = System.IO.Directory.CreateTempSubdirectory("synchire-fake-poppler-");

    public string Directory => _folder.FullName;

    public string PathOf(string name) => Path.Combine(_folder.FullName, name);

    public FakePdfTools WithScript(string program, string body)
    {
        var path = PathOf(program);
        File.WriteAllText(path, "#!/bin/sh\n" + body + "\n", new UTF8Encoding(false));
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return this;
    }

    public Dictionary<string, string?> Settings(TimeSpan? timeout = null)
    {
        var settings = new Dictionary<string, string?> { ["Cv:Pdf:ToolsDirectory"] = Directory };
        if (timeout is { } value)
            settings["Cv:Timeout"] = value.ToString("c");
        return settings;
    }

    public void Dispose() => _folder.Delete(recursive: true);
}
