using ClosetConnect.Identity.Domain;
using ClosetConnect.Identity.Login;

namespace ClosetConnect.Identity.UnitTests;

public class AccountSecurityTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);

    [TestCase(0, 0)]
    [TestCase(1, 250)]
    [TestCase(2, 500)]
    [TestCase(3, 1000)]
    [TestCase(4, 2000)]
    [TestCase(5, 4000)]
    [TestCase(40, 4000)]
    public void Each_failure_doubles_the_wait_before_the_next_attempt_up_to_the_cap(int priorFailures, int expectedMs) =>
        Assert.That(new LoginProtectionOptions().DelayAfter(priorFailures), Is.EqualTo(TimeSpan.FromMilliseconds(expectedMs)));

    [Test]
    public void Five_failures_lock_for_fifteen_minutes_by_default()
    {
        var options = new LoginProtectionOptions();
        Assert.That((options.MaxFailures, options.LockoutDuration), Is.EqualTo((5, TimeSpan.FromMinutes(15))));
    }

    [Test]
    public void A_reset_token_is_stored_only_hashed_and_works_once()
    {
        var (token, clear) = PasswordResetToken.Issue(Guid.NewGuid(), Now);
        Assert.Multiple(() =>
        {
            Assert.That(token.TokenHash, Is.EqualTo(PasswordResetToken.Hash(clear)).And.Not.Contain(clear));
            Assert.That(clear.Length, Is.GreaterThanOrEqualTo(43), "32 random bytes");
        });

        Assert.That(token.TryConsume(Now), Is.True);
        Assert.That(token.TryConsume(Now), Is.False);
    }

    [Test]
    public void A_reset_token_expires_after_thirty_minutes()
    {
        var (usable, _) = PasswordResetToken.Issue(Guid.NewGuid(), Now);
        var (expired, _) = PasswordResetToken.Issue(Guid.NewGuid(), Now);
        Assert.That(usable.TryConsume(Now + TimeSpan.FromMinutes(30) - TimeSpan.FromSeconds(1)), Is.True);
        Assert.That(expired.TryConsume(Now + TimeSpan.FromMinutes(30)), Is.False);
    }

    [Test]
    public void An_admin_carries_both_roles_and_a_user_one()
    {
        var user = User.Register("ann@example.com", "ann", "k:x", "hash", Now);
        Assert.That(user.GrantedRoles, Is.EqualTo(new[] { "user" }));
        user.GrantAdmin();
        Assert.That(user.GrantedRoles, Is.EqualTo(new[] { "user", "admin" }));
    }

    [Test]
    public void The_retention_clock_runs_from_the_last_login_or_else_from_creation()
    {
        var user = User.Register("ann@example.com", "ann", "k:x", "hash", Now);
        Assert.That(user.LastActiveAt, Is.EqualTo(Now));
        user.RecordLogin(Now + TimeSpan.FromDays(3));
        Assert.That(user.LastActiveAt, Is.EqualTo(Now + TimeSpan.FromDays(3)));
    }
}
