namespace ClosetConnect.Contracts;

/// <summary>
/// How large a photo upload may be: the one statement of the rule that the gateway's upload routes and Closet.Api
/// both enforce.
/// </summary>
public static class PhotoUploadLimits
{
    public const long MaxImageBytes = 10 * 1024 * 1024;

    /// <summary>An upload request with the largest image: the image plus room for the multipart framing and item fields.</summary>
    public const long MaxRequestBytes = MaxImageBytes + (256 * 1024);

    /// <summary>The limit as error messages state it, e.g. "10 MB".</summary>
    public static readonly string MaxImageText = $"{MaxImageBytes / (1024 * 1024)} MB";
}
