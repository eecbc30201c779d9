using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ClosetConnect.AppHost.Hosting;
using ClosetConnect.AppHost.Hosting.Commands;
using ClosetConnect.AppHost.Hosting.Testing;
using ClosetConnect.IntegrationTests.EndToEnd;

namespace ClosetConnect.IntegrationTests.Backup;

/// <summary>
/// Disaster recovery as an operator would do it: data written through the API, <c>backup</c>, the data directory lost,
/// <c>restore</c> on the empty system, and the same data read back through the API. Its own AppHost and state
/// directory, since it wipes them.
/// </summary>
[NonParallelizable]
[CancelAfter(600_000)]
public sealed class BackupRestoreTests
{
    private string stateDirectory = null!;

    [SetUp]
    public void CreateStateDirectory() => stateDirectory = Directory.CreateTempSubdirectory("closetconnect-restore-test-").FullName;

    [TearDown]
    public void DeleteStateDirectory() => Directory.Delete(stateDirectory, recursive: true);

    [Test]
    public async Task A_restored_backup_brings_back_accounts_items_and_photos_after_the_data_is_lost(CancellationToken cancellationToken)
    {
        string archive;
        GatewayClient.Account account;
        string itemPath;
        JsonElement itemBefore;
        byte[] photoBefore;
        await using (var original = await StartAsync(cancellationToken))
        {
            account = await GatewayClient.SignUpAsync(original, cancellationToken);
            using var upload = await account.Client.PostAsync("/api/v1/closet/items",
                GatewayClient.ItemForm(RepositoryPaths.VisionFixture("images/photo-01.png"), "Linen shirt"), cancellationToken);
            await GatewayClient.EnsureAsync(upload, HttpStatusCode.Created, cancellationToken);
            itemPath = $"/api/v1/closet/items/{(await upload.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("id").GetGuid()}";
            itemBefore = await WaitUntilAnalyzedAsync(account.Client, itemPath, cancellationToken);
            photoBefore = await account.Client.GetByteArrayAsync($"{itemPath}/image", cancellationToken);

            archive = await BackupCommand.CreateAsync(original, cancellationToken);

            // A change after the backup, which the restore must undo.
            using var deleted = await account.Client.DeleteAsync(itemPath, cancellationToken);
            Assert.That(deleted.IsSuccessStatusCode, Is.True);
        }

        Assert.That(File.Exists(archive + ".sha256"), Is.True, "the archive has a checksum file");
        Directory.Delete(Path.Combine(stateDirectory, "data"), recursive: true);
        Directory.Delete(Path.Combine(stateDirectory, "blobs"), recursive: true);

        await using (var empty = await BuildAsync(cancellationToken))
        {
            await RestoreCommand.RestoreAsync(empty, archive, cancellationToken);
        }

        await using var restored = await StartAsync(cancellationToken);
        using var client = restored.CreateHttpClient("gateway");
        var tokens = await GatewayClient.LogInAsync(client, account.Email, cancellationToken);
        client.DefaultRequestHeaders.Authorization = new("Bearer", tokens.AccessToken);

        var itemAfter = await client.GetFromJsonAsync<JsonElement>(itemPath, cancellationToken);
        Assert.Multiple(() =>
        {
            Assert.That(itemAfter.GetProperty("name").GetString(), Is.EqualTo("Linen shirt"));
            Assert.That(itemAfter.GetProperty("status").GetString(), Is.EqualTo(itemBefore.GetProperty("status").GetString()));
            Assert.That(itemAfter.GetProperty("colors").ToString(), Is.EqualTo(itemBefore.GetProperty("colors").ToString()));
        });
        Assert.That(await client.GetByteArrayAsync($"{itemPath}/image", cancellationToken), Is.EqualTo(photoBefore));
    }

    private Task<IDistributedApplicationTestingBuilder> CreateBuilderAsync(CancellationToken cancellationToken) =>
        DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>(
            new DistributedApplicationOptions { StateDirectory = stateDirectory, DisableDashboard = true }, cancellationToken);

    private async Task<DistributedApplication> BuildAsync(CancellationToken cancellationToken) =>
        await (await CreateBuilderAsync(cancellationToken)).BuildAsync(cancellationToken);

    private async Task<DistributedApplication> StartAsync(CancellationToken cancellationToken)
    {
        var app = await BuildAsync(cancellationToken);
        await app.StartAsync(cancellationToken);
        foreach (var resource in app.Resources)
        {
            await app.WaitForResourceHealthyAsync(resource.Name, cancellationToken);
        }
        return app;
    }

    private static async Task<JsonElement> WaitUntilAnalyzedAsync(HttpClient client, string itemPath, CancellationToken cancellationToken)
    {
        while (true)
        {
            var item = await client.GetFromJsonAsync<JsonElement>(itemPath, cancellationToken);
            if (item.GetProperty("status").GetString() != "processing")
            {
                return item;
            }
            await Task.Delay(200, cancellationToken);
        }
    }
}
