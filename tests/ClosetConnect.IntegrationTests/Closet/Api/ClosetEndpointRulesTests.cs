using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ClosetConnect.Closet.Data;
using ClosetConnect.IntegrationTests.EndToEnd;
using ClosetConnect.IntegrationTests.InProcess;

namespace ClosetConnect.IntegrationTests.Closet.Api;

/// <summary>
/// Closet's endpoint rules asked of the service in process: the status, and the problem details that name what is
/// wrong. The callers are real accounts signed up through the gateway; the in-process Closet checks their tokens
/// against Identity's JWKS, found by service discovery as the AppHost's Closet finds it. One fixture, split by topic
/// across files (ClosetEndpointRulesTests.*.cs).
/// </summary>
[CancelAfter(120_000)]
public sealed partial class ClosetEndpointRulesTests
{
    private const string Items = "/api/v1/closet/items";

    private DistributedApplication app = null!;
    private InProcessService<ClosetDbContext> closet = null!;
    private HttpClient anonymous = null!;
    private HttpClient owner = null!;
    private HttpClient stranger = null!;

    /// <summary>One of the owner's items, uploaded in process; no test changes it.</summary>
    private string ownersItem = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        app = await SharedAppHost.GetAsync(CancellationToken.None);
        closet = await InProcessService<ClosetDbContext>.StartAsync("closet-api", CancellationToken.None);
        anonymous = closet.CreateClient();
        owner = closet.CreateClient(await GatewayClient.SignUpAsync(app, CancellationToken.None));
        stranger = closet.CreateClient(await GatewayClient.SignUpAsync(app, CancellationToken.None));
        using var upload = await owner.PostAsync(new Uri(Items, UriKind.Relative),
            GatewayClient.ItemForm(RepositoryPaths.VisionFixture("images/photo-06.png"), "Hat"), CancellationToken.None);
        await GatewayClient.EnsureAsync(upload, HttpStatusCode.Created, CancellationToken.None);
        ownersItem = $"{Items}/{(await upload.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid()}";
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        anonymous.Dispose();
        owner.Dispose();
        stranger.Dispose();
        await closet.DisposeAsync();
    }

    [Test]
    public async Task The_item_list_without_a_token_is_a_401_problem_asking_for_one(CancellationToken cancellationToken)
    {
        using var response = await anonymous.GetAsync(new Uri(Items, UriKind.Relative), cancellationToken);

        await Problem.AssertBearerChallengeAsync(response, cancellationToken);
    }

    [TestCase("page=0", "page")]
    [TestCase("pageSize=0", "pageSize")]
    [TestCase("pageSize=101", "pageSize")]
    public async Task A_page_out_of_bounds_is_refused_naming_its_parameter(string query, string field, CancellationToken cancellationToken)
    {
        using var response = await owner.GetAsync(new Uri($"{Items}?{query}", UriKind.Relative), cancellationToken);

        Assert.That(await Problem.FieldsAsync(response, cancellationToken), Is.EqualTo(new[] { field }));
    }

    [Test]
    public async Task Search_text_over_100_characters_is_refused_naming_q(CancellationToken cancellationToken)
    {
        using var response = await owner.GetAsync(new Uri($"{Items}?q={new string('x', 101)}", UriKind.Relative), cancellationToken);

        Assert.That(await Problem.FieldsAsync(response, cancellationToken), Is.EqualTo(new[] { "q" }));
    }

    [TestCase(1, 1)]
    [TestCase(1, 100)]
    public async Task The_page_bounds_themselves_are_served(int page, int pageSize, CancellationToken cancellationToken)
    {
        using var response = await owner.GetAsync(new Uri($"{Items}?page={page}&pageSize={pageSize}", UriKind.Relative), cancellationToken);

        await GatewayClient.EnsureAsync(response, HttpStatusCode.OK, cancellationToken);
        var list = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        Assert.That(list.GetProperty("items").GetArrayLength(), Is.EqualTo(1), "the owner's one item");
    }

    [Test]
    public async Task Another_users_item_is_404_for_every_verb_and_stays_untouched(CancellationToken cancellationToken)
    {
        var attempts = new Func<Task<HttpResponseMessage>>[]
        {
            () => stranger.GetAsync(new Uri(ownersItem, UriKind.Relative), cancellationToken),
            () => stranger.GetAsync(new Uri($"{ownersItem}/image", UriKind.Relative), cancellationToken),
            () => stranger.GetAsync(new Uri($"{ownersItem}/cutout", UriKind.Relative), cancellationToken),
            () => stranger.PatchAsync(new Uri(ownersItem, UriKind.Relative), Json(new { name = "mine now" }), cancellationToken),
            () => stranger.DeleteAsync(new Uri(ownersItem, UriKind.Relative), cancellationToken),
            () => stranger.PostAsync(new Uri($"{ownersItem}/listing", UriKind.Relative), Json(new { price = 5_000 }), cancellationToken),
            () => stranger.DeleteAsync(new Uri($"{ownersItem}/listing", UriKind.Relative), cancellationToken),
        };
        foreach (var attempt in attempts)
        {
            using var response = await attempt();
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), $"{response.RequestMessage!.Method} {response.RequestMessage.RequestUri}");
        }

        var item = await owner.GetFromJsonAsync<JsonElement>(new Uri(ownersItem, UriKind.Relative), cancellationToken);
        Assert.That(item.GetProperty("name").GetString(), Is.EqualTo("Hat"), "untouched");
    }

    [Test]
    public async Task A_patch_checks_only_the_fields_it_sends(CancellationToken cancellationToken)
    {
        using var response = await owner.PatchAsync(new Uri(ownersItem, UriKind.Relative), Json(new { brand = new string('b', 101) }), cancellationToken);

        Assert.That(await Problem.FieldsAsync(response, cancellationToken), Is.EqualTo(new[] { "brand" }));
    }

    [Test]
    public async Task A_market_price_range_upside_down_is_refused_naming_minPrice(CancellationToken cancellationToken)
    {
        using var response = await anonymous.GetAsync(new Uri("/api/v1/market/listings?minPrice=5000&maxPrice=1000", UriKind.Relative), cancellationToken);

        var problem = await Problem.ReadAsync(response, HttpStatusCode.BadRequest, cancellationToken);
        Assert.That(problem.GetProperty("errors").GetProperty("minPrice")[0].GetString(), Does.Contain("(5000) is above the highest (1000)"));
    }

    private static StringContent Json(object value) => new(JsonSerializer.Serialize(value), Encoding.UTF8, "application/json");
}
