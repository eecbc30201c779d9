namespace ClosetConnect.Closet.Uploads;

/// <summary>
/// A hook that inspects every upload before it is accepted, e.g. an antivirus (ClamAV) or content-moderation
/// service. The default accepts everything; register another implementation in <c>Extensions/</c> to plug one in.
/// A rejection is answered 422 with the scanner's reason.
/// </summary>
public interface IUploadScanner
{
    Task<UploadScanResult> ScanAsync(ReadOnlyMemory<byte> content, string contentType, CancellationToken cancellationToken);
}

public sealed record UploadScanResult(bool Accepted, string? Reason = null)
{
    public static readonly UploadScanResult Clean = new(true);

    public static UploadScanResult Rejected(string reason) => new(false, reason);
}

internal sealed class AcceptingUploadScanner : IUploadScanner
{
    public Task<UploadScanResult> ScanAsync(ReadOnlyMemory<byte> content, string contentType, CancellationToken cancellationToken) =>
        Task.FromResult(UploadScanResult.Clean);
}
