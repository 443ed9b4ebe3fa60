using System.Diagnostics;

namespace SyncHire.Browser.Tests.Infrastructure;

/// <summary>
/// A WAV of real synthesised speech for the fake microphone, made with espeak-ng and converted by sox to 48 kHz
/// mono PCM16 (the rate Chromium's capture runs at), with silence around it so that each time Chromium loops the
/// file the server hears one answer that starts and ends.
/// </summary>
internal static class SpeechRecording
{
    public const string Answer = "I built a payments service that handled ten thousand requests per second, and I kept it fast with careful caching.";

    private static readonly Lazy<Task<string>> Shared = new(() => CreateAsync(Answer));

    /// <summary>One file per test run, shared by every test that speaks.</summary>
    public static Task<string> AnswerWavAsync() => Shared.Value;

    private static async Task<string> CreateAsync(string text)
    {
        var folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"synchire-speech-{Guid.NewGuid():N}")).FullName;
        var spoken = Path.Combine(folder, "spoken.wav");
        var microphone = Path.Combine(folder, "microphone.wav");
        await RunAsync("espeak-ng", "-s", "165", "-w", spoken, text);
        // 0.4 s before the speech, 2 s after it: longer than the server's 0.8 s hangover, so every loop ends a turn.
        await RunAsync("sox", spoken, "-r", "48000", "-c", "1", "-b", "16", "-e", "signed-integer", microphone, "pad", "0.4", "2.0");
        return microphone;
    }

    private static async Task RunAsync(string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start.");
        var errors = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{tool} failed ({process.ExitCode}): {await errors}");
        }
    }
}
