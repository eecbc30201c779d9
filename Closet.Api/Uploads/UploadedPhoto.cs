namespace ClosetConnect.Closet.Uploads;

/// <summary>The photo as the client sent it: its claimed name and type, its length, and a way to read it once.</summary>
public sealed record UploadedPhoto(string FileName, string ContentType, long Length, Func<Stream> OpenRead);
