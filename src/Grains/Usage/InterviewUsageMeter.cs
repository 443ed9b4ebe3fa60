using SyncHire.Grains.Audio;
using SyncHire.Grains.Interfaces.Protocol;
using SyncHire.Platform.Usage;

namespace SyncHire.Grains.Usage;

/// <summary>
/// What an interview activation consumed since its usage was last recorded: candidate audio sent to the provider,
/// interviewer audio received from it, and model tokens where the provider reports them. Counted in memory on the
/// hot path (one addition per audio frame) and turned into ledger records when the grain flushes it.
/// </summary>
public sealed class InterviewUsageMeter
{
    private long _audioInBytes;

    /// <summary>The candidate audio already turned into records: subtracted on reset, so frames counted meanwhile stay.</summary>
    private long _audioInRecorded;
    private long _audioOutBytes;
    private long _inputTokens;
    private long _outputTokens;
    private long _cachedTokens;

    /// <summary>Candidate PCM16 at 16 kHz. Thread-safe: candidate audio is forwarded outside the grain's turns.</summary>
    public void CountAudioIn(int bytes) => Interlocked.Add(ref _audioInBytes, bytes);

    /// <summary>Interviewer PCM16 at 24 kHz.</summary>
    public void CountAudioOut(int bytes) => _audioOutBytes += bytes;

    public void CountTokens(int input, int output, int cached)
    {
        _inputTokens += Math.Max(0, input);
        _outputTokens += Math.Max(0, output);
        _cachedTokens += Math.Max(0, cached);
    }

    public bool IsEmpty => Interlocked.Read(ref _audioInBytes) == 0 && _audioOutBytes == 0 && _inputTokens == 0 && _outputTokens == 0 && _cachedTokens == 0;

    /// <summary>The records for what was counted (kinds with nothing counted are left out).</summary>
    public IReadOnlyList<UsageRecord> ToRecords(string interviewId, string tenantId, DateTimeOffset at)
    {
        var records = new List<UsageRecord>();
        void Add(string kind, double amount)
        {
            if (amount > 0)
            {
                records.Add(new UsageRecord(interviewId, tenantId, kind, amount, at));
            }
        }

        _audioInRecorded = Interlocked.Read(ref _audioInBytes);
        Add(UsageKinds.AudioInSeconds, Pcm16.Duration(_audioInRecorded, ProtocolLimits.InputSampleRate).TotalSeconds);
        Add(UsageKinds.AudioOutSeconds, Pcm16.Duration(_audioOutBytes, ProtocolLimits.OutputSampleRate).TotalSeconds);
        Add(UsageKinds.InputTokens, _inputTokens);
        Add(UsageKinds.OutputTokens, _outputTokens);
        Add(UsageKinds.CachedTokens, _cachedTokens);
        return records;
    }

    /// <summary>Starts counting from zero, once the counted usage is in the ledger.</summary>
    public void Reset()
    {
        Interlocked.Add(ref _audioInBytes, -_audioInRecorded);
        _audioInRecorded = 0;
        _audioOutBytes = 0;
        _inputTokens = 0;
        _outputTokens = 0;
        _cachedTokens = 0;
    }
}
