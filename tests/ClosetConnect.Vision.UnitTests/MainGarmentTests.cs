using ClosetConnect.Vision.Analysis;
using ClosetConnect.Vision.Inference;

namespace ClosetConnect.Vision.UnitTests;

public class MainGarmentTests
{
    private const int PhotoPixels = 100_000;

    private static MainGarment? Select(params (SegmentationLabel Label, int Pixels)[] counts)
    {
        var perClass = new int[SegmentationLabels.All.Count];
        foreach (var (label, pixels) in counts)
        {
            perClass[(int)label] = pixels;
        }

        return MainGarment.Select(perClass, PhotoPixels);
    }

    [Test]
    public void The_largest_garment_wins_and_body_parts_never_count() =>
        Assert.That(Select((SegmentationLabel.Face, 50_000), (SegmentationLabel.UpperClothes, 9_000), (SegmentationLabel.Pants, 8_000))!.Kind.Label,
            Is.EqualTo("Upper-clothes"));

    [Test]
    public void Two_shoes_are_one_pair() =>
        Assert.That(Select((SegmentationLabel.LeftShoe, 3_000), (SegmentationLabel.RightShoe, 3_000), (SegmentationLabel.Bag, 5_000))!.Kind.Label,
            Is.EqualTo("Shoes"));

    [Test]
    public void A_dress_partly_read_as_pants_is_still_the_dress() =>
        Assert.That(Select((SegmentationLabel.Pants, 8_000), (SegmentationLabel.Dress, 6_000))!.Kind.Label, Is.EqualTo("Dress"));

    [Test]
    public void A_sliver_of_dress_does_not_beat_real_pants() =>
        Assert.That(Select((SegmentationLabel.Pants, 8_000), (SegmentationLabel.Dress, 1_000))!.Kind.Label, Is.EqualTo("Pants"));

    [Test]
    public void A_dress_does_not_take_over_from_unrelated_garments() =>
        Assert.That(Select((SegmentationLabel.Bag, 8_000), (SegmentationLabel.Dress, 6_000))!.Kind.Label, Is.EqualTo("Bag"));

    [Test]
    public void Noise_below_the_minimum_share_is_no_garment() =>
        Assert.That(Select((SegmentationLabel.Hat, (int)(MainGarment.MinimumShare * PhotoPixels) - 1)), Is.Null);
}
