namespace SyncHire.Emulators.Shared;

/// <summary>
/// The emulated provider's server-side voice activity detection: speech starts when a 20 ms window's RMS passes
/// the threshold and stops after <see cref="SilenceDuration"/> of quiet. Offsets count samples, not wall time.
/// </summary>
public sealed class EmulatedVoiceActivity(int sampleRate, double threshold = 0.02, int silenceDurationMs = 500)
{
    private readonly int _window = sampleRate / 50;
    private long _samples;
    private long _speechStartSample = -1;
    private long _lastVoicedSample;
    private int _inWindow;
    private double _sumSquares;

    public TimeSpan SilenceDuration { get; } = TimeSpan.FromMilliseconds(silenceDurationMs);

    public bool InSpeech => _speechStartSample >= 0;

    /// <summary>Feeds PCM16 audio; returns the events it caused, in order.</summary>
    public IReadOnlyList<VoiceActivityEvent> Append(ReadOnlySpan<byte> pcm16)
    {
        List<VoiceActivityEvent>? events = null;
        for (var i = 0; i + 1 < pcm16.Length; i += 2)
        {
            var sample = (short)(pcm16[i] | (pcm16[i + 1] << 8)) / 32768.0;
            _sumSquares += sample * sample;
            _samples++;
            if (++_inWindow < _window)
            {
                continue;
            }

            var voiced = Math.Sqrt(_sumSquares / _inWindow) >= threshold;
            _inWindow = 0;
            _sumSquares = 0;
            if (voiced)
            {
                _lastVoicedSample = _samples;
                if (_speechStartSample < 0)
                {
                    _speechStartSample = _samples - _window;
                    (events ??= []).Add(new VoiceActivityEvent(true, ToTime(_speechStartSample), TimeSpan.Zero));
                }
            }
            else if (_speechStartSample >= 0 && ToTime(_samples - _lastVoicedSample) >= SilenceDuration)
            {
                var spoken = ToTime(_lastVoicedSample - _speechStartSample);
                (events ??= []).Add(new VoiceActivityEvent(false, ToTime(_lastVoicedSample), spoken));
                _speechStartSample = -1;
            }
        }

        return events ?? (IReadOnlyList<VoiceActivityEvent>)[];
    }

    /// <summary>Ends an utterance now (a manual commit); returns its speech length, or zero if none was heard.</summary>
    public TimeSpan Flush()
    {
        var spoken = _speechStartSample >= 0 ? ToTime(_lastVoicedSample - _speechStartSample) : TimeSpan.Zero;
        _speechStartSample = -1;
        return spoken;
    }

    public TimeSpan Position => ToTime(_samples);

    private TimeSpan ToTime(long samples) => TimeSpan.FromSeconds((double)samples / sampleRate);
}

/// <param name="Started">True when speech started, false when it stopped.</param>
/// <param name="Offset">Audio position of the event.</param>
/// <param name="SpeechLength">For a stop: how long the utterance was.</param>
public sealed record VoiceActivityEvent(bool Started, TimeSpan Offset, TimeSpan SpeechLength);
