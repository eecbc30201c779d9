namespace ClosetConnect.Identity.Gdpr;

/// <summary>A service could not give its part of an export: it failed, refused, or did not answer in time.</summary>
public sealed class ServiceDataUnavailableException(string service, string reason, Exception? innerException = null)
    : Exception($"{service} did not return its export ({reason}).", innerException)
{
    public string Service { get; } = service;
}
