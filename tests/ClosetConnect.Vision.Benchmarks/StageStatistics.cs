namespace ClosetConnect.Vision.Benchmarks;

/// <summary>Durations of one stage over many photos.</summary>
internal sealed class StageStatistics
{
    private readonly List<double> _milliseconds = [];
    private readonly Lock _gate = new();

    public void Add(TimeSpan duration)
    {
        lock (_gate)
        {
            _milliseconds.Add(duration.TotalMilliseconds);
        }
    }

    public double Min => _milliseconds.Count == 0 ? 0 : _milliseconds.Min();

    public double Mean => _milliseconds.Count == 0 ? 0 : _milliseconds.Average();

    public double Percentile(double fraction)
    {
        if (_milliseconds.Count == 0)
        {
            return 0;
        }

        var sorted = _milliseconds.Order().ToArray();
        return sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(fraction * sorted.Length) - 1)];
    }
}
