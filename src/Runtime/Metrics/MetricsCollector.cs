using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace SyncHire.Runtime.Metrics;

/// <summary>
/// Listens to SyncHire's meter (and the runtime's own, for GC and thread-pool figures) and keeps running totals
/// for the Prometheus exposition: a sum per counter and tag set, a last value per gauge, cumulative buckets per
/// histogram. Observable instruments are polled at scrape time.
/// </summary>
public sealed class MetricsCollector : IDisposable
{
    /// <summary>The .NET runtime's built-in meter (GC heap, thread pool, CPU).</summary>
    private const string RuntimeMeterName = "System.Runtime";

    private static readonly Lazy<MetricsCollector> Shared = new(() => new MetricsCollector());

    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<Instrument, InstrumentSeries> _series = new();

    /// <summary>The process's collector, listening from its first use for as long as the process runs.</summary>
    public static MetricsCollector ForProcess => Shared.Value;

    public MetricsCollector()
    {
        // Touch the instruments so they exist (and are published below) before anything has recorded into them.
        _ = SyncHireMetrics.Meter;
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name is SyncHireMetrics.MeterName or RuntimeMeterName)
            {
                _series.TryAdd(instrument, InstrumentSeries.For(instrument));
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.SetMeasurementEventCallback<int>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.Start();
    }

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (_series.TryGetValue(instrument, out var series))
        {
            series.Record(value, tags);
        }
    }

    /// <summary>Polls observable instruments, then writes every series in the Prometheus text format (0.0.4).</summary>
    public void WriteTo(TextWriter writer)
    {
        _listener.RecordObservableInstruments();
        foreach (var series in _series.Values.OrderBy(s => s.Name, StringComparer.Ordinal))
        {
            series.WriteTo(writer);
        }
    }

    public void Dispose() => _listener.Dispose();
}
