using System.Diagnostics;

namespace SyncHire.Audio.Speech;

/// <summary>
/// A real (robotic but intelligible) voice from the espeak-ng command-line synthesiser. Text goes in as a single
/// process argument, never through a shell, so nothing the interview says can run commands.
/// </summary>
public sealed class EspeakTextToSpeech : ITextToSpeech
{
    private readonly string _executable;
    private readonly string _voice;
    private readonly int _wordsPerMinute;
    private readonly TimeSpan _timeout;
    private readonly Lazy<bool> _isAvailable;

    public EspeakTextToSpeech(
        string executable = "espeak-ng",
        string voice = "en-us",
        int wordsPerMinute = 165,
        TimeSpan? timeout = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(executable);
        ArgumentException.ThrowIfNullOrWhiteSpace(voice);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(wordsPerMinute);
        _executable = executable;
        _voice = voice;
        _wordsPerMinute = wordsPerMinute;
        _timeout = timeout ?? TimeSpan.FromSeconds(15);
        _isAvailable = new Lazy<bool>(Probe, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public string Name => "espeak-ng";

    /// <summary>Whether espeak-ng runs on this machine; probed once, on first use.</summary>
    public bool IsAvailable => _isAvailable.Value;

    public async ValueTask<byte[]> SynthesizeAsync(string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var startInfo = CreateStartInfo("--stdout", "-v", _voice, "-s", _wordsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture),
            // "--" ends the options, so text that begins with '-' is spoken rather than parsed as a flag.
            "--", text);

        using var process = Start(startInfo);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_timeout);
        try
        {
            using var wav = new MemoryStream();
            var stdout = process.StandardOutput.BaseStream.CopyToAsync(wav, timeout.Token);
            var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
            await Task.WhenAll(stdout, stderr).ConfigureAwait(false);
            await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"espeak-ng exited with code {process.ExitCode}: {stderr.Result.Trim()}");
            }

            var audio = WavReader.Read(wav.GetBuffer().AsSpan(0, (int)wav.Length));
            if (audio.Channels != 1)
            {
                throw new InvalidOperationException($"espeak-ng produced {audio.Channels}-channel audio; mono was expected.");
            }

            return Pcm16.ToBytes(PcmResampler.Resample(audio.Samples, audio.SampleRate, ITextToSpeech.OutputSampleRate));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"espeak-ng did not finish within {_timeout.TotalSeconds:0.#} s and was stopped.");
        }
        finally
        {
            // Covers timeout, cancellation and failures alike: never leave a synthesiser running.
            KillIfRunning(process);
        }
    }

    private bool Probe()
    {
        try
        {
            using var process = Start(CreateStartInfo("--version"));
            // Drain both pipes so a chatty process cannot block on a full pipe while we wait for it.
            _ = process.StandardOutput.ReadToEndAsync();
            _ = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromSeconds(5)))
            {
                KillIfRunning(process);
                return false;
            }

            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // Not installed (the executable was not found or cannot run).
            return false;
        }
    }

    private ProcessStartInfo CreateStartInfo(params string[] arguments)
    {
        var startInfo = new ProcessStartInfo(_executable)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = false,
            CreateNoWindow = true,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        return startInfo;
    }

    private static Process Start(ProcessStartInfo startInfo) =>
        Process.Start(startInfo) ?? throw new InvalidOperationException($"Could not start {startInfo.FileName}.");

    private static void KillIfRunning(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // It exited between the check and the kill.
        }
    }
}
