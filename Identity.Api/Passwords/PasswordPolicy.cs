namespace ClosetConnect.Identity.Passwords;

/// <summary>
/// 8–128 characters with upper and lower case letters, a digit and a special character, and not one of the common
/// passwords shipped with the service (<see cref="CommonPasswords"/>). Registration and password reset share it.
/// </summary>
public static class PasswordPolicy
{
    public const int MinLength = 8;
    public const int MaxLength = 128;

    /// <summary>Null when the password is acceptable; otherwise what is wrong with it.</summary>
    public static string? Check(string? password)
    {
        if (password is null || password.Length is < MinLength or > MaxLength)
        {
            return $"Password must be {MinLength} to {MaxLength} characters.";
        }

        if (!password.Any(char.IsUpper) || !password.Any(char.IsLower) || !password.Any(char.IsDigit)
            || password.All(char.IsLetterOrDigit))
        {
            return "Password needs an upper-case letter, a lower-case letter, a digit and a special character.";
        }

        if (CommonPasswords.Contains(password))
        {
            return "This password is one of the most commonly used passwords; choose another.";
        }

        return null;
    }
}
