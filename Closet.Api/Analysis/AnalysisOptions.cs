namespace ClosetConnect.Closet.Analysis;

/// <summary>Section <c>Analysis</c>: how long an item may wait for vision before it is marked failed.</summary>
public sealed class AnalysisOptions
{
    public const string SectionName = "Analysis";

    [System.ComponentModel.DataAnnotations.Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(15);
}
