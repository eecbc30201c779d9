namespace ClosetConnect.Closet.Domain;

public static class Seasons
{
    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        "spring", "summer", "autumn", "winter", "all",
    };
}
