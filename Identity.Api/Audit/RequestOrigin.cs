namespace ClosetConnect.Identity.Audit;

/// <summary>Where an audited action came from. Outside a request (the maintenance job, start-up) there is none.</summary>
public sealed record RequestOrigin(string? ClientIp, string? RequestId)
{
    public static readonly RequestOrigin None = new(null, null);
}
