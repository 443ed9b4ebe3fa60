using SyncHire.Audio;
using SyncHire.Grains.Interfaces.Protocol;
using SyncHire.Platform.Usage;
using SyncHire.Providers;

namespace SyncHire.Grains.Usage;

/// <summary>
/// What an interview activation consumed since its usage was last recorded: candidate audio sent to the provider,
/// interviewer audio received from it, and model tokens where the provider (or the evaluation model) reports them.
/// Counted in memory on the hot path (one addition per audio frame) and turned into ledger records when the grain
/// flushes it.
/// </summary>
public sealed class InterviewUsageMeter : ITokenUsageSink
{
    /// <summary>The ledger kind of each token count, in the order of the counts kept per model.</summary>
    private static readonly string[] TokenKinds =
    [
        UsageKinds.InputTokens, UsageKinds.OutputTokens, UsageKinds.CachedTokens,
        UsageKinds.InputAudioTokens, UsageKinds.CachedAudioTokens, UsageKinds.OutputAudioTokens,
    ];

    private long _audioInBytes;

    /// <summary>The candidate audio already turned into records: subtracted on reset, so frames counted meanwhile stay.</summary>
    private long _audioInRecorded;
    private long _audioOutBytes;

    // Tokens are counted per model, from the grain's turns and from the evaluation running off them, so they are
    // kept under a lock (a few updates per response, never per frame) and a reset subtracts only what was recorded.
    private readonly Lock _tokensGate = new();
    private readonly Dictionary<string, long[]> _tokens = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long[]> _tokensRecorded = new(StringComparer.Ordinal);

    /// <summary>Candidate PCM16 at 16 kHz. Thread-safe: candidate audio is forwarded outside the grain's turns.</summary>
    public void CountAudioIn(int bytes) => Interlocked.Add(ref _audioInBytes, bytes);

    /// <summary>Interviewer PCM16 at 24 kHz.</summary>
    public void CountAudioOut(int bytes) => _audioOutBytes += bytes;

    /// <summary>Thread-safe. Negative counts (a provider's nonsense) count as zero.</summary>
    public void CountTokens(TokenUsage usage)
    {
        ArgumentNullException.ThrowIfNull(usage);
        int[] counts = [usage.Input, usage.Output, usage.Cached, usage.InputAudio, usage.CachedAudio, usage.OutputAudio];
        lock (_tokensGate)
        {
            var model = usage.Model ?? "";
            if (!_tokens.TryGetValue(model, out var totals))
            {
                _tokens[model] = totals = new long[TokenKinds.Length];
            }

            for (var i = 0; i < counts.Length; i++)
            {
                totals[i] += Math.Max(0, counts[i]);
            }
        }
    }

    public bool IsEmpty
    {
        get
        {
            lock (_tokensGate)
            {
                return Interlocked.Read(ref _audioInBytes) == 0 && _audioOutBytes == 0 && _tokens.Values.All(counts => counts.All(c => c == 0));
            }
        }
    }

    /// <summary>The records for what was counted (kinds with nothing counted are left out).</summary>
    public IReadOnlyList<UsageRecord> ToRecords(string interviewId, string tenantId, DateTimeOffset at)
    {
        var records = new List<UsageRecord>();
        void Add(string kind, double amount, string? model = null)
        {
            if (amount > 0)
            {
                records.Add(new UsageRecord(interviewId, tenantId, kind, amount, at, model));
            }
        }

        _audioInRecorded = Interlocked.Read(ref _audioInBytes);
        Add(UsageKinds.AudioInSeconds, Pcm16.Duration(_audioInRecorded, ProtocolLimits.InputSampleRate).TotalSeconds);
        Add(UsageKinds.AudioOutSeconds, Pcm16.Duration(_audioOutBytes, ProtocolLimits.OutputSampleRate).TotalSeconds);
        lock (_tokensGate)
        {
            _tokensRecorded.Clear();
            foreach (var (model, counts) in _tokens)
            {
                _tokensRecorded[model] = (long[])counts.Clone();
                for (var i = 0; i < TokenKinds.Length; i++)
                {
                    Add(TokenKinds[i], counts[i], model.Length == 0 ? null : model);
                }
            }
        }

        return records;
    }

    /// <summary>Starts counting from zero, once the counted usage is in the ledger (what was counted since stays).</summary>
    public void Reset()
    {
        Interlocked.Add(ref _audioInBytes, -_audioInRecorded);
        _audioInRecorded = 0;
        _audioOutBytes = 0;
        lock (_tokensGate)
        {
            foreach (var (model, recorded) in _tokensRecorded)
            {
                var counts = _tokens[model];
                for (var i = 0; i < TokenKinds.Length; i++)
                {
                    counts[i] -= recorded[i];
                }

                if (counts.All(c => c == 0))
                {
                    _tokens.Remove(model);
                }
            }

            _tokensRecorded.Clear();
        }
    }
}
