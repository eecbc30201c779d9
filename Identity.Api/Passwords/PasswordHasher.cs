namespace ClosetConnect.Identity.Passwords;

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
