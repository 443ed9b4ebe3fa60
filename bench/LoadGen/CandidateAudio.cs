using System.Runtime.InteropServices;

namespace SyncHire.Bench.LoadGen;

/// <summary>
/// The simulated candidate's microphone: 20 ms PCM16 frames, each starting with a <see cref="FrameStamp"/> of its
/// send time. Speech frames are loud (the provider's VAD hears speech), listening frames are quiet but still
/// stamped, as a real microphone streams continuously.
/// </summary>
public static class CandidateAudio
{
    public const int FrameMs = 20;

    /// <summary>Samples per stamp run at <paramref name="sampleRate"/>: 6 at 16 kHz survive the relay's resampling.</summary>
    public static int RunLength(int sampleRate) => sampleRate >= 24_000 ? 4 : 6;

    public static int FrameBytes(int sampleRate) => sampleRate / (1000 / FrameMs) * 2;

    /// <summary>Fills <paramref name="frame"/> (PCM16 LE) and stamps it with now.</summary>
    public static void Fill(Span<byte> frame, int sampleRate, bool speaking)
    {
        var samples = MemoryMarshal.Cast<byte, short>(frame);
        var runLength = RunLength(sampleRate);
        var stampLength = FrameStamp.Length(runLength);
        if (speaking)
        {
            // A 400 Hz-ish square wave at about -15 dBFS: clearly speech to an energy VAD.
            for (var i = stampLength; i < samples.Length; i++)
            {
                samples[i] = (short)((i / 20 % 2 == 0) ? 6000 : -6000);
            }
        }
        else
        {
            samples[stampLength..].Clear();
        }

        FrameStamp.Write(samples, FrameStamp.NowMicros(), speaking, runLength);
    }
}
