namespace ClosetConnect.AppHost.Hosting.Telemetry;

/// <summary>Builds traces out of loose spans: the list's summaries and one trace's tree.</summary>
internal static class TraceAssembler
{
    public static IEnumerable<TraceSummary> Summarize(IEnumerable<StoredSpan> spans) =>
        spans.GroupBy(s => s.TraceId, StringComparer.Ordinal).Select(trace => Summarize(trace.Key, [.. trace]));

    /// <summary>
    /// Parents before children, siblings by start time. A span whose parent is not here (not exported yet, evicted, or
    /// in the caller that started the trace) starts a tree of its own at depth 0, so no span is ever left out.
    /// </summary>
    public static TraceDetail Assemble(string traceId, IReadOnlyList<StoredSpan> spans)
    {
        var (start, durationMs) = Extent(spans);
        var children = spans.Where(s => s.ParentSpanId is not null).ToLookup(s => s.ParentSpanId!, StringComparer.Ordinal);
        var placed = new HashSet<string>(StringComparer.Ordinal);
        var nodes = new List<TraceSpanNode>(spans.Count);
        // Roots first; then whatever a parent loop (a broken sender) kept out of every tree.
        foreach (var top in Roots(spans).Concat(spans.OrderBy(s => s.StartTime)))
        {
            // Depth-first with an explicit stack: a long chain of spans must not exhaust the thread's stack.
            var pending = new Stack<(StoredSpan Span, int Depth)>([(top, 0)]);
            while (pending.TryPop(out var next))
            {
                // A span exported twice, or seen again through a loop, is shown once.
                if (!placed.Add(next.Span.SpanId))
                {
                    continue;
                }
                nodes.Add(new TraceSpanNode(next.Depth, (next.Span.StartTime - start).TotalMilliseconds, next.Span));
                foreach (var child in children[next.Span.SpanId].OrderByDescending(c => c.StartTime))
                {
                    pending.Push((child, next.Depth + 1));
                }
            }
        }
        return new TraceDetail(traceId, start, durationMs, ServicesInOrder(spans), nodes);
    }

    private static TraceSummary Summarize(string traceId, IReadOnlyList<StoredSpan> spans)
    {
        var (start, durationMs) = Extent(spans);
        var root = Roots(spans).FirstOrDefault() ?? spans.MinBy(s => s.StartTime)!;
        return new TraceSummary(traceId, root.Name, root.ServiceName, ServicesInOrder(spans), start, durationMs, spans.Count,
            spans.Any(s => s.Status == SpanStatus.Error));
    }

    /// <summary>True roots first, then spans whose parent is missing, each group by start time.</summary>
    private static IEnumerable<StoredSpan> Roots(IReadOnlyList<StoredSpan> spans)
    {
        var ids = spans.Select(s => s.SpanId).ToHashSet(StringComparer.Ordinal);
        return spans
            .Where(s => s.ParentSpanId is null || !ids.Contains(s.ParentSpanId))
            .OrderBy(s => s.ParentSpanId is null ? 0 : 1)
            .ThenBy(s => s.StartTime);
    }

    private static (DateTimeOffset Start, double DurationMs) Extent(IReadOnlyList<StoredSpan> spans)
    {
        var start = spans.Min(s => s.StartTime);
        var end = spans.Max(s => s.EndTime);
        return (start, (end - start).TotalMilliseconds);
    }

    private static IReadOnlyList<string> ServicesInOrder(IReadOnlyList<StoredSpan> spans) =>
        [.. spans.OrderBy(s => s.StartTime).Select(s => s.ServiceName).Distinct(StringComparer.Ordinal)];
}
