using System.ComponentModel.DataAnnotations;

namespace ClosetConnect.Closet.Infrastructure.Caching;

/// <summary><c>ItemListCache</c>: how long a cached page of an item list may be served, and how long Redis may take.</summary>
public sealed class ItemListCacheOptions
{
    public const string SectionName = "ItemListCache";

    /// <summary>
    /// The longest a page stays cached. Commits replace it at once; this bounds only what a failed version bump (Redis
    /// unreachable at that moment) can leave behind. Zero turns the cache off.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>A read of a cached page slower than this is treated as a miss: the page comes from the database.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:00:05")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMilliseconds(250);
}
