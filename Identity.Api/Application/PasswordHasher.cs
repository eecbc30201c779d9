namespace ClosetConnect.Identity.Application;

public sealed class PasswordHashingOptions
{
    public const string SectionName = "PasswordHashing";

    [System.ComponentModel.DataAnnotations.Range(10, 16)]
    public int WorkFactor { get; set; } = 12;
}

/// <summary>bcrypt with a configurable work factor.</summary>
public sealed class PasswordHasher(IOptions<PasswordHashingOptions> options)
{
    // Verifying against this when the account does not exist keeps both answers equally slow.
    private static readonly Lazy<string> AbsentAccountHash = new(() => BCrypt.Net.BCrypt.HashPassword("absent-account", 12));

    public string Hash(string password) => BCrypt.Net.BCrypt.HashPassword(password, options.Value.WorkFactor);

    public bool Verify(string password, string? hash) =>
        BCrypt.Net.BCrypt.Verify(password, hash ?? AbsentAccountHash.Value);
}
