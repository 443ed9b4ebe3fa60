using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace SyncHire.Providers;

/// <summary>
/// A session's outgoing events for its one reader, each tagged with the response it belongs to (0 for none), and
/// which response is being produced and which is being read. A session that produces responses itself needs both to
/// honour a cancel: the caller interrupts the response it is hearing, which may already be fully produced (its audio
/// still queued) or not yet started reading (then there is nothing to interrupt).
/// </summary>
public sealed class ResponseEventQueue
{
    private readonly Channel<TaggedEvent> _events;

    // Shared between the producer, the reader and the caller's cancel.
    private readonly Lock _gate = new();
    private int _responseBeingRead;
    private int _cancelledResponse;
    private (int Id, CancellationTokenSource Stop)? _responseBeingProduced;

    private ResponseEventQueue(Channel<TaggedEvent> events) => _events = events;

    /// <summary>A writer waits while <paramref name="capacity"/> events are unread.</summary>
    public static ResponseEventQueue Bounded(int capacity) => new(Channel.CreateBounded<TaggedEvent>(
        new BoundedChannelOptions(capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait }));

    public static ResponseEventQueue Unbounded() => new(Channel.CreateUnbounded<TaggedEvent>(
        new UnboundedChannelOptions { SingleReader = true }));

    /// <summary>Queues without waiting; after <see cref="Complete"/> the event is dropped, as nobody reads any more.</summary>
    public void Post(ProviderEvent providerEvent, int responseId = 0) =>
        _events.Writer.TryWrite(new TaggedEvent(providerEvent, responseId));

    /// <summary>Queues, waiting for room in a bounded queue.</summary>
    public ValueTask WriteAsync(ProviderEvent providerEvent, int responseId, CancellationToken cancellationToken) =>
        _events.Writer.WriteAsync(new TaggedEvent(providerEvent, responseId), cancellationToken);

    /// <summary>Ends the stream: the reader finishes after the events already queued.</summary>
    public void Complete() => _events.Writer.TryComplete();

    /// <summary>Response <paramref name="responseId"/> is being produced; cancelling <paramref name="stop"/> stops it.</summary>
    public void StartedProducing(int responseId, CancellationTokenSource stop)
    {
        lock (_gate)
        {
            _responseBeingProduced = (responseId, stop);
        }
    }

    public void StoppedProducing()
    {
        lock (_gate)
        {
            _responseBeingProduced = null;
        }
    }

    /// <summary>
    /// Interrupts the response the caller is reading: its production stops if it is still running, and the reader
    /// drops its audio still queued and reports it done as cancelled. Without one being read there is nothing to do.
    /// </summary>
    public void CancelResponseBeingRead()
    {
        CancellationTokenSource? stopProducing = null;
        lock (_gate)
        {
            // Only the response the caller is currently receiving can be interrupted; one it has fully received is over.
            if (_responseBeingRead == 0)
            {
                return;
            }

            _cancelledResponse = _responseBeingRead;
            if (_responseBeingProduced is { } produced && produced.Id == _responseBeingRead)
            {
                stopProducing = produced.Stop;
            }
        }

        try
        {
            stopProducing?.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The response finished producing in the meantime; the reader still drops its remaining audio.
        }
    }

    /// <summary>The events in order, as the caller should see them after any cancel. One reader only.</summary>
    public async IAsyncEnumerable<ProviderEvent> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var tagged in _events.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            var providerEvent = tagged.Event;
            lock (_gate)
            {
                if (tagged.ResponseId != 0 && tagged.ResponseId == _cancelledResponse)
                {
                    // Audio of an interrupted response that was already queued must not reach the candidate.
                    if (providerEvent is AudioDelta)
                    {
                        continue;
                    }

                    if (providerEvent is ResponseDone { Cancelled: false } done)
                    {
                        providerEvent = done with { Cancelled = true };
                    }
                }

                if (providerEvent is ResponseStarted)
                {
                    _responseBeingRead = tagged.ResponseId;
                }
                else if (providerEvent is ResponseDone)
                {
                    _responseBeingRead = 0;
                }
            }

            yield return providerEvent;
        }
    }

    /// <summary>An event tagged with the response it belongs to (0 for none), so a cancel can find its audio.</summary>
    private readonly record struct TaggedEvent(ProviderEvent Event, int ResponseId);
}
