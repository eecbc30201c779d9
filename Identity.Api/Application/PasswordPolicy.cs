namespace ClosetConnect.Identity.Application;

/// <summary>8–128 characters with upper and lower case letters, a digit and a special character.</summary>
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

        return null;
    }
}
