using System.Net;

namespace ClosetConnect.Payments.Tests.TossSimulator;

/// <summary>toss-api.md §1 and §9.2: Basic auth with the secret key as user name and a trailing colon.</summary>
public sealed class AuthenticationTests : SimulatorFixture
{
    [Test]
    public async Task A_request_without_Authorization_is_401_UNAUTHORIZED_KEY()
    {
        using var response = await Toss.Http.PostAsync("/v1/payments/confirm", new StringContent("{}"));

        await TossTestClient.AssertErrorAsync(response, HttpStatusCode.Unauthorized, "UNAUTHORIZED_KEY");
    }

    [Test]
    public async Task A_key_encoded_without_the_trailing_colon_is_403_INCORRECT_BASIC_AUTH_FORMAT()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/payments/anything");
        request.Headers.Authorization = TossTestClient.Basic(SimulatorFactory.SecretKey);

        using var response = await Toss.Http.SendAsync(request);

        await TossTestClient.AssertErrorAsync(response, HttpStatusCode.Forbidden, "INCORRECT_BASIC_AUTH_FORMAT");
    }

    [Test]
    public async Task An_unknown_secret_key_is_401_UNAUTHORIZED_KEY()
    {
        using var response = await Toss.PostJsonAsync("/v1/payments/confirm", new { }, secretKey: "test_sk_someone_else");

        await TossTestClient.AssertErrorAsync(response, HttpStatusCode.Unauthorized, "UNAUTHORIZED_KEY");
    }

    [Test]
    public async Task A_client_key_is_not_a_secret_key()
    {
        using var response = await Toss.PostJsonAsync("/v1/payments/confirm", new { }, secretKey: SimulatorFactory.ClientKey);

        await TossTestClient.AssertErrorAsync(response, HttpStatusCode.Unauthorized, "UNAUTHORIZED_KEY");
    }

    [Test]
    public async Task Authentication_comes_before_the_body_is_looked_at()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/payments/confirm") { Content = new StringContent("not json") };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "x");

        using var response = await Toss.Http.SendAsync(request);

        await TossTestClient.AssertErrorAsync(response, HttpStatusCode.Unauthorized, "UNAUTHORIZED_KEY");
    }
}
