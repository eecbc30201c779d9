using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace ClosetConnect.IntegrationTests.InProcess;

/// <summary>What a client reads of a refusal: the status, problem+json saying the same status, and its fields.</summary>
public static class Problem
{
    public static async Task<JsonElement> ReadAsync(HttpResponseMessage response, HttpStatusCode status, CancellationToken cancellationToken)
    {
        Assert.That(response.StatusCode, Is.EqualTo(status), await response.Content.ReadAsStringAsync(cancellationToken));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        Assert.That(problem.GetProperty("status").GetInt32(), Is.EqualTo((int)status));
        return problem;
    }

    /// <summary>The detail of a problem with <paramref name="status"/>.</summary>
    public static async Task<string?> DetailAsync(HttpResponseMessage response, HttpStatusCode status, CancellationToken cancellationToken) =>
        (await ReadAsync(response, status, cancellationToken)).GetProperty("detail").GetString();

    /// <summary>The fields a 400 validation problem names, in its order.</summary>
    public static async Task<IReadOnlyList<string>> FieldsAsync(HttpResponseMessage response, CancellationToken cancellationToken) =>
        (await ReadAsync(response, HttpStatusCode.BadRequest, cancellationToken)).GetProperty("errors").EnumerateObject().Select(p => p.Name).ToList();

    /// <summary>The 401 every API gives a request without a token: a problem saying so, and a Bearer challenge.</summary>
    public static async Task AssertBearerChallengeAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        Assert.That(await DetailAsync(response, HttpStatusCode.Unauthorized, cancellationToken), Is.EqualTo("This endpoint needs a bearer access token."));
        Assert.That(response.Headers.WwwAuthenticate.ToString(), Does.StartWith("Bearer"));
    }
}
