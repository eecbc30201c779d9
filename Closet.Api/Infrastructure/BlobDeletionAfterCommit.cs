using System.Data.Common;
using System.Runtime.CompilerServices;
using ClosetConnect.ServiceDefaults.Storage;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace ClosetConnect.Closet.Infrastructure;

/// <summary>
/// Deletes images once the transaction that stops referencing them has committed. Event handlers run inside the inbox
/// transaction, which commits after they return: deleting an item's old images before that would lose them if the
/// commit failed and the event were redelivered. A rolled-back transaction deletes nothing.
/// </summary>
public sealed class BlobDeletionAfterCommit(IBlobStore blobs, ILogger<BlobDeletionAfterCommit> logger) : DbTransactionInterceptor
{
    private readonly ConditionalWeakTable<DbTransaction, List<string>> _pending = [];

    /// <summary>Deletes <paramref name="keys"/> after the context's current transaction commits.</summary>
    public void DeleteAfterCommit(DbContext context, IEnumerable<string> keys)
    {
        var transaction = context.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Images are deleted after a commit: call this inside a transaction.");
        var pending = _pending.GetOrCreateValue(transaction);
        lock (pending)
        {
            pending.AddRange(keys);
        }
    }

    public override async Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (!_pending.TryGetValue(transaction, out var keys))
        {
            return;
        }

        _pending.Remove(transaction);
        foreach (var key in keys)
        {
            try
            {
                await blobs.DeleteAsync(key, CancellationToken.None);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // The change is committed; an image left behind is an orphan file, not a broken item.
                logger.LogWarning(ex, "Could not delete image {BlobKey} after the commit", key);
            }
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
