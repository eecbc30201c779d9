using ClosetConnect.Identity.Domain;

namespace ClosetConnect.Identity.UnitTests;

public class OneTimeSecretsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);

    [Test]
    public void A_verification_code_is_six_digits_and_stored_only_hashed()
    {
        var (code, clear) = EmailVerificationCode.Issue(Guid.NewGuid(), Now);
        Assert.That(clear, Does.Match("^[0-9]{6}$"));
        Assert.That(code.CodeHash, Does.Not.Contain(clear));
    }

    [Test]
    public void A_verification_code_works_once()
    {
        var (code, clear) = EmailVerificationCode.Issue(Guid.NewGuid(), Now);
        Assert.That(code.TryConsume(clear, Now), Is.True);
        Assert.That(code.TryConsume(clear, Now), Is.False);
    }

    [Test]
    public void A_verification_code_expires_after_ten_minutes()
    {
        var (code, clear) = EmailVerificationCode.Issue(Guid.NewGuid(), Now);
        Assert.That(code.TryConsume(clear, Now + TimeSpan.FromMinutes(10)), Is.False);
    }

    [Test]
    public void A_verification_code_is_locked_after_five_wrong_tries()
    {
        var (code, clear) = EmailVerificationCode.Issue(Guid.NewGuid(), Now);
        var wrong = clear == "000000" ? "111111" : "000000";
        for (var i = 0; i < EmailVerificationCode.MaxAttempts; i++)
        {
            Assert.That(code.TryConsume(wrong, Now), Is.False);
        }

        Assert.That(code.TryConsume(clear, Now), Is.False, "the right code after five failures");
    }

    [Test]
    public void A_rotated_refresh_token_counts_as_reuse()
    {
        var (token, clear) = RefreshToken.Issue(Guid.NewGuid(), null, Now);
        Assert.Multiple(() =>
        {
            Assert.That(token.TokenHash, Is.EqualTo(RefreshToken.Hash(clear)));
            Assert.That(token.IsActive(Now), Is.True);
        });

        token.MarkRotated(Now);
        Assert.That(token.IsActive(Now), Is.False);
        Assert.That(token.IsReuse, Is.True);
    }

    [Test]
    public void A_refresh_token_lives_24_hours_and_keeps_its_family()
    {
        var family = Guid.NewGuid();
        var (token, _) = RefreshToken.Issue(Guid.NewGuid(), family, Now);
        Assert.Multiple(() =>
        {
            Assert.That(token.FamilyId, Is.EqualTo(family));
            Assert.That(token.IsActive(Now + TimeSpan.FromHours(23.9)), Is.True);
            Assert.That(token.IsActive(Now + TimeSpan.FromHours(24)), Is.False);
        });
    }
}
