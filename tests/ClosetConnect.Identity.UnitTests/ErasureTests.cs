using ClosetConnect.Identity.Domain;

namespace ClosetConnect.Identity.UnitTests;

/// <summary>Key retirement rules behind an emergency rotation (order erasure is tested in ClosetConnect.Payments.Tests).</summary>
public class ErasureTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);

    [Test]
    public void An_emergency_brings_a_scheduled_key_retirement_forward_but_never_pushes_one_back()
    {
        var key = SigningKey.Create("kid", "k:x", Now);
        key.RetireBy(Now + TimeSpan.FromHours(1));
        key.RetireBy(Now);
        Assert.That(key.IsRetired(Now), Is.True);

        key.RetireBy(Now + TimeSpan.FromHours(2));
        Assert.That(key.RetiredAt, Is.EqualTo(Now));
    }
}
