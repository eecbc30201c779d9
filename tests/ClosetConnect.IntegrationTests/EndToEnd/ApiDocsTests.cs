using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace ClosetConnect.IntegrationTests.EndToEnd;

/// <summary>In Development the gateway's <c>/docs</c> is a Scalar reference over every service's OpenAPI document, all served by the gateway.</summary>
[CancelAfter(180_000)]
public sealed class ApiDocsTests
{
    private static readonly string[] Documents = ["/openapi/identity-api.json", "/openapi/closet-api.json", "/openapi/payments-api.json", "/openapi/v1.json"];

    [Test]
    public async Task The_docs_page_lists_every_document_and_the_gateway_serves_each(CancellationToken cancellationToken)
    {
        var app = await SharedAppHost.GetAsync(cancellationToken);
        using var gateway = app.CreateHttpClient("gateway");

        using var page = await gateway.GetAsync(new Uri("/docs/", UriKind.Relative), cancellationToken);
        var html = await page.Content.ReadAsStringAsync(cancellationToken);
        Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.OK), html);
        Assert.That(page.Headers.GetValues("Content-Security-Policy").Single(), Does.Contain("script-src 'self'"), "the page may run its own script");
        foreach (var document in Documents)
        {
            Assert.That(html, Does.Contain(document.TrimStart('/')), $"the page lists {document}");
            var openApi = await gateway.GetFromJsonAsync<JsonElement>(new Uri(document, UriKind.Relative), cancellationToken);
            Assert.That(openApi.GetProperty("openapi").GetString(), Does.StartWith("3."), document);
            Assert.That(openApi.TryGetProperty("servers", out var servers) && servers.GetArrayLength() > 0, Is.False,
                $"{document} names no server: requests go to the gateway it came from");
        }
    }
}
