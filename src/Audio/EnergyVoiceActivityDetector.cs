using System.Buffers.Binary;

namespace SyncHire.Audio;

/// <summary>
/// Streaming energy-based voice activity detector over PCM16 mono. Audio is cut into fixed analysis frames
/// whatever the chunking of the input (including chunks that split a sample), each frame is voiced when its RMS
/// reaches the threshold, and speech starts after <see cref="VoiceActivityOptions.MinimumSpeechDuration"/> of
/// voiced frames and stops after <see cref="VoiceActivityOptions.SilenceHangoverDuration"/> of silent ones.
/// All offsets come from sample counts, never the wall clock, so results are the same however fast audio arrives.
/// Not thread-safe: one stream, one caller at a time.
/// </summary>
public sealed class EnergyVoiceActivityDetector
{
    private readonly VoiceActivityOptions _options;
    private readonly int _frameSamples;
    private readonly long _minimumSpeechSamples;
    private readonly long _hangoverSamples;
    private readonly double _thresholdSumOfSquares;

    private long _samplesSeen;
    private int _frameFill;
    private double _frameSumOfSquares;
    private byte _pendingLowByte;
    private bool _hasPendingByte;

    private long _voicedRunStart = -1;
    private bool _speaking;
    private long _speechStart;
    private long _lastVoicedEnd;

    public EnergyVoiceActivityDetector(VoiceActivityOptions? options = null)
    {
        _options = options ?? VoiceActivityOptions.Default;
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(_options.SampleRate);
        if (_options.Threshold is < 0 or > 1 || double.IsNaN(_options.Threshold))
        {
            throw new ArgumentOutOfRangeException(nameof(options), _options.Threshold, "The RMS threshold must be within 0..1.");
        }

        _frameSamples = ToSamples(_options.Frame);
        if (_frameSamples <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), _options.Frame, "The analysis frame must hold at least one sample.");
        }

        _minimumSpeechSamples = ToSamples(_options.MinimumSpeechDuration);
        _hangoverSamples = ToSamples(_options.SilenceHangoverDuration);
        if (_minimumSpeechSamples < 0 || _hangoverSamples < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "Minimum speech and silence hangover cannot be negative.");
        }

        // Compare sums of squares with the threshold squared: no square root per frame.
        var thresholdSample = _options.Threshold * 32768.0;
        _thresholdSumOfSquares = thresholdSample * thresholdSample * _frameSamples;
    }

    /// <summary>Whether speech has been declared started and not yet stopped.</summary>
    public bool IsSpeaking => _speaking;

    /// <summary>How much audio the detector has been given in total (whole samples).</summary>
    public TimeSpan Position => Pcm16.SamplesToDuration(_samplesSeen, _options.SampleRate);

    /// <summary>
    /// Analyses the next chunk of the stream and appends any speech starts and stops to <paramref name="events"/>
    /// (the caller owns and reuses the list, so steady-state calls allocate nothing).
    /// </summary>
    public void Process(ReadOnlySpan<byte> pcm16, ICollection<VoiceActivityEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var index = 0;
        if (_hasPendingByte && !pcm16.IsEmpty)
        {
            AddSample((short)(_pendingLowByte | (pcm16[0] << 8)), events);
            _hasPendingByte = false;
            index = 1;
        }

        for (; index + 1 < pcm16.Length; index += Pcm16.BytesPerSample)
        {
            AddSample(BinaryPrimitives.ReadInt16LittleEndian(pcm16[index..]), events);
        }

        if (index < pcm16.Length)
        {
            // A chunk that ends half-way through a sample: keep the low byte for the next chunk.
            _pendingLowByte = pcm16[index];
            _hasPendingByte = true;
        }
    }

    /// <summary>
    /// Ends speech in progress now (an explicit end of turn): returns its stop, as if the hangover had elapsed, or
    /// null when no speech had been declared. A voiced run too short to count is dropped.
    /// </summary>
    public VoiceActivityEvent? StopSpeech()
    {
        VoiceActivityEvent? stop = _speaking ? CreateStop() : null;
        ResetSpeechState();
        return stop;
    }

    /// <summary>
    /// Forgets any speech in progress without reporting it, keeping the stream position. Used when audio heard so
    /// far must not count (it arrived while the interviewer was talking), so the next utterance starts afresh.
    /// </summary>
    public void ResetSpeechState()
    {
        _speaking = false;
        _voicedRunStart = -1;
    }

    private void AddSample(short sample, ICollection<VoiceActivityEvent> events)
    {
        double value = sample;
        _frameSumOfSquares += value * value;
        _frameFill++;
        _samplesSeen++;
        if (_frameFill == _frameSamples)
        {
            OnFrame(_frameSumOfSquares >= _thresholdSumOfSquares, events);
            _frameFill = 0;
            _frameSumOfSquares = 0;
        }
    }

    private void OnFrame(bool voiced, ICollection<VoiceActivityEvent> events)
    {
        var frameEnd = _samplesSeen;
        var frameStart = frameEnd - _frameSamples;
        if (voiced)
        {
            if (_voicedRunStart < 0)
            {
                _voicedRunStart = frameStart;
            }

            _lastVoicedEnd = frameEnd;
            if (!_speaking && frameEnd - _voicedRunStart >= _minimumSpeechSamples)
            {
                _speaking = true;
                _speechStart = _voicedRunStart;
                events.Add(new VoiceActivityEvent(VoiceActivityKind.SpeechStarted, ToDuration(_speechStart), TimeSpan.Zero));
            }

            return;
        }

        if (!_speaking)
        {
            // Silence before speech was confirmed: the voiced run was a click or a breath.
            _voicedRunStart = -1;
            return;
        }

        if (frameEnd - _lastVoicedEnd >= _hangoverSamples)
        {
            events.Add(CreateStop());
            ResetSpeechState();
        }
    }

    private VoiceActivityEvent CreateStop() =>
        new(VoiceActivityKind.SpeechStopped, ToDuration(_lastVoicedEnd), ToDuration(_lastVoicedEnd - _speechStart));

    private TimeSpan ToDuration(long samples) => Pcm16.SamplesToDuration(samples, _options.SampleRate);

    private int ToSamples(TimeSpan duration) => checked((int)(duration.Ticks * _options.SampleRate / TimeSpan.TicksPerSecond));
}
