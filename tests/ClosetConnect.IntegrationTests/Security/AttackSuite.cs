using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace ClosetConnect.IntegrationTests.Security;

/// <summary>
/// Attacks the running system through the gateway and asserts the exact refusal. One fixture class, split by topic
/// across files (AttackSuite.*.cs).
/// </summary>
[CancelAfter(180_000)]
public sealed partial class AttackSuite
{
    private static async Task<DistributedApplication> AppAsync(CancellationToken cancellationToken) =>
        await SharedAppHost.GetAsync(cancellationToken);

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode expected, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        Assert.That(response.StatusCode, Is.EqualTo(expected), body);
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"), body);
        return JsonDocument.Parse(body).RootElement;
    }

    private static HttpRequestMessage Get(string path, string bearer)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        return request;
    }

    private static StringContent Json(object value) => new(JsonSerializer.Serialize(value), Encoding.UTF8, "application/json");
}
