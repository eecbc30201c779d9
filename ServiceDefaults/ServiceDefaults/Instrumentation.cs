using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace ClosetConnect.ServiceDefaults;

/// <summary>The activity source and meter for spans and metrics that ClosetConnect code creates itself.</summary>
public static class Instrumentation
{
    public const string ActivitySourceName = "ClosetConnect";
    public const string MeterName = "ClosetConnect";

    public static readonly ActivitySource ActivitySource = new(ActivitySourceName);
    public static readonly Meter Meter = new(MeterName);
}
