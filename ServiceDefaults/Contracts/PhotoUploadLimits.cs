namespace ClosetConnect.ServiceDefaults.Contracts;

/// <summary>
/// How large a photo upload may be: the one statement of the rule that the gateway's upload route
/// (<c>"RequestBody": "photo-upload"</c> in its route metadata) and Closet.Api both enforce.
/// </summary>
public static class PhotoUploadLimits
{
    public const long MaxImageBytes = 10 * 1024 * 1024;

    /// <summary>An upload request with the largest image: the image plus room for the multipart framing and item fields.</summary>
    public const long MaxRequestBytes = MaxImageBytes + (256 * 1024);

    /// <summary>The limit as error messages state it.</summary>
    public const string MaxImageText = "10 MB";

    /// <summary>The gateway route metadata value that marks a route as a photo upload.</summary>
    public const string RouteMetadataValue = "photo-upload";
}
