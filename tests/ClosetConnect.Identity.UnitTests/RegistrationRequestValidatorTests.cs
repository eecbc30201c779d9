using ClosetConnect.Identity.Domain;
using ClosetConnect.Identity.Passwords;
using ClosetConnect.Identity.Registration;

namespace ClosetConnect.Identity.UnitTests;

public class RegistrationRequestValidatorTests
{
    private static RegisterRequest Valid() => new("ann@example.com", "ann_1", "Str0ng!Pass", "Ann Lee");

    [Test]
    public void A_complete_request_has_no_errors() =>
        Assert.That(RegistrationRequestValidator.Validate(Valid()), Is.Empty);

    [TestCase("not-an-email")]
    [TestCase("ann@localhost")]
    [TestCase("")]
    [TestCase(null)]
    public void A_bad_email_is_refused_by_name(string? email) =>
        Assert.That(RegistrationRequestValidator.Validate(Valid() with { Email = email }).Keys, Is.EquivalentTo(new[] { "email" }));

    [Test]
    public void Email_is_trimmed_and_lower_cased() =>
        Assert.That(EmailAddress.Normalize("  Ann@Example.COM "), Is.EqualTo("ann@example.com"));

    [TestCase("ab")]
    [TestCase("has space")]
    [TestCase("dash-ed")]
    [TestCase("waytoolongusername_0123456789xx")]
    public void A_bad_username_is_refused(string username) =>
        Assert.That(RegistrationRequestValidator.Validate(Valid() with { Username = username }).Keys, Is.EquivalentTo(new[] { "username" }));

    [TestCase("abc")]
    [TestCase("___")]
    [TestCase("Ann_Lee_1990")]
    public void A_good_username_is_accepted(string username) =>
        Assert.That(RegistrationRequestValidator.Validate(Valid() with { Username = username }), Is.Empty);

    [TestCase("A")]
    [TestCase(" ")]
    public void A_too_short_full_name_is_refused(string fullName) =>
        Assert.That(RegistrationRequestValidator.Validate(Valid() with { FullName = fullName }).Keys, Is.EquivalentTo(new[] { "fullName" }));

    [Test]
    public void A_too_long_full_name_is_refused() =>
        Assert.That(RegistrationRequestValidator.Validate(Valid() with { FullName = new string('x', 101) }).Keys, Is.EquivalentTo(new[] { "fullName" }));

    [TestCase("Sh0rt!")]
    [TestCase("alllowercase1!")]
    [TestCase("ALLUPPERCASE1!")]
    [TestCase("NoDigitsHere!")]
    [TestCase("NoSpecial123")]
    public void A_weak_password_is_refused(string password) =>
        Assert.That(RegistrationRequestValidator.Validate(Valid() with { Password = password }).Keys, Is.EquivalentTo(new[] { "password" }));

    [Test]
    public void A_password_over_128_characters_is_refused() =>
        Assert.That(PasswordPolicy.Check("Aa1!" + new string('x', 125)), Is.Not.Null);
}
