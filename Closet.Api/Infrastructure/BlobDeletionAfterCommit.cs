using System.Data.Common;
using System.Runtime.CompilerServices;
using ClosetConnect.ServiceDefaults.Storage;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace ClosetConnect.Closet.Infrastructure;

/// <summary>
/// The one way an item's images are deleted: its whole folder (<see cref="ClosetItem.BlobFolder"/>), once the change
/// that stops referencing it has committed. A folder, not the keys read earlier, so a cut-out or mask the worker wrote
/// in between goes too. Event handlers run inside the inbox transaction, which commits after they return: deleting
/// before that would lose the images if the commit failed and the event were redelivered. A rolled-back transaction
/// deletes nothing.
/// </summary>
public sealed class BlobDeletionAfterCommit(IBlobStore blobs, ILogger<BlobDeletionAfterCommit> logger) : DbTransactionInterceptor
{
    private readonly ConditionalWeakTable<DbTransaction, List<string>> _pending = [];

    /// <summary>Deletes <paramref name="folder"/> after the context's current transaction commits.</summary>
    public void DeleteAfterCommit(DbContext context, string folder)
    {
        var transaction = context.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Images are deleted after a commit: call this inside a transaction.");
        var pending = _pending.GetOrCreateValue(transaction);
        lock (pending)
        {
            pending.Add(folder);
        }
    }

    /// <summary>Deletes <paramref name="folder"/> now: the change that stopped referencing it is committed already (or never was).</summary>
    public async Task DeleteNowAsync(string folder)
    {
        try
        {
            await blobs.DeleteFolderAsync(folder, CancellationToken.None);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The change is committed; images left behind are orphan files, not a broken item.
            logger.LogWarning(ex, "Could not delete the images in {BlobFolder}", folder);
        }
    }

    public override async Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (!_pending.TryGetValue(transaction, out var folders))
        {
            return;
        }

        _pending.Remove(transaction);
        foreach (var folder in folders)
        {
            await DeleteNowAsync(folder);
        }
    }

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) =>
        TransactionCommittedAsync(transaction, eventData).GetAwaiter().GetResult();

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        _pending.Remove(transaction);
        return Task.CompletedTask;
    }

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => _pending.Remove(transaction);
}
