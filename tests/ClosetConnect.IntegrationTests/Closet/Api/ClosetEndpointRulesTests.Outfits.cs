using System.Net;
using System.Net.Http.Json;
using ClosetConnect.IntegrationTests.InProcess;

namespace ClosetConnect.IntegrationTests.Closet.Api;

public sealed partial class ClosetEndpointRulesTests
{
    private const string Outfits = "/api/v1/closet/outfits";

    [Test]
    public async Task An_outfit_with_every_field_wrong_names_each_field(CancellationToken cancellationToken)
    {
        using var response = await owner.PostAsJsonAsync(Outfits,
            new { name = "", itemIds = Array.Empty<Guid>(), occasion = new string('o', 51), season = "monsoon" }, cancellationToken);

        Assert.That(await Problem.FieldsAsync(response, cancellationToken), Is.EquivalentTo(new[] { "name", "itemIds", "occasion", "season" }));
    }

    [Test]
    public async Task An_outfit_of_more_than_20_items_is_refused_naming_itemIds(CancellationToken cancellationToken)
    {
        using var response = await owner.PostAsJsonAsync(Outfits,
            new { name = "Too many", itemIds = Enumerable.Range(0, 21).Select(_ => Guid.NewGuid()) }, cancellationToken);

        var problem = await Problem.ReadAsync(response, HttpStatusCode.BadRequest, cancellationToken);
        Assert.That(problem.GetProperty("errors").GetProperty("itemIds")[0].GetString(), Is.EqualTo("An outfit holds 1 to 20 items."));
    }

    [Test]
    public async Task An_outfit_naming_one_item_twice_is_refused_naming_the_item(CancellationToken cancellationToken)
    {
        var itemId = Guid.NewGuid();

        using var response = await owner.PostAsJsonAsync(Outfits, new { name = "Twice", itemIds = new[] { itemId, itemId } }, cancellationToken);

        var problem = await Problem.ReadAsync(response, HttpStatusCode.BadRequest, cancellationToken);
        Assert.That(problem.GetProperty("errors").GetProperty("itemIds")[0].GetString(), Is.EqualTo($"Item {itemId} is listed more than once."));
    }

    [Test]
    public async Task An_outfit_of_another_users_item_says_it_is_not_in_your_closet(CancellationToken cancellationToken)
    {
        var itemId = Guid.Parse(ownersItem[(Items.Length + 1)..]);

        using var response = await stranger.PostAsJsonAsync(Outfits, new { name = "Borrowed", itemIds = new[] { itemId } }, cancellationToken);

        var problem = await Problem.ReadAsync(response, HttpStatusCode.BadRequest, cancellationToken);
        Assert.That(problem.GetProperty("errors").GetProperty("itemIds")[0].GetString(), Is.EqualTo($"Item {itemId} was not found in your closet."));
    }

    [Test]
    public async Task An_unknown_outfit_is_a_404_problem_saying_so(CancellationToken cancellationToken)
    {
        using var response = await owner.GetAsync(new Uri($"{Outfits}/{Guid.NewGuid()}", UriKind.Relative), cancellationToken);

        Assert.That(await Problem.DetailAsync(response, HttpStatusCode.NotFound, cancellationToken), Is.EqualTo("There is no such outfit in your closet."));
    }
}
