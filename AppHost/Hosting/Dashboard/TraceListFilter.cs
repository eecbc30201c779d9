namespace ClosetConnect.AppHost.Hosting.Dashboard;

/// <summary>The query of <c>/traces</c> and <c>/api/traces</c>: <c>?service=closet-api&amp;limit=50</c>.</summary>
internal sealed record TraceListFilter(string? Service, int? Limit)
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1_000;

    public int EffectiveLimit => Math.Clamp(Limit ?? DefaultLimit, 1, MaxLimit);
}
