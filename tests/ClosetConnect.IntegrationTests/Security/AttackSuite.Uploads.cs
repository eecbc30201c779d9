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
    public async Task A_polyglot_is_stored_as_pixels_only(CancellationToken cancellationToken)
    {
        var app = await AppAsync(cancellationToken);
        var user = await GatewayClient.SignUpAsync(app, cancellationToken);
        var png = await File.ReadAllBytesAsync(RepositoryPaths.VisionFixture("images/photo-03.png"), cancellationToken);
        var polyglot = png.Concat("<?php system($_GET['c']); ?>"u8.ToArray()).ToArray();

        using var upload = await user.Client.PostAsync("/api/v1/closet/items", GatewayClient.ItemForm(polyglot, "shirt.png", "image/png", "Attack"), cancellationToken);
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

        using var response = await user.Client.PostAsync("/api/v1/closet/items", GatewayClient.ItemForm(huge, "huge.png", "image/png", "Attack"), cancellationToken);
        var problem = await ProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, cancellationToken);
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("10 MB"));
    }
}
