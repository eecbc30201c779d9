namespace ClosetConnect.Identity.Passwords;

public sealed class PasswordHashingOptions
{
    public const string SectionName = "PasswordHashing";

    /// <summary>bcrypt cost (log2 of the rounds). Raising it re-hashes each password at its next successful login.</summary>
    [System.ComponentModel.DataAnnotations.Range(10, 16, ErrorMessage = "PasswordHashing:WorkFactor must be between 10 and 16.")]
    public int WorkFactor { get; set; } = 12;
}
