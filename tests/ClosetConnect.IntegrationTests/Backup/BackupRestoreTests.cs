using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ClosetConnect.IntegrationTests.EndToEnd;
using MySqlConnector;

namespace ClosetConnect.IntegrationTests.Backup;

/// <summary>
/// Disaster recovery as an operator would do it: data written through the API, "Back up now" on the dashboard's
/// mariadb resource, then the <c>restore</c> step into an empty state directory (a new machine: no data, no blobs)
/// and the same rows and photo read back from it.
/// </summary>
[NonParallelizable]
[CancelAfter(600_000)]
public sealed class BackupRestoreTests
{
    [Test]
    public async Task A_restored_backup_brings_back_accounts_items_and_photos_after_the_data_is_lost(CancellationToken cancellationToken)
    {
        var original = await SharedAppHost.GetAsync(cancellationToken);
        var account = await GatewayClient.SignUpAsync(original, cancellationToken);
        using var upload = await account.Client.PostAsync("/api/v1/closet/items",
            GatewayClient.ItemForm(RepositoryPaths.VisionFixture("images/photo-01.png"), "Linen shirt"), cancellationToken);
        await GatewayClient.EnsureAsync(upload, HttpStatusCode.Created, cancellationToken);
        var itemId = (await upload.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("id").GetGuid();
        var itemPath = $"/api/v1/closet/items/{itemId}";
        var itemBefore = await Eventually.GetValueAsync("the item analysed", async () =>
            await account.Client.GetFromJsonAsync<JsonElement>(itemPath, cancellationToken) is var item && item.GetProperty("status").GetString() != "processing"
                ? item
                : (JsonElement?)null, cancellationToken);
        var photoBefore = await account.Client.GetByteArrayAsync($"{itemPath}/image", cancellationToken);

        await original.RunCommandAsync("mariadb", BackupBuilderExtensions.BackupCommandName, cancellationToken);
        var archive = Directory.GetFiles(original.StatePath("backups"), "*.tar.gz").OrderDescending().First();
        Assert.That(File.Exists(archive + ".sha256"), Is.True, "the archive has a checksum file");

        // A change after the backup, which the restore must not bring along.
        using (var deleted = await account.Client.DeleteAsync(itemPath, cancellationToken))
        {
            Assert.That(deleted.IsSuccessStatusCode, Is.True);
        }

        using var state = new TemporaryState();

        await AppHostCommandLine.RunAsync(
            ["--operation", "publish", "--step", BackupBuilderExtensions.RestoreStepName, $"--AppHost:Backup:Archive={archive}", state.Argument], cancellationToken);

        // What the restore brought back, read from the restored server (no services: they would only read it too).
        var builder = DistributedApplicationTestingBuilder.Create(state.Argument);
        builder.AddMariaDB("mariadb").AddDatabase("closetdb");
        await using var restored = await builder.BuildAsync(cancellationToken);
        await restored.StartAsync(cancellationToken);
        await restored.WaitUntilHealthyAsync("closetdb", cancellationToken);
        await using var closet = new MySqlConnection(await restored.GetConnectionStringAsync("closetdb", cancellationToken));
        await closet.OpenAsync(cancellationToken);
        await using var query = new MySqlCommand("SELECT Name, Status, ImageKey FROM Items WHERE Id = @id", closet);
        query.Parameters.AddWithValue("@id", itemId);
        await using var row = await query.ExecuteReaderAsync(cancellationToken);
        Assert.That(await row.ReadAsync(cancellationToken), Is.True, "the item deleted after the backup is back");
        Assert.Multiple(() =>
        {
            Assert.That(row.GetString(0), Is.EqualTo("Linen shirt"));
            Assert.That(row.GetString(1), Is.EqualTo(itemBefore.GetProperty("status").GetString()).IgnoreCase);
        });
        var photo = Path.Combine(state.Path, "blobs", row.GetString(2));
        Assert.That(await File.ReadAllBytesAsync(photo, cancellationToken), Is.EqualTo(photoBefore), "the photo is back in the blob store");
    }
}
