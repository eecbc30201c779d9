using System.ComponentModel.DataAnnotations;

namespace ClosetConnect.Gateway.Security;

/// <summary>
/// Largest request bodies but photo uploads (section <c>RequestLimits</c>), whose limit is the contract's
/// (<see cref="Contracts.PhotoUploadLimits"/>).
/// </summary>
public sealed class RequestLimitsOptions
{
    public const string SectionName = "RequestLimits";

    [Range(1, long.MaxValue)]
    public long JsonMaxBytes { get; set; } = 1024 * 1024;
}
