namespace SyncHire.Audio;

/// <summary>Decoded mono-or-multichannel PCM16 audio from a WAV file; <see cref="Samples"/> are interleaved.</summary>
public sealed record WavAudio(int SampleRate, int Channels, short[] Samples)
{
    public TimeSpan Duration => Pcm16.SamplesToDuration(Samples.Length / Channels, SampleRate);
}
