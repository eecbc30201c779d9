using ClosetConnect.Closet.Uploads;

namespace ClosetConnect.Closet.UnitTests;

public class UploadValidatorTests
{
    private static readonly byte[] PngHeader = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13];
    private static readonly byte[] JpegHeader = [0xFF, 0xD8, 0xFF, 0xE0, 0, 16, (byte)'J', (byte)'F', (byte)'I', (byte)'F'];
    private static readonly byte[] GifHeader = "GIF89a\x01\x00\x01\x00"u8.ToArray();

    [Test]
    public void Magic_bytes_name_the_format()
    {
        Assert.Multiple(() =>
        {
            Assert.That(UploadValidator.Sniff(PngHeader), Is.EqualTo(UploadValidator.Png));
            Assert.That(UploadValidator.Sniff(JpegHeader), Is.EqualTo(UploadValidator.Jpeg));
            Assert.That(UploadValidator.Sniff(GifHeader), Is.EqualTo(UploadValidator.Gif));
            Assert.That(UploadValidator.Sniff("%PDF-1.7"u8), Is.Null);
            Assert.That(UploadValidator.Sniff("<svg xmlns"u8), Is.Null);
            Assert.That(UploadValidator.Sniff([]), Is.Null);
        });
    }

    [TestCase("shirt.png", "image/png")]
    [TestCase("SHIRT.PNG", "image/png")]
    [TestCase("shirt.png", null)]
    public void A_png_labelled_as_png_is_accepted(string name, string? contentType) =>
        Assert.That(UploadValidator.Check(name, contentType, 100, UploadValidator.Png), Is.Null);

    [Test]
    public void Jpeg_accepts_both_extensions()
    {
        Assert.That(UploadValidator.Check("a.jpg", "image/jpeg", 100, UploadValidator.Jpeg), Is.Null);
        Assert.That(UploadValidator.Check("a.jpeg", "image/jpeg", 100, UploadValidator.Jpeg), Is.Null);
    }

    [Test]
    public void A_png_named_jpg_is_refused() =>
        Assert.That(UploadValidator.Check("shirt.jpg", "image/png", 100, UploadValidator.Png), Does.Contain("does not match"));

    [Test]
    public void A_png_declared_as_gif_is_refused() =>
        Assert.That(UploadValidator.Check("shirt.png", "image/gif", 100, UploadValidator.Png), Does.Contain("declared type"));

    [Test]
    public void A_non_image_is_refused_whatever_its_name() =>
        Assert.That(UploadValidator.Check("shirt.png", "image/png", 100, sniffed: null), Does.Contain("not a JPEG, PNG or GIF"));

    [Test]
    public void An_executable_extension_is_refused_even_with_image_bytes() =>
        Assert.That(UploadValidator.Check("shirt.php", "image/png", 100, UploadValidator.Png), Is.Not.Null);
}
