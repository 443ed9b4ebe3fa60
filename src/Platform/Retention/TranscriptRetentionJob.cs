using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SyncHire.Platform.Interviews;

namespace SyncHire.Platform.Retention;

/// <summary>
/// Erases interviews that ended longer ago than the retention period, on processes that host interviews (every
/// silo, and a single node). Several silos sweeping at once is harmless: erasing is idempotent.
/// </summary>
public sealed class TranscriptRetentionJob(
    IOptions<TranscriptRetentionOptions> settings,
    IInterviewIndex index,
    InterviewEraser eraser,
    TimeProvider time,
    IHostApplicationLifetime lifetime,
    ILogger<TranscriptRetentionJob> logger) : BackgroundService
{
    private const int BatchSize = 100;

    private readonly TranscriptRetentionOptions _options = settings.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_options.Retention is null)
        {
            return;
        }

        // Grain calls need the cluster up; the first sweep waits for the host to have started.
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        {
            await started.Task.WaitAsync(stoppingToken);
        }

        using var timer = new PeriodicTimer(_options.RetentionSweepInterval, time);
        do
        {
            try
            {
                await PurgeAsync(time.GetUtcNow(), stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Retention sweep failed; retrying in {Interval}", _options.RetentionSweepInterval);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>
    /// One sweep as of <paramref name="now"/>: erases every interview that ended before now − retention and
    /// returns how many. Does nothing when retention is off. A sweep stops at the first batch with a failure (the
    /// next sweep retries it) so an interview that cannot be erased never spins the loop.
    /// </summary>
    public async Task<int> PurgeAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (_options.Retention is not { } retention)
        {
            return 0;
        }

        var cutoff = now - retention;
        var erased = 0;
        while (true)
        {
            var batch = await index.ListEndedBeforeAsync(cutoff, BatchSize, cancellationToken);
            var failed = 0;
            foreach (var interview in batch)
            {
                try
                {
                    await eraser.EraseAsync(interview.TenantId, interview.InterviewId, cancellationToken);
                    erased++;
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    failed++;
                    logger.LogWarning(e, "Retention could not erase interview {InterviewId}; the next sweep retries", interview.InterviewId);
                }
            }

            if (batch.Count < BatchSize || failed > 0)
            {
                break;
            }
        }

        if (erased > 0)
        {
            logger.LogInformation("Retention erased {Count} interviews that ended before {Cutoff:o}", erased, cutoff);
        }

        return erased;
    }
}
