using ClosetConnect.Contracts.Events;
using ClosetConnect.EventBus.Outbox;
using ClosetConnect.Identity.Audit;

namespace ClosetConnect.Identity.Accounts;

/// <summary>
/// Erases an account: the user row goes (its codes, reset tokens and refresh tokens with it, by cascade), its audit
/// events stay as a record but lose their IP addresses, and <c>identity.user-deleted</c> is published from the outbox
/// in the same commit, so Closet and Payments erase or anonymise their part.
/// </summary>
public sealed class AccountEraser(IdentityDbContext db, AuditLog audit, TimeProvider time)
{
    public async Task EraseAsync(User user, string auditAction, Guid? actorId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var auditTrail = await db.AuditEvents.Where(e => e.UserId == user.Id && e.IpAddress != null).ToListAsync(cancellationToken);
        foreach (var auditEvent in auditTrail)
        {
            auditEvent.ForgetIpAddress();
        }

        db.Users.Remove(user);
        db.AddIntegrationEvent(new UserDeletedEvent(user.Id) { OccurredAt = now });
        audit.Record(new AuditEntry(auditAction, AuditOutcome.Success, user.Id, ActorId: actorId, Resource: $"user/{user.Id}"));
        await db.SaveChangesAsync(cancellationToken);
    }
}
