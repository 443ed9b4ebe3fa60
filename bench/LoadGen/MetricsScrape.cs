using System.Globalization;

namespace SyncHire.Bench.LoadGen;

/// <summary>A scrape of a SyncHire process's /metrics, as sample → value.</summary>
public sealed class MetricsScrape(IReadOnlyDictionary<string, double> samples)
{
    public static async Task<MetricsScrape?> TryReadAsync(HttpClient http, Uri metrics)
    {
        try
        {
            var text = await http.GetStringAsync(metrics);
            var samples = new Dictionary<string, double>(StringComparer.Ordinal);
            foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                var space = line.LastIndexOf(' ');
                if (!line.StartsWith('#') && space > 0
                    && double.TryParse(line[(space + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
                {
                    samples[line[..space]] = value;
                }
            }

            return new MetricsScrape(samples);
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    public double Value(string sample) => samples.TryGetValue(sample, out var value) ? value : 0;

    /// <summary>The managed heap after the last GC, all generations.</summary>
    public double ManagedHeapBytes => SumOf("dotnet_gc_last_collection_heap_size_bytes");

    /// <summary>Every managed byte the process has allocated since it started.</summary>
    public double AllocatedBytes => SumOf("dotnet_gc_heap_total_allocated_bytes");

    /// <summary>Every series of a metric, whatever its labels (generation, scope), added up.</summary>
    private double SumOf(string metric) => samples.Where(s => s.Key.StartsWith(metric, StringComparison.Ordinal)).Sum(s => s.Value);

    /// <summary>Mean of a histogram in ms, from its _sum and _count.</summary>
    public double MeanMs(string histogram) =>
        Value(histogram + "_count") is > 0 and var count ? Value(histogram + "_sum") / count * 1000 : double.NaN;

    /// <summary>The bucket bound (ms) under which <paramref name="percentile"/> % of a histogram's samples fall.</summary>
    public double BucketPercentileMs(string histogram, double percentile)
    {
        var count = Value(histogram + "_count");
        if (count <= 0)
        {
            return double.NaN;
        }

        var prefix = histogram + "_bucket{le=\"";
        foreach (var (bound, cumulative) in samples.Where(s => s.Key.StartsWith(prefix, StringComparison.Ordinal))
                     .Select(s => (Bound: s.Key[prefix.Length..^2], s.Value))
                     .Select(s => (Bound: s.Bound == "+Inf" ? double.PositiveInfinity : double.Parse(s.Bound, CultureInfo.InvariantCulture), s.Value))
                     .OrderBy(s => s.Bound))
        {
            if (cumulative >= count * percentile / 100)
            {
                return bound * 1000;
            }
        }

        return double.PositiveInfinity;
    }
}
