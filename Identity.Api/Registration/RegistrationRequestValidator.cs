using System.Text.RegularExpressions;
using ClosetConnect.Identity.Passwords;

namespace ClosetConnect.Identity.Registration;

/// <summary>Registration rules; each failure names its field (returned as a 400 validation problem).</summary>
public static partial class RegistrationRequestValidator
{
    public static Dictionary<string, string[]> Validate(RegisterRequest request)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);

        var email = EmailAddress.Normalize(request.Email);
        if (!EmailAddress.IsValid(email))
        {
            errors["email"] = ["Enter a valid email address (at most 254 characters)."];
        }

        if (request.Username is null || !UsernamePattern().IsMatch(request.Username))
        {
            errors["username"] = ["Username must be 3 to 30 letters, digits or underscores."];
        }

        var fullName = request.FullName?.Trim();
        if (fullName is null || fullName.Length is < 2 or > 100)
        {
            errors["fullName"] = ["Full name must be 2 to 100 characters."];
        }

        if (PasswordPolicy.Check(request.Password) is { } passwordProblem)
        {
            errors["password"] = [passwordProblem];
        }

        return errors;
    }

    [GeneratedRegex("^[A-Za-z0-9_]{3,30}$")]
    private static partial Regex UsernamePattern();
}
