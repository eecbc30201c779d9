using System.Buffers.Binary;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ClosetConnect.IntegrationTests.EndToEnd;

namespace ClosetConnect.IntegrationTests.Security;

public sealed partial class AttackSuite
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    [Test]
    public async Task Mislabelled_and_non_image_uploads_are_refused_by_their_bytes(CancellationToken cancellationToken)
    {
        var app = await AppAsync(cancellationToken);
        var user = await GatewayClient.SignUpAsync(app, cancellationToken);
        var png = await File.ReadAllBytesAsync(RepositoryPaths.VisionFixture("images/photo-03.png"), cancellationToken);

        var cases = new (string Name, byte[] Bytes, string FileName, string ContentType, string Detail)[]
        {
            ("PNG named .jpg", png, "shirt.jpg", "image/jpeg", "does not match its content"),
            ("PNG declared as GIF", png, "shirt.png", "image/gif", "declared type"),
            ("PDF named .png", "%PDF-1.7\n%âãÏÓ\n1 0 obj"u8.ToArray(), "shirt.png", "image/png", "not a JPEG, PNG or GIF"),
            ("SVG with script", "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"u8.ToArray(), "shirt.png", "image/png", "not a JPEG, PNG or GIF"),
            ("PHP with an image extension", "<?php system($_GET['c']); ?>"u8.ToArray(), "shell.php.png", "image/png", "not a JPEG, PNG or GIF"),
            ("executable extension", png, "shirt.php", "image/png", "does not match its content"),
        };

        foreach (var (name, bytes, fileName, contentType, detail) in cases)
        {
            using var response = await user.Client.PostAsync("/api/v1/closet/items", Form(bytes, fileName, contentType), cancellationToken);
            var problem = await ProblemAsync(response, HttpStatusCode.UnsupportedMediaType, cancellationToken);
            Assert.That(problem.GetProperty("detail").GetString(), Does.Contain(detail), name);
        }

        var list = await user.Client.GetFromJsonAsync<JsonElement>("/api/v1/closet/items", cancellationToken);
        Assert.That(list.GetProperty("total").GetInt32(), Is.Zero, "nothing half-written");
    }

    [Test]
    public async Task A_polyglot_is_stored_as_pixels_only(CancellationToken cancellationToken)
    {
        var app = await AppAsync(cancellationToken);
        var user = await GatewayClient.SignUpAsync(app, cancellationToken);
        var png = await File.ReadAllBytesAsync(RepositoryPaths.VisionFixture("images/photo-03.png"), cancellationToken);
        var polyglot = png.Concat("<?php system($_GET['c']); ?>"u8.ToArray()).ToArray();

        using var upload = await user.Client.PostAsync("/api/v1/closet/items", Form(polyglot, "shirt.png", "image/png"), cancellationToken);
        await GatewayClient.EnsureAsync(upload, HttpStatusCode.Created, cancellationToken);
        var id = (await upload.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("id").GetGuid();

        var stored = await user.Client.GetByteArrayAsync($"/api/v1/closet/items/{id}/image", cancellationToken);
        Assert.That(stored.AsSpan(0, 8).ToArray(), Is.EqualTo(PngSignature));
        Assert.That(Encoding.ASCII.GetString(stored), Does.Not.Contain("<?php"));
    }

    [Test]
    public async Task An_oversized_upload_is_refused_with_413(CancellationToken cancellationToken)
    {
        var app = await AppAsync(cancellationToken);
        var user = await GatewayClient.SignUpAsync(app, cancellationToken);
        var huge = PngSignature.Concat(new byte[11 * 1024 * 1024]).ToArray();

        using var response = await user.Client.PostAsync("/api/v1/closet/items", Form(huge, "huge.png", "image/png"), cancellationToken);
        var problem = await ProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, cancellationToken);
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("10 MB"));
    }

    [Test]
    public async Task An_image_bomb_is_refused_from_its_header(CancellationToken cancellationToken)
    {
        var app = await AppAsync(cancellationToken);
        var user = await GatewayClient.SignUpAsync(app, cancellationToken);

        using var response = await user.Client.PostAsync("/api/v1/closet/items", Form(PngBomb(30_000, 30_000), "bomb.png", "image/png"), cancellationToken);
        var problem = await ProblemAsync(response, HttpStatusCode.UnprocessableEntity, cancellationToken);
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("30000×30000"));
    }

    private static MultipartFormDataContent Form(byte[] bytes, string fileName, string contentType)
    {
        var image = new ByteArrayContent(bytes);
        image.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return new MultipartFormDataContent { { image, "image", fileName }, { new StringContent("Attack"), "name" } };
    }

    /// <summary>A few hundred bytes whose PNG header promises 30000×30000 pixels (3.6 GB decoded).</summary>
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
