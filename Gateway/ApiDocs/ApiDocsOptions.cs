namespace ClosetConnect.Gateway.ApiDocs;

/// <summary>Section <c>ApiDocs</c>: the services whose OpenAPI documents <c>/docs</c> shows (document name → title).</summary>
public sealed class ApiDocsOptions
{
    public const string SectionName = "ApiDocs";

    /// <summary>Each is proxied from <c>/openapi/{name}.json</c> to the service's own <c>/openapi/v1.json</c> (ReverseProxy routes).</summary>
    public Dictionary<string, string> Documents { get; set; } = [];
}
