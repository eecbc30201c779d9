using System.Security.Cryptography;
using ClosetConnect.Identity.PersonalData;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ClosetConnect.Identity.UnitTests;

public class FieldEncryptorTests
{
    private static readonly string KeyA = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    private static readonly string KeyB = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    private static FieldEncryptor Encryptor(string active, params (string Id, string Key)[] keys) =>
        new(Options.Create(new FieldEncryptionOptions { ActiveKeyId = active, Keys = keys.ToDictionary(k => k.Id, k => k.Key) }));

    [Test]
    public void A_value_round_trips_and_is_not_stored_in_clear()
    {
        var encryptor = Encryptor("a", ("a", KeyA));
        var stored = encryptor.Encrypt("Ann Lee");
        Assert.Multiple(() =>
        {
            Assert.That(stored, Does.StartWith("a:"));
            Assert.That(stored, Does.Not.Contain("Ann"));
            Assert.That(encryptor.Decrypt(stored), Is.EqualTo("Ann Lee"));
        });
    }

    [Test]
    public void The_same_value_encrypts_differently_each_time()
    {
        var encryptor = Encryptor("a", ("a", KeyA));
        var first = encryptor.Encrypt("Ann Lee");
        var second = encryptor.Encrypt("Ann Lee");
        Assert.That(first, Is.Not.EqualTo(second));
    }

    [Test]
    public void After_rotation_old_values_still_decrypt_and_are_flagged_for_re_encryption()
    {
        var stored = Encryptor("a", ("a", KeyA)).Encrypt("Ann Lee");
        var rotated = Encryptor("b", ("a", KeyA), ("b", KeyB));
        Assert.Multiple(() =>
        {
            Assert.That(rotated.Decrypt(stored), Is.EqualTo("Ann Lee"));
            Assert.That(rotated.NeedsReEncryption(stored), Is.True);
            Assert.That(rotated.Encrypt("x"), Does.StartWith("b:"));
        });
    }

    [Test]
    public void A_tampered_value_is_refused()
    {
        var encryptor = Encryptor("a", ("a", KeyA));
        var stored = encryptor.Encrypt("Ann Lee");
        var bytes = Convert.FromBase64String(stored[2..]);
        bytes[^1] ^= 1;
        Assert.That(() => encryptor.Decrypt("a:" + Convert.ToBase64String(bytes)), Throws.InstanceOf<CryptographicException>());
    }

    [Test]
    public void Options_name_the_missing_active_key()
    {
        var options = new FieldEncryptionOptions { ActiveKeyId = "b", Keys = new() { ["a"] = KeyA } };
        var errors = options.Validate(new System.ComponentModel.DataAnnotations.ValidationContext(options)).ToList();
        Assert.That(errors.Select(e => e.ErrorMessage), Has.Some.Contains("FieldEncryption:Keys:b"));
    }

    [Test]
    public void Options_refuse_a_key_that_is_not_32_bytes()
    {
        var options = new FieldEncryptionOptions { ActiveKeyId = "a", Keys = new() { ["a"] = Convert.ToBase64String(new byte[16]) } };
        var errors = options.Validate(new System.ComponentModel.DataAnnotations.ValidationContext(options)).ToList();
        Assert.That(errors.Select(e => e.ErrorMessage), Has.Some.Contains("32 random bytes"));
    }

    [Test]
    public void A_value_under_a_retired_key_is_re_encrypted_under_the_active_one_and_an_active_one_is_left_alone()
    {
        var old = Encryptor("a", ("a", KeyA)).Encrypt("Ann Lee");
        var rotated = Encryptor("b", ("a", KeyA), ("b", KeyB));

        var moved = rotated.ReEncrypt(old);
        Assert.Multiple(() =>
        {
            Assert.That(moved, Does.StartWith("b:"));
            Assert.That(rotated.NeedsReEncryption(moved), Is.False);
            Assert.That(rotated.ReEncrypt(moved), Is.SameAs(moved));
            // Once every value has moved, key "a" can be removed from configuration.
            Assert.That(Encryptor("b", ("b", KeyB)).Decrypt(moved), Is.EqualTo("Ann Lee"));
        });
    }

    [Test]
    public void At_login_a_name_under_a_retired_key_moves_to_the_active_key()
    {
        var rotated = Encryptor("b", ("a", KeyA), ("b", KeyB));
        var user = ClosetConnect.Identity.Domain.User.Register("ann@example.com", "ann", Encryptor("a", ("a", KeyA)).Encrypt("Ann Lee"), "hash", DateTimeOffset.UnixEpoch);
        // No query runs here: the context only has to exist.
        using var db = new ClosetConnect.Identity.Data.IdentityDbContext(
            new Microsoft.EntityFrameworkCore.DbContextOptionsBuilder<ClosetConnect.Identity.Data.IdentityDbContext>()
                .UseMySql("Server=localhost", ClosetConnect.Data.MariaDbVersion.Default).Options);
        var reEncryptor = new ClosetConnect.Identity.PersonalData.PersonalDataReEncryptor(db, rotated,
            Microsoft.Extensions.Logging.Abstractions.NullLogger<ClosetConnect.Identity.PersonalData.PersonalDataReEncryptor>.Instance);

        Assert.That(reEncryptor.ReEncryptIfStale(user), Is.True);
        Assert.That(user.FullNameEncrypted, Does.StartWith("b:"));
        Assert.That(rotated.Decrypt(user.FullNameEncrypted), Is.EqualTo("Ann Lee"));
        Assert.That(reEncryptor.ReEncryptIfStale(user), Is.False, "already under the active key");
    }
}
