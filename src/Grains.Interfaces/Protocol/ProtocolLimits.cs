namespace SyncHire.Grains.Interfaces.Protocol;

/// <summary>Sizes and rates of the candidate protocol.</summary>
public static class ProtocolLimits
{
    /// <summary>Sample rate of the candidate's audio (binary frames and audio_chunk).</summary>
    public const int InputSampleRate = 16_000;

    /// <summary>Sample rate of the interviewer's audio sent back.</summary>
    public const int OutputSampleRate = 24_000;

    /// <summary>Default upper bound of one audio frame: about one second of 16 kHz PCM16.</summary>
    public const int DefaultMaxAudioFrameBytes = 32_768;

    /// <summary>
    /// Upper bound of a JSON text frame. An audio_chunk of a full audio frame written as JSON numbers ("-32768,")
    /// needs about 7 bytes per sample, so this leaves room for the largest legal audio_chunk and no more.
    /// </summary>
    public const int MaxTextFrameBytes = 128 * 1024;
}
