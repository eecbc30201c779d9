using System.Buffers.Binary;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ClosetConnect.Contracts;
using ClosetConnect.IntegrationTests.EndToEnd;
using ClosetConnect.IntegrationTests.InProcess;

namespace ClosetConnect.IntegrationTests.Closet.Api;

public sealed partial class ClosetEndpointRulesTests
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private static byte[] Png => File.ReadAllBytes(RepositoryPaths.VisionFixture("images/photo-03.png"));

    [Test]
    public async Task An_upload_without_a_photo_names_image(CancellationToken cancellationToken)
    {
        using var form = new MultipartFormDataContent { { new StringContent("No photo"), "name" } };

        using var response = await owner.PostAsync(new Uri(Items, UriKind.Relative), form, cancellationToken);

        Assert.That(await Problem.FieldsAsync(response, cancellationToken), Is.EqualTo(new[] { "image" }));
    }

    [Test]
    public async Task An_upload_with_every_detail_wrong_names_each_field(CancellationToken cancellationToken)
    {
        using var form = GatewayClient.ItemForm(Png, "shirt.png", "image/png", name: " ");
        form.Add(new StringContent("cape"), "category");
        form.Add(new StringContent("monsoon"), "season");
        form.Add(new StringContent(new string('b', 101)), "brand");
        form.Add(new StringContent(new string('s', 21)), "size");
        form.Add(new StringContent(string.Join(',', Enumerable.Range(0, 21).Select(i => $"tag{i}"))), "tags");

        using var response = await owner.PostAsync(new Uri(Items, UriKind.Relative), form, cancellationToken);

        Assert.That(await Problem.FieldsAsync(response, cancellationToken), Is.EquivalentTo(new[] { "name", "category", "season", "brand", "size", "tags" }));
    }

    [TestCase("PDF", "%PDF-1.7\n1 0 obj", "shirt.png")]
    [TestCase("SVG with script", "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>", "shirt.png")]
    [TestCase("PHP with an image extension", "<?php system($_GET['c']); ?>", "shell.php.png")]
    public async Task A_file_that_is_not_an_image_is_415_naming_the_formats_taken(string what, string content, string fileName, CancellationToken cancellationToken)
    {
        using var response = await owner.PostAsync(new Uri(Items, UriKind.Relative),
            GatewayClient.ItemForm(Encoding.UTF8.GetBytes(content), fileName, "image/png", what), cancellationToken);

        Assert.That(await Problem.DetailAsync(response, HttpStatusCode.UnsupportedMediaType, cancellationToken), Is.EqualTo("The file is not a JPEG, PNG or GIF image."));
    }

    [TestCase("shirt.jpg", "image/jpeg")]
    [TestCase("shirt.php", "image/png")]
    public async Task A_file_name_that_disagrees_with_the_bytes_is_415_naming_the_file(string fileName, string contentType, CancellationToken cancellationToken)
    {
        using var response = await owner.PostAsync(new Uri(Items, UriKind.Relative), GatewayClient.ItemForm(Png, fileName, contentType, "Mislabelled"), cancellationToken);

        Assert.That(await Problem.DetailAsync(response, HttpStatusCode.UnsupportedMediaType, cancellationToken),
            Does.StartWith($"The file name '{fileName}' does not match its content (image/png)"));
    }

    [Test]
    public async Task A_declared_type_that_disagrees_with_the_bytes_is_415_naming_both(CancellationToken cancellationToken)
    {
        using var response = await owner.PostAsync(new Uri(Items, UriKind.Relative), GatewayClient.ItemForm(Png, "shirt.png", "image/gif", "Mislabelled"), cancellationToken);

        Assert.That(await Problem.DetailAsync(response, HttpStatusCode.UnsupportedMediaType, cancellationToken),
            Is.EqualTo("The declared type 'image/gif' does not match the content (image/png)."));
    }

    [Test]
    public async Task An_empty_file_is_415_saying_it_is_empty(CancellationToken cancellationToken)
    {
        using var response = await owner.PostAsync(new Uri(Items, UriKind.Relative), GatewayClient.ItemForm([], "shirt.png", "image/png", "Empty"), cancellationToken);

        Assert.That(await Problem.DetailAsync(response, HttpStatusCode.UnsupportedMediaType, cancellationToken), Is.EqualTo("The image is empty."));
    }

    [Test]
    public async Task An_image_one_byte_over_the_limit_is_413_stating_the_limit(CancellationToken cancellationToken)
    {
        var image = new byte[PhotoUploadLimits.MaxImageBytes + 1];
        PngSignature.CopyTo(image, 0);

        using var response = await owner.PostAsync(new Uri(Items, UriKind.Relative), GatewayClient.ItemForm(image, "huge.png", "image/png", "Huge"), cancellationToken);

        Assert.That(await Problem.DetailAsync(response, HttpStatusCode.RequestEntityTooLarge, cancellationToken),
            Is.EqualTo($"The image is {image.Length} bytes; the limit is {PhotoUploadLimits.MaxImageBytes} bytes (10 MB)."));
    }

    [Test]
    public async Task An_image_bomb_is_422_from_its_header(CancellationToken cancellationToken)
    {
        using var response = await owner.PostAsync(new Uri(Items, UriKind.Relative), GatewayClient.ItemForm(PngBomb(30_000, 30_000), "bomb.png", "image/png", "Bomb"), cancellationToken);

        Assert.That(await Problem.DetailAsync(response, HttpStatusCode.UnprocessableEntity, cancellationToken), Does.Contain("30000×30000"));
    }

    [Test]
    public async Task A_corrupt_image_is_422_with_the_reason_and_nothing_is_stored(CancellationToken cancellationToken)
    {
        var account = await GatewayClient.SignUpAsync(app, cancellationToken);
        using var client = closet.CreateClient(account);
        byte[] corrupt = [.. PngSignature, .. new byte[512]];

        using var response = await client.PostAsync(new Uri(Items, UriKind.Relative), GatewayClient.ItemForm(corrupt, "broken.png", "image/png", "Broken"), cancellationToken);

        Assert.That(await Problem.DetailAsync(response, HttpStatusCode.UnprocessableEntity, cancellationToken), Is.EqualTo("The file looks like image/png but cannot be decoded."));
        var list = await client.GetFromJsonAsync<JsonElement>(new Uri(Items, UriKind.Relative), cancellationToken);
        Assert.That(list.GetProperty("total").GetInt32(), Is.Zero);
        Assert.That(Directory.Exists(Path.Combine(app.StatePath("blobs"), "items", account.UserId.ToString("N"))), Is.False, "no orphan file");
    }

    /// <summary>A few hundred bytes whose PNG header promises <paramref name="width"/>×<paramref name="height"/> pixels.</summary>
    private static byte[] PngBomb(int width, int height)
    {
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8;
        header[9] = 2;
        using var png = new MemoryStream();
        png.Write(PngSignature);
        foreach (var (type, data) in new[] { ("IHDR", header), ("IDAT", new byte[256]), ("IEND", Array.Empty<byte>()) })
        {
            var typeAndData = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
            png.Write(BigEndian(data.Length));
            png.Write(typeAndData);
            png.Write(BigEndian((int)System.IO.Hashing.Crc32.HashToUInt32(typeAndData)));
        }

        return png.ToArray();

        static byte[] BigEndian(int value)
        {
            var bytes = new byte[4];
            BinaryPrimitives.WriteInt32BigEndian(bytes, value);
            return bytes;
        }
    }
}
