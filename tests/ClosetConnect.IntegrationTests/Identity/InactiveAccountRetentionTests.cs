using ClosetConnect.Data;
using ClosetConnect.EventBus.Outbox;
using ClosetConnect.Identity.Accounts;
using ClosetConnect.Identity.Audit;
using ClosetConnect.Identity.Data;
using ClosetConnect.Identity.Domain;
using ClosetConnect.Identity.PersonalData;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ClosetConnect.IntegrationTests.Identity;

/// <summary>
/// The retention sweep against Identity's real database, with an injected clock: accounts are created "three years
/// ago", the clock moves to now, and only those with no login for two years are erased, each with its event.
/// </summary>
[CancelAfter(120_000)]
public sealed class InactiveAccountRetentionTests
{
    [Test]
    public async Task Accounts_with_no_login_for_two_years_are_erased_and_announced_and_the_others_kept(CancellationToken cancellationToken)
    {
        var app = await SharedAppHost.GetAsync(cancellationToken);
        var options = new DbContextOptionsBuilder<IdentityDbContext>()
            .UseMySql(await app.GetConnectionStringAsync("identitydb", cancellationToken), MariaDbVersion.Default).Options;
        var now = DateTimeOffset.UtcNow;
        var time = new FakeTimeProvider(now - TimeSpan.FromDays(3 * 365));
        // Identity's development key (appsettings.Development.json), so the running service can still read the rows.
        var encryptor = new FieldEncryptor(Options.Create(new FieldEncryptionOptions
        {
            ActiveKeyId = "dev1",
            Keys = { ["dev1"] = "ZGV2ZWxvcG1lbnQtb25seS1rZXktZG8tbm90LXVzZSE=" },
        }));

        User NewUser(string label) =>
            User.Register($"{label}-{Guid.NewGuid():N}@example.com", $"r{Guid.NewGuid():N}"[..20], encryptor.Encrypt("Old Timer"), "not-a-real-hash", time.GetUtcNow());

        var neverLoggedIn = NewUser("never");
        var lastSeenJustOverTwoYearsAgo = NewUser("gone");
        var lastSeenJustUnderTwoYearsAgo = NewUser("kept");
        lastSeenJustOverTwoYearsAgo.RecordLogin(now - TimeSpan.FromDays(730) - TimeSpan.FromDays(1));
        lastSeenJustUnderTwoYearsAgo.RecordLogin(now - TimeSpan.FromDays(730) + TimeSpan.FromDays(1));
        await using (var db = new IdentityDbContext(options))
        {
            db.Users.AddRange(neverLoggedIn, lastSeenJustOverTwoYearsAgo, lastSeenJustUnderTwoYearsAgo);
            await db.SaveChangesAsync(cancellationToken);
        }

        time.SetUtcNow(now);
        await using (var db = new IdentityDbContext(options))
        {
            var audit = new AuditLog(db, RequestOrigin.None, time, NullLogger<AuditLog>.Instance);
            var sweeper = new InactiveAccountSweeper(db, new AccountEraser(db, audit, time), Options.Create(new RetentionOptions()), time,
                NullLogger<InactiveAccountSweeper>.Instance);
            await sweeper.SweepBatchAsync(cancellationToken);
        }

        await using (var db = new IdentityDbContext(options))
        {
            var ours = new[] { neverLoggedIn.Id, lastSeenJustOverTwoYearsAgo.Id, lastSeenJustUnderTwoYearsAgo.Id };
            var remaining = await db.Users.Where(u => ours.Contains(u.Id)).Select(u => u.Id).ToListAsync(cancellationToken);
            Assert.That(remaining, Is.EqualTo(new[] { lastSeenJustUnderTwoYearsAgo.Id }));

            var announced = await db.Set<OutboxMessage>().Where(m => m.EventName == "identity.user-deleted").Select(m => m.Payload).ToListAsync(cancellationToken);
            Assert.That(announced, Has.Some.Contains(neverLoggedIn.Id.ToString()));
            Assert.That(announced, Has.Some.Contains(lastSeenJustOverTwoYearsAgo.Id.ToString()));
            Assert.That(announced, Has.None.Contains(lastSeenJustUnderTwoYearsAgo.Id.ToString()));

            var audited = await db.AuditEvents.Where(e => e.Action == AuditActions.RetentionErase && ours.Contains(e.UserId!.Value))
                .Select(e => e.UserId).ToListAsync(cancellationToken);
            Assert.That(audited, Is.EquivalentTo(new Guid?[] { neverLoggedIn.Id, lastSeenJustOverTwoYearsAgo.Id }));

            await db.Users.Where(u => u.Id == lastSeenJustUnderTwoYearsAgo.Id).ExecuteDeleteAsync(cancellationToken);
        }
    }
}
