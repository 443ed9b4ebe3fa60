using System.Diagnostics;
using System.Text;

namespace SyncHire.Grains.Cv.Pdf;

/// <summary>
/// Runs one program under prlimit: an address-space limit (a hostile file makes it fail, not the machine swap),
/// a CPU-time backstop, no core dumps and no file writes. No shell is involved: arguments go through
/// <see cref="ProcessStartInfo.ArgumentList"/>, so nothing in a file name is ever interpreted. Cancellation kills
/// the whole process tree and waits for it to be gone.
/// </summary>
internal static class LimitedProcess
{
    private const int MaxErrorChars = 8 * 1024;

    public static async Task<LimitedProcessResult> RunAsync(
        PopplerTools tools, string program, IReadOnlyList<string> arguments, string workingDirectory,
        long memoryLimitBytes, TimeSpan timeout, int maxOutputChars, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(tools.PrlimitPath!)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        start.ArgumentList.Add($"--as={memoryLimitBytes}");
        start.ArgumentList.Add($"--cpu={(int)Math.Ceiling(timeout.TotalSeconds) + 1}");
        start.ArgumentList.Add("--core=0");
        start.ArgumentList.Add("--fsize=0");
        start.ArgumentList.Add("--");
        start.ArgumentList.Add(program);
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);

        // The reader needs nothing from our environment (keys, tokens); HOME points into the private folder.
        start.Environment.Clear();
        start.Environment["HOME"] = workingDirectory;
        start.Environment["LC_ALL"] = "C.UTF-8";

        using var process = Process.Start(start)
            ?? throw new InvalidOperationException($"Could not start {program}.");
        // Killing on cancellation closes the child's pipes, which ends every read below whether or not the pipe
        // streams honour the token themselves: a timeout can never leave us waiting on a live child.
        using (cancellationToken.Register(() => KillTree(process)))
        {
            process.StandardInput.Close();
            var errors = ReadCappedAsync(process.StandardError, MaxErrorChars);
            var (output, capped) = await ReadCappedWithFlagAsync(process.StandardOutput, maxOutputChars);
            if (capped)
                KillTree(process);
            // SIGKILL ends the child at once; waiting for it reaps it, so no zombie is left behind.
            await process.WaitForExitAsync(CancellationToken.None);
            var errorText = (await errors).Text;
            cancellationToken.ThrowIfCancellationRequested();
            return new LimitedProcessResult(process.ExitCode, output, capped, errorText);
        }
    }

    // Runs inside the cancellation callback, i.e. possibly on the timeout's timer thread, where an exception
    // would end the process: it must never throw. The usual failure is a child that already exited.
    private static void KillTree(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (Exception ex) when (ex is InvalidOperationException or System.ComponentModel.Win32Exception or AggregateException or NotSupportedException)
        {
            // Already gone, or a grandchild vanished while the tree was walked; the wait below still reaps the child.
        }
    }

    private static async Task<(string Text, bool Capped)> ReadCappedWithFlagAsync(StreamReader reader, int maxChars)
    {
        var text = new StringBuilder();
        var buffer = new char[8192];
        int read;
        while ((read = await reader.ReadAsync(buffer)) > 0)
        {
            var room = maxChars - text.Length;
            text.Append(buffer, 0, Math.Min(read, room));
            if (read >= room)
                return (text.ToString(), true);
        }
        return (text.ToString(), false);
    }

    private static async Task<(string Text, bool Capped)> ReadCappedAsync(StreamReader reader, int maxChars)
    {
        var (text, capped) = await ReadCappedWithFlagAsync(reader, maxChars);
        if (capped)
        {
            // Keep draining so a chatty child never blocks on a full stderr pipe.
            var discard = new char[8192];
            while (await reader.ReadAsync(discard) > 0)
            {
            }
        }
        return (text, capped);
    }
}
