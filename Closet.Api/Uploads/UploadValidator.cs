namespace ClosetConnect.Closet.Uploads;

public sealed record ImageFormat(string Extension, string ContentType);

/// <summary>
/// An upload is accepted only when its magic bytes say JPEG, PNG or GIF and its file name and declared content type
/// agree with that; the bytes decide, never the client's labels alone.
/// </summary>
public static class UploadValidator
{
    public static readonly ImageFormat Jpeg = new("jpg", "image/jpeg");
    public static readonly ImageFormat Png = new("png", "image/png");
    public static readonly ImageFormat Gif = new("gif", "image/gif");

    private static readonly Dictionary<string, ImageFormat> ByExtension = new(StringComparer.OrdinalIgnoreCase)
    {
        [".jpg"] = Jpeg,
        [".jpeg"] = Jpeg,
        [".png"] = Png,
        [".gif"] = Gif,
    };

    /// <summary>The format the bytes are in, or null when they are none of JPEG, PNG or GIF.</summary>
    public static ImageFormat? Sniff(ReadOnlySpan<byte> header)
    {
        if (header.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return Jpeg;
        }

        if (header.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return Png;
        }

        return header.StartsWith("GIF87a"u8) || header.StartsWith("GIF89a"u8) ? Gif : null;
    }

    /// <summary>Null when acceptable; otherwise what is wrong, for the problem's detail.</summary>
    public static string? Check(string fileName, string? declaredContentType, long length, ImageFormat? sniffed)
    {
        if (length == 0)
        {
            return "The image is empty.";
        }

        if (sniffed is null)
        {
            return "The file is not a JPEG, PNG or GIF image.";
        }

        if (!ByExtension.TryGetValue(Path.GetExtension(fileName), out var byName) || byName != sniffed)
        {
            return $"The file name '{fileName}' does not match its content ({sniffed.ContentType}); use .jpg, .jpeg, .png or .gif accordingly.";
        }

        if (declaredContentType is not null && !string.Equals(declaredContentType, sniffed.ContentType, StringComparison.OrdinalIgnoreCase))
        {
            return $"The declared type '{declaredContentType}' does not match the content ({sniffed.ContentType}).";
        }

        return null;
    }
}
