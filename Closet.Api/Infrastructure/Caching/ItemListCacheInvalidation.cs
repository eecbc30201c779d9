using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace ClosetConnect.Closet.Infrastructure.Caching;

/// <summary>
/// Invalidates the cached item lists of every owner whose items, colours or listings a <c>SaveChanges</c> wrote, once
/// the write is committed: at once outside a transaction, else when the enclosing transaction (the inbox's, say)
/// commits. One place for every write path; bulk updates, which bypass <c>SaveChanges</c>, call
/// <see cref="InvalidateAfterCommitAsync"/>.
/// </summary>
public sealed class ItemListCacheInvalidation(ItemListCache cache) : ISaveChangesInterceptor, IDbTransactionInterceptor
{
    private readonly ConditionalWeakTable<DbContext, HashSet<Guid>> _saving = [];
    private readonly ConditionalWeakTable<DbTransaction, HashSet<Guid>> _committing = [];

    /// <summary>For a bulk update of these owners' items or listings that has just run on <paramref name="context"/>.</summary>
    public Task InvalidateAfterCommitAsync(DbContext context, IEnumerable<Guid> ownerIds) =>
        AfterCommitAsync(context, [.. ownerIds]);

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        CollectOwners(eventData.Context!);
        return ValueTask.FromResult(result);
    }

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        CollectOwners(eventData.Context!);
        return result;
    }

    public async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (_saving.TryGetValue(eventData.Context!, out var owners))
        {
            _saving.Remove(eventData.Context!);
            await AfterCommitAsync(eventData.Context!, owners);
        }

        return result;
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result) =>
        SavedChangesAsync(eventData, result).AsTask().GetAwaiter().GetResult();

    public Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        SaveChangesFailed(eventData);
        return Task.CompletedTask;
    }

    public void SaveChangesFailed(DbContextErrorEventData eventData) => _saving.Remove(eventData.Context!);

    public async Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (_committing.TryGetValue(transaction, out var owners))
        {
            _committing.Remove(transaction);
            await cache.InvalidateAsync(owners);
        }
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) =>
        TransactionCommittedAsync(transaction, eventData).GetAwaiter().GetResult();

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        _committing.Remove(transaction);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => _committing.Remove(transaction);

    private void CollectOwners(DbContext context)
    {
        HashSet<Guid>? owners = null;
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }

            foreach (var owner in OwnersOf(context, entry))
            {
                (owners ??= _saving.GetOrCreateValue(context)).Add(owner);
            }
        }
    }

    // Before and after the change: a sold item leaves its seller's list and joins its buyer's.
    private static IEnumerable<Guid> OwnersOf(DbContext context, EntityEntry entry) => entry.Entity switch
    {
        ClosetItem => Both(entry, nameof(ClosetItem.UserId)),
        Listing => Both(entry, nameof(Listing.SellerId)),
        ItemColor => context.ChangeTracker.Entries<ClosetItem>()
            .Where(item => item.Entity.Id.Equals(entry.Property("ItemId").CurrentValue))
            .SelectMany(item => Both(item, nameof(ClosetItem.UserId))),
        _ => [],
    };

    private static IEnumerable<Guid> Both(EntityEntry entry, string property)
    {
        var value = entry.Property(property);
        return new[] { value.OriginalValue, value.CurrentValue }.OfType<Guid>().Distinct();
    }

    private async Task AfterCommitAsync(DbContext context, HashSet<Guid> owners)
    {
        if (context.Database.CurrentTransaction?.GetDbTransaction() is { } transaction)
        {
            var pending = _committing.GetOrCreateValue(transaction);
            lock (pending)
            {
                pending.UnionWith(owners);
            }

            return;
        }

        await cache.InvalidateAsync(owners);
    }
}
