using ClosetConnect.Closet.Domain;
using ClosetConnect.Closet.Outfits;

namespace ClosetConnect.Closet.UnitTests;

public class OutfitTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    [Test]
    public void A_new_outfit_needs_a_name_and_one_to_twenty_items()
    {
        Assert.Multiple(() =>
        {
            Assert.That(OutfitValidator.Validate(new OutfitDetails(null, null, null, null), isCreate: true).Keys, Is.EquivalentTo(new[] { "name", "itemIds" }));
            Assert.That(OutfitValidator.Validate(new OutfitDetails("  ", [Guid.NewGuid()], null, null), isCreate: true).Keys, Is.EquivalentTo(new[] { "name" }));
            Assert.That(OutfitValidator.Validate(new OutfitDetails(new string('x', 101), [Guid.NewGuid()], null, null), isCreate: true).Keys, Is.EquivalentTo(new[] { "name" }));
            Assert.That(OutfitValidator.Validate(new OutfitDetails("Fit", Ids(21), null, null), isCreate: true).Keys, Is.EquivalentTo(new[] { "itemIds" }));
            Assert.That(OutfitValidator.Validate(new OutfitDetails("Fit", Ids(20), null, null), isCreate: true), Is.Empty);
        });
    }

    [Test]
    public void An_item_listed_twice_is_refused_by_id()
    {
        var id = Guid.NewGuid();
        var errors = OutfitValidator.Validate(new OutfitDetails("Fit", [id, Guid.NewGuid(), id], null, null), isCreate: true);
        Assert.That(errors["itemIds"].Single(), Does.Contain(id.ToString()).And.Contain("more than once"));
    }

    [Test]
    public void An_edit_may_leave_everything_out_but_may_not_empty_the_items()
    {
        Assert.Multiple(() =>
        {
            Assert.That(OutfitValidator.Validate(new OutfitDetails(null, null, null, null), isCreate: false), Is.Empty);
            Assert.That(OutfitValidator.Validate(new OutfitDetails(null, [], null, null), isCreate: false).Keys, Is.EquivalentTo(new[] { "itemIds" }));
        });
    }

    [Test]
    public void Occasion_is_at_most_fifty_characters_and_season_one_of_the_item_seasons()
    {
        var errors = OutfitValidator.Validate(new OutfitDetails("Fit", [Guid.NewGuid()], new string('o', 51), "monsoon"), isCreate: true);
        Assert.Multiple(() =>
        {
            Assert.That(errors.Keys, Is.EquivalentTo(new[] { "occasion", "season" }));
            Assert.That(OutfitValidator.Validate(new OutfitDetails("Fit", [Guid.NewGuid()], "work", "winter"), isCreate: true), Is.Empty);
        });
    }

    [Test]
    public void Items_that_are_not_the_callers_or_not_ready_are_named()
    {
        var userId = Guid.NewGuid();
        var ready = Item(userId, ready: true);
        var processing = Item(userId, ready: false);
        var stranger = Guid.NewGuid();

        var errors = OutfitValidator.CheckItems([ready.Id, processing.Id, stranger], [ready, processing]);

        Assert.That(errors["itemIds"], Has.Length.EqualTo(2));
        Assert.Multiple(() =>
        {
            Assert.That(errors["itemIds"][0], Does.Contain(stranger.ToString()).And.Contain("not found in your closet"));
            Assert.That(errors["itemIds"][1], Does.Contain(processing.Id.ToString()).And.Contain("not ready"));
            Assert.That(errors["itemIds"][1], Does.Not.Contain(ready.Id.ToString()));
            Assert.That(OutfitValidator.CheckItems([ready.Id], [ready]), Is.Empty);
        });
    }

    [Test]
    public void An_outfit_keeps_its_items_in_the_given_order_and_trims_its_name()
    {
        var ids = Ids(3);
        var outfit = Outfit.Create(Guid.NewGuid(), Guid.NewGuid(), new OutfitDetails("  Office  ", ids, " work ", "winter"), Now);
        Assert.Multiple(() =>
        {
            Assert.That(outfit.ItemIds, Is.EqualTo(ids));
            Assert.That(outfit.Name, Is.EqualTo("Office"));
            Assert.That(outfit.Occasion, Is.EqualTo("work"));
        });
    }

    [Test]
    public void An_edit_changes_only_what_it_names_and_an_empty_occasion_clears_it()
    {
        var ids = Ids(2);
        var outfit = Outfit.Create(Guid.NewGuid(), Guid.NewGuid(), new OutfitDetails("Office", ids, "work", "winter"), Now);

        outfit.Apply(new OutfitDetails(null, null, "", null), Now.AddMinutes(1));

        Assert.Multiple(() =>
        {
            Assert.That(outfit.Name, Is.EqualTo("Office"));
            Assert.That(outfit.ItemIds, Is.EqualTo(ids));
            Assert.That(outfit.Occasion, Is.Null);
            Assert.That(outfit.Season, Is.EqualTo("winter"));
            Assert.That(outfit.UpdatedAt, Is.EqualTo(Now.AddMinutes(1)));
        });
    }

    [Test]
    public void An_item_that_leaves_the_closet_leaves_the_outfit_with_a_record_of_why()
    {
        var ids = Ids(2);
        var outfit = Outfit.Create(Guid.NewGuid(), Guid.NewGuid(), new OutfitDetails("Office", ids, null, null), Now);

        Assert.That(outfit.RemoveItem(ids[0], "Blue shirt", OutfitRemovalReason.Sold, Now.AddHours(1)), Is.True);

        Assert.Multiple(() =>
        {
            Assert.That(outfit.ItemIds, Is.EqualTo(new[] { ids[1] }));
            Assert.That(outfit.RemovedItems, Is.EqualTo(new[] { new RemovedOutfitItem(ids[0], "Blue shirt", OutfitRemovalReason.Sold, Now.AddHours(1)) }));
            Assert.That(outfit.RemoveItem(Guid.NewGuid(), "Other", OutfitRemovalReason.Deleted, Now), Is.False, "an item not in the outfit");
            Assert.That(outfit.RemovedItems, Has.Count.EqualTo(1));
        });
    }

    [Test]
    public void An_item_put_back_into_the_outfit_is_no_longer_listed_as_removed()
    {
        var ids = Ids(2);
        var outfit = Outfit.Create(Guid.NewGuid(), Guid.NewGuid(), new OutfitDetails("Office", ids, null, null), Now);
        outfit.RemoveItem(ids[0], "Blue shirt", OutfitRemovalReason.Sold, Now);

        outfit.Apply(new OutfitDetails(null, [ids[1], ids[0]], null, null), Now.AddDays(1));

        Assert.Multiple(() =>
        {
            Assert.That(outfit.ItemIds, Is.EqualTo(new[] { ids[1], ids[0] }));
            Assert.That(outfit.RemovedItems, Is.Empty);
        });
    }

    [Test]
    public void A_second_removal_of_the_same_item_replaces_the_first_record()
    {
        var id = Guid.NewGuid();
        var outfit = Outfit.Create(Guid.NewGuid(), Guid.NewGuid(), new OutfitDetails("Office", [id, Guid.NewGuid()], null, null), Now);
        outfit.RemoveItem(id, "Shirt", OutfitRemovalReason.Sold, Now);
        outfit.Apply(new OutfitDetails(null, [id], null, null), Now.AddDays(1));
        outfit.RemoveItem(id, "Shirt", OutfitRemovalReason.Refunded, Now.AddDays(2));

        Assert.That(outfit.RemovedItems.Single().Reason, Is.EqualTo(OutfitRemovalReason.Refunded));
    }

    [Test]
    public void The_outfit_json_shows_items_in_order_and_removals_with_a_lower_case_reason()
    {
        var userId = Guid.NewGuid();
        var first = Item(userId, ready: true);
        var second = Item(userId, ready: true);
        var outfit = Outfit.Create(Guid.NewGuid(), userId, new OutfitDetails("Office", [second.Id, first.Id], null, null), Now);
        outfit.RemoveItem(first.Id, first.Name, OutfitRemovalReason.Deleted, Now);

        var json = OutfitResponse.From(outfit, new Dictionary<Guid, ClosetItem> { [first.Id] = first, [second.Id] = second });

        Assert.Multiple(() =>
        {
            Assert.That(json.Items.Select(i => i.Id), Is.EqualTo(new[] { second.Id }));
            Assert.That(json.Items[0].CutoutUrl, Is.EqualTo($"/api/v1/closet/items/{second.Id}/cutout"));
            Assert.That(json.RemovedItems.Single(), Is.EqualTo(new RemovedOutfitItemResponse(first.Id, first.Name, "deleted", Now)));
        });
    }

    private static List<Guid> Ids(int count) => Enumerable.Range(0, count).Select(_ => Guid.NewGuid()).ToList();

    internal static ClosetItem Item(Guid userId, bool ready, string name = "Shirt")
    {
        var id = Guid.NewGuid();
        var item = ClosetItem.Upload(id, userId, new ItemDetails(name, null, null, null, null, null), ClosetItem.KeyFor(userId, id, "original.png"), "image/png", Now);
        if (ready)
        {
            item.CompleteAnalysis("top", [], ClosetItem.KeyFor(userId, id, "cutout.png"), ClosetItem.KeyFor(userId, id, "mask.png"), "test", Now);
        }

        return item;
    }
}
