using ClosetConnect.Identity.Passwords;
using Microsoft.Extensions.Options;

namespace ClosetConnect.Identity.UnitTests;

public class PasswordRulesTests
{
    [Test]
    public void The_shipped_common_password_list_holds_at_least_the_ten_thousand_most_common() =>
        Assert.That(CommonPasswords.Count, Is.GreaterThanOrEqualTo(10_000));

    [TestCase("P@ssw0rd")]
    [TestCase("p@SSW0RD")]
    [TestCase("Password1!")]
    [TestCase("Qwerty123!!")]
    [TestCase("Monkey123#")]
    public void A_common_password_is_refused_whatever_its_case_or_tacked_on_symbols(string password) =>
        Assert.That(PasswordPolicy.Check(password), Is.EqualTo("This password is one of the most commonly used passwords; choose another."));

    [TestCase("Str0ng!Passw0rd")]
    [TestCase("Tr1cky#Wardrobe")]
    public void An_uncommon_password_that_meets_the_rules_is_accepted(string password) =>
        Assert.That(PasswordPolicy.Check(password), Is.Null);

    [TestCase("Sh0rt!")]
    [TestCase("alllower1!")]
    [TestCase("ALLUPPER1!")]
    [TestCase("NoDigits!!")]
    [TestCase("NoSpecial12")]
    public void The_character_rules_still_apply(string password) =>
        Assert.That(PasswordPolicy.Check(password), Is.Not.Null.And.Not.Contain("commonly used"));

    [Test]
    public void A_password_too_long_is_refused() =>
        Assert.That(PasswordPolicy.Check("Aa1!" + new string('x', 125)), Does.Contain("8 to 128"));

    [Test]
    public void A_hash_made_with_a_lower_cost_needs_rehashing_and_one_at_the_configured_cost_does_not()
    {
        var hasher = new PasswordHasher(Options.Create(new PasswordHashingOptions { WorkFactor = 11 }));
        var cheap = BCrypt.Net.BCrypt.HashPassword("Str0ng!Passw0rd", 10);
        var current = hasher.Hash("Str0ng!Passw0rd");

        Assert.Multiple(() =>
        {
            Assert.That(current, Does.StartWith("$2a$11$").Or.StartWith("$2b$11$"));
            Assert.That(hasher.Verify("Str0ng!Passw0rd", cheap), Is.True, "an old hash still verifies");
            Assert.That(hasher.NeedsRehash(cheap), Is.True);
            Assert.That(hasher.NeedsRehash(current), Is.False);
            Assert.That(hasher.Verify("Str0ng!Passw0rd", null), Is.False, "no account: checked against a stand-in hash");
        });
    }

    [Test]
    public void The_default_work_factor_is_twelve() =>
        Assert.That(new PasswordHashingOptions().WorkFactor, Is.EqualTo(12));
}
