using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text;

namespace SyncHire.Runtime.Metrics;

/// <summary>The running values of one instrument, one cell per distinct tag set.</summary>
internal abstract class InstrumentSeries(string name, string help, string type)
{
    private readonly ConcurrentDictionary<string, Cell> _cells = new(StringComparer.Ordinal);

    // Per-frame counters carry one tag ("direction"); caching its label string keeps recording allocation-free.
    private readonly ConcurrentDictionary<(string Key, object? Value), string> _singleTagLabels = new();

    public string Name { get; } = name;

    public static InstrumentSeries For(Instrument instrument)
    {
        var name = PrometheusName(instrument);
        var help = instrument.Description ?? instrument.Name;
        var definition = instrument.GetType().GetGenericTypeDefinition();
        if (definition == typeof(Histogram<>))
        {
            return new HistogramSeries(name, help);
        }

        if (definition == typeof(Counter<>) || definition == typeof(ObservableCounter<>))
        {
            return new SumSeries(name + "_total", help, "counter", cumulative: definition == typeof(Counter<>));
        }

        // UpDownCounter sums deltas; observable gauges and up-down counters report absolute values.
        return new SumSeries(name, help, "gauge", cumulative: definition == typeof(UpDownCounter<>));
    }

    public void Record(double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var labels = tags.Length switch
        {
            0 => string.Empty,
            1 => _singleTagLabels.GetOrAdd((tags[0].Key, tags[0].Value), static (tag) => Labels([new(tag.Key, tag.Value)])),
            _ => Labels(tags),
        };
        var cell = _cells.GetOrAdd(labels, static (_, series) => series.NewCell(), this);
        lock (cell)
        {
            Update(cell, value);
        }
    }

    public void WriteTo(TextWriter writer)
    {
        writer.Write($"# HELP {Name} {help.Replace('\n', ' ')}\n# TYPE {Name} {type}\n");
        if (_cells.IsEmpty)
        {
            // Every series appears from the first scrape, so dashboards and alerts see 0 rather than "no data".
            WriteCell(writer, string.Empty, NewCell());
            return;
        }

        foreach (var (labels, cell) in _cells.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            lock (cell)
            {
                WriteCell(writer, labels, cell);
            }
        }
    }

    protected abstract Cell NewCell();

    protected abstract void Update(Cell cell, double value);

    protected abstract void WriteCell(TextWriter writer, string labels, Cell cell);

    protected static string Number(double value) => value switch
    {
        double.PositiveInfinity => "+Inf",
        double.NegativeInfinity => "-Inf",
        _ => value.ToString("R", CultureInfo.InvariantCulture),
    };

    /// <summary>Instrument names in Prometheus form: dots and dashes become underscores, units of the runtime meter a suffix.</summary>
    private static string PrometheusName(Instrument instrument)
    {
        var name = new StringBuilder(instrument.Name.Length + 8);
        foreach (var c in instrument.Name)
        {
            name.Append(char.IsAsciiLetterOrDigit(c) || c == '_' ? c : '_');
        }

        var unit = instrument.Unit switch
        {
            "s" => "_seconds",
            "By" => "_bytes",
            _ => string.Empty,
        };
        return unit.Length > 0 && !name.ToString().EndsWith(unit, StringComparison.Ordinal) ? name + unit : name.ToString();
    }

    /// <summary>The label part of a sample line, <c>{a="x",b="y"}</c> sorted by name, or empty.</summary>
    private static string Labels(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (tags.IsEmpty)
        {
            return string.Empty;
        }

        var sorted = tags.ToArray();
        Array.Sort(sorted, (a, b) => string.CompareOrdinal(a.Key, b.Key));
        var labels = new StringBuilder("{");
        foreach (var (key, value) in sorted)
        {
            if (labels.Length > 1)
            {
                labels.Append(',');
            }

            foreach (var c in key)
            {
                labels.Append(char.IsAsciiLetterOrDigit(c) || c == '_' ? c : '_');
            }

            labels.Append("=\"");
            foreach (var c in Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty)
            {
                labels.Append(c switch { '\\' => "\\\\", '"' => "\\\"", '\n' => "\\n", _ => c.ToString() });
            }

            labels.Append('"');
        }

        return labels.Append('}').ToString();
    }

    internal class Cell
    {
        public double Value;
    }
}

/// <summary>Counters and gauges: a running sum (cumulative) or the last observed value.</summary>
internal sealed class SumSeries(string name, string help, string type, bool cumulative) : InstrumentSeries(name, help, type)
{
    protected override Cell NewCell() => new();

    protected override void Update(Cell cell, double value) => cell.Value = cumulative ? cell.Value + value : value;

    protected override void WriteCell(TextWriter writer, string labels, Cell cell) =>
        writer.Write($"{Name}{labels} {Number(cell.Value)}\n");
}

/// <summary>A histogram with fixed buckets from 0.5 ms to 30 s, wide enough for frame latency and activation alike.</summary>
internal sealed class HistogramSeries(string name, string help) : InstrumentSeries(name, help, "histogram")
{
    private static readonly double[] Bounds =
        [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

    protected override Cell NewCell() => new BucketCell();

    protected override void Update(Cell cell, double value)
    {
        var buckets = (BucketCell)cell;
        buckets.Value += value;
        buckets.Count++;
        var index = Array.BinarySearch(Bounds, value);
        buckets.Counts[index >= 0 ? index : ~index]++;
    }

    protected override void WriteCell(TextWriter writer, string labels, Cell cell)
    {
        var buckets = (BucketCell)cell;
        var inner = labels.Length > 0 ? labels[1..^1] + "," : string.Empty;
        long cumulative = 0;
        for (var i = 0; i < Bounds.Length; i++)
        {
            cumulative += buckets.Counts[i];
            writer.Write($"{Name}_bucket{{{inner}le=\"{Number(Bounds[i])}\"}} {cumulative}\n");
        }

        writer.Write($"{Name}_bucket{{{inner}le=\"+Inf\"}} {buckets.Count}\n");
        writer.Write($"{Name}_sum{labels} {Number(buckets.Value)}\n");
        writer.Write($"{Name}_count{labels} {buckets.Count}\n");
    }

    private sealed class BucketCell : Cell
    {
        public readonly long[] Counts = new long[Bounds.Length + 1];
        public long Count;
    }
}
