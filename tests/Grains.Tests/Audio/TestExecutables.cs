using System.Security.Cryptography;
using System.Text;

namespace SyncHire.Grains.Tests.Audio;

internal static class TestExecutables
{
    /// <summary>
    /// A stand-in executable for failure modes a real espeak-ng cannot be made to show on demand. Named by its
    /// content, so runs reuse one file per script instead of littering the temp folder.
    /// </summary>
    public static string Script(string body)
    {
        var text = $"#!/bin/sh\n{body}\n";
        var name = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
        var path = Path.Combine(Path.GetTempPath(), $"synchire-tts-{name}.sh");
        if (!File.Exists(path))
        {
            var staging = $"{path}.{Guid.NewGuid():N}";
            File.WriteAllText(staging, text);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(staging, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }

            // Atomic publish: a concurrent run never executes a half-written script.
            File.Move(staging, path, overwrite: true);
        }

        return path;
    }
}
