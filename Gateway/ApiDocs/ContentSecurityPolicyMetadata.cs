namespace ClosetConnect.Gateway.ApiDocs;

/// <summary>An endpoint that serves a page rather than an API answer says which Content-Security-Policy it needs.</summary>
public sealed record ContentSecurityPolicyMetadata(string Policy)
{
    /// <summary>Scalar's page: its own script and styles (some inline), its calls to the documents and the API on this origin.</summary>
    public static ContentSecurityPolicyMetadata ApiReference { get; } = new(
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'");
}
