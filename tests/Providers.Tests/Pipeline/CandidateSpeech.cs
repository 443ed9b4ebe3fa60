using SyncHire.Audio;
using SyncHire.Providers;

namespace SyncHire.Providers.Tests.Pipeline;

/// <summary>The candidate's side of the audio: 16 kHz PCM16 tones and silence, sent in 20 ms frames like the browser's.</summary>
internal static class CandidateSpeech
{
    public const int SampleRate = 16_000;
    private const int FrameBytes = SampleRate / 50 * 2;

    public static byte[] Tone(TimeSpan duration, double frequency = 220, double amplitude = 0.3)
    {
        var samples = new short[(int)(duration.TotalSeconds * SampleRate)];
        for (var i = 0; i < samples.Length; i++)
        {
            samples[i] = (short)Math.Round(amplitude * short.MaxValue * Math.Sin(2 * Math.PI * frequency * i / SampleRate));
        }

        return Pcm16.ToBytes(samples);
    }

    public static byte[] Silence(TimeSpan duration) => new byte[(int)(duration.TotalSeconds * SampleRate) * 2];

    public static byte[] Concat(params byte[][] parts) => [.. parts.SelectMany(p => p)];

    /// <summary>An answer: speech of <paramref name="speech"/> then a pause long enough to end the turn.</summary>
    public static byte[] Answer(TimeSpan speech) => Concat(Silence(TimeSpan.FromMilliseconds(200)), Tone(speech), Silence(TimeSpan.FromSeconds(1)));

    public static async Task SendAsync(IRealtimeSession session, byte[] audio, CancellationToken cancellationToken)
    {
        for (var offset = 0; offset < audio.Length; offset += FrameBytes)
        {
            await session.SendAudioAsync(audio.AsMemory(offset, Math.Min(FrameBytes, audio.Length - offset)), cancellationToken);
        }
    }
}
