namespace ClosetConnect.Identity.Application;

public sealed class PasswordHashingOptions
{
    public const string SectionName = "PasswordHashing";

    /// <summary>bcrypt cost (log2 of the rounds). Raising it re-hashes each password at its next successful login.</summary>
    [System.ComponentModel.DataAnnotations.Range(10, 16, ErrorMessage = "PasswordHashing:WorkFactor must be between 10 and 16.")]
    public int WorkFactor { get; set; } = 12;
}

/// <summary>bcrypt with a configurable work factor.</summary>
public sealed class PasswordHasher
{
    private readonly int _workFactor;

    // Verifying against this when the account does not exist keeps both answers equally slow.
    private readonly Lazy<string> _absentAccountHash;

    public PasswordHasher(IOptions<PasswordHashingOptions> options)
    {
        _workFactor = options.Value.WorkFactor;
        _absentAccountHash = new(() => BCrypt.Net.BCrypt.HashPassword("absent-account", _workFactor));
    }

    public string Hash(string password) => BCrypt.Net.BCrypt.HashPassword(password, _workFactor);

    public bool Verify(string password, string? hash) =>
        BCrypt.Net.BCrypt.Verify(password, hash ?? _absentAccountHash.Value);

    /// <summary>True when the hash was made with a lower cost than the configured one (re-hash after a good login).</summary>
    public bool NeedsRehash(string hash) => BCrypt.Net.BCrypt.PasswordNeedsRehash(hash, _workFactor);
}
