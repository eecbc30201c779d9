using ClosetConnect.Closet.Domain;
using ClosetConnect.Closet.Items;

namespace ClosetConnect.Closet.UnitTests;

public class ItemDetailsValidatorTests
{
    [Test]
    public void A_new_item_needs_a_name() =>
        Assert.That(ItemDetailsValidator.Validate(new ItemDetails(null, null, null, null, null, null), isCreate: true).Keys, Is.EquivalentTo(new[] { "name" }));

    [Test]
    public void An_edit_may_leave_the_name_out() =>
        Assert.That(ItemDetailsValidator.Validate(new ItemDetails(null, "top", null, null, null, null), isCreate: false), Is.Empty);

    [Test]
    public void Unknown_category_and_season_are_refused_by_name() =>
        Assert.That(ItemDetailsValidator.Validate(new ItemDetails("x", "jumpsuit", null, null, "monsoon", null), isCreate: true).Keys,
            Is.EquivalentTo(new[] { "category", "season" }));

    [Test]
    public void An_empty_category_clears_it() =>
        Assert.That(ItemDetailsValidator.Validate(new ItemDetails(null, "", null, null, "", null), isCreate: false), Is.Empty);

    [Test]
    public void Tags_are_trimmed_lower_cased_and_de_duplicated() =>
        Assert.That(ItemDetailsValidator.ParseTags(" Work, cotton ,work,, "), Is.EqualTo(new[] { "work", "cotton" }));

    [Test]
    public void Too_many_tags_are_refused()
    {
        var tags = Enumerable.Range(0, ItemDetailsValidator.MaxTags + 1).Select(i => $"t{i}").ToList();
        Assert.That(ItemDetailsValidator.Validate(new ItemDetails("x", null, null, null, null, tags), isCreate: true).Keys, Is.EquivalentTo(new[] { "tags" }));
    }

    [Test]
    public void Vision_suggests_a_category_only_when_the_owner_chose_none()
    {
        var now = DateTimeOffset.UnixEpoch;
        var chosen = ClosetItem.Upload(Guid.NewGuid(), Guid.NewGuid(), new ItemDetails("a", "skirt", null, null, null, null), "k", "image/png", now);
        var open = ClosetItem.Upload(Guid.NewGuid(), Guid.NewGuid(), new ItemDetails("b", null, null, null, null, null), "k", "image/png", now);
        chosen.CompleteAnalysis("dress", [], null, null, "m", now);
        open.CompleteAnalysis("dress", [], null, null, "m", now);
        Assert.Multiple(() =>
        {
            Assert.That(chosen.Category, Is.EqualTo("skirt"));
            Assert.That(open.Category, Is.EqualTo("dress"));
            Assert.That(open.Status, Is.EqualTo(ItemStatus.Ready));
        });
    }

    [Test]
    public void Paging_limits_are_checked()
    {
        Assert.That(new ItemListQuery(null, null, null, 0, 101).Validate().Keys, Is.EquivalentTo(new[] { "page", "pageSize" }));
        Assert.That(new ItemListQuery(null, null, null, null, null).Validate(), Is.Empty);
    }

    [Test]
    public void Requests_for_the_same_page_share_one_cached_view_and_different_pages_do_not()
    {
        var navy = new ItemListQuery(" top", " Navy ", " linen ", null, null).View;
        Assert.Multiple(() =>
        {
            Assert.That(new ItemListQuery(" top", "NAVY", "linen", 1, ItemListQuery.DefaultPageSize).View, Is.EqualTo(navy), "colour and text as applied");
            Assert.That(new ItemListQuery(" top", "navy", "linen", 2, 20).View, Is.Not.EqualTo(navy));
            Assert.That(new ItemListQuery(" top", "navy", "linen", 1, 21).View, Is.Not.EqualTo(navy));
            Assert.That(new ItemListQuery(" top", "navy", "wool", 1, 20).View, Is.Not.EqualTo(navy));
            Assert.That(new ItemListQuery(null, null, "top navy linen", 1, 20).View, Is.Not.EqualTo(new ItemListQuery("top", "navy", "linen", 1, 20).View));
            Assert.That(new ItemListQuery("  ", " ", "", null, null).View, Is.EqualTo(new ItemListQuery(null, null, null, 1, 20).View), "blank filters are none");
        });
    }
}
