using System.Net;
using System.Net.Http.Json;
using ClosetConnect.IntegrationTests.InProcess;

namespace ClosetConnect.IntegrationTests.Closet.Api;

public sealed partial class ClosetEndpointRulesTests
{
    [Test]
    public async Task A_listing_with_every_field_wrong_names_each_field(CancellationToken cancellationToken)
    {
        using var response = await owner.PostAsJsonAsync($"{ownersItem}/listing",
            new { price = 1_500.5m, currency = "USD", description = new string('d', 1_001) }, cancellationToken);

        Assert.That(await Problem.FieldsAsync(response, cancellationToken), Is.EquivalentTo(new[] { "price", "currency", "description" }));
    }

    [TestCase(null)]
    [TestCase(999)]
    [TestCase(10_000_001)]
    public async Task A_listing_price_missing_or_out_of_range_is_refused_naming_price(int? price, CancellationToken cancellationToken)
    {
        using var response = await owner.PostAsJsonAsync($"{ownersItem}/listing", new { price }, cancellationToken);

        Assert.That(await Problem.FieldsAsync(response, cancellationToken), Is.EqualTo(new[] { "price" }));
    }

    [TestCase(1_000)]
    [TestCase(10_000_000)]
    public async Task The_price_bounds_themselves_pass_validation(long price, CancellationToken cancellationToken)
    {
        // An item that is not there: a price that passed the rules reaches the lookup, whose refusal is 404.
        using var response = await owner.PostAsJsonAsync($"{Items}/{Guid.NewGuid()}/listing", new { price, currency = "krw" }, cancellationToken);

        Assert.That(await Problem.DetailAsync(response, HttpStatusCode.NotFound, cancellationToken), Is.EqualTo("There is no such item in your closet."));
    }
}
