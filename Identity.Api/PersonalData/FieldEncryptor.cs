using System.Security.Cryptography;
using System.Text;

namespace ClosetConnect.Identity.PersonalData;

/// <summary>
/// AES-256-GCM for personal fields. A stored value reads <c>{keyId}:{base64(nonce | ciphertext | tag)}</c>, so keys
/// can rotate: values written with an older key still decrypt while that key is configured.
/// </summary>
public sealed class FieldEncryptor
{
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private readonly Dictionary<string, byte[]> _keys;
    private readonly string _activeKeyId;

    public FieldEncryptor(IOptions<FieldEncryptionOptions> options)
    {
        _activeKeyId = options.Value.ActiveKeyId;
        _keys = options.Value.Keys.ToDictionary(k => k.Key, k => Convert.FromBase64String(k.Value), StringComparer.Ordinal);
    }

    public string Encrypt(string plaintext)
    {
        var clear = Encoding.UTF8.GetBytes(plaintext);
        var sealedValue = new byte[NonceSize + clear.Length + TagSize];
        var nonce = sealedValue.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_keys[_activeKeyId], TagSize);
        aes.Encrypt(nonce, clear, sealedValue.AsSpan(NonceSize, clear.Length), sealedValue.AsSpan(NonceSize + clear.Length), AssociatedData(_activeKeyId));
        return $"{_activeKeyId}:{Convert.ToBase64String(sealedValue)}";
    }

    public string Decrypt(string stored)
    {
        var separator = stored.IndexOf(':', StringComparison.Ordinal);
        if (separator <= 0)
        {
            throw new CryptographicException("The stored value has no key id.");
        }

        var keyId = stored[..separator];
        if (!_keys.TryGetValue(keyId, out var key))
        {
            throw new CryptographicException($"Field encryption key '{keyId}' is not configured.");
        }

        var sealedValue = Convert.FromBase64String(stored[(separator + 1)..]);
        var clearLength = sealedValue.Length - NonceSize - TagSize;
        var clear = new byte[clearLength];
        using var aes = new AesGcm(key, TagSize);
        aes.Decrypt(sealedValue.AsSpan(0, NonceSize), sealedValue.AsSpan(NonceSize, clearLength), sealedValue.AsSpan(NonceSize + clearLength), clear, AssociatedData(keyId));
        return Encoding.UTF8.GetString(clear);
    }

    /// <summary>The key id new values are written with; a stored value starts with it and ':'.</summary>
    public string ActiveKeyId => _activeKeyId;

    /// <summary>True when the value was written with a key other than the active one (re-encrypt it).</summary>
    public bool NeedsReEncryption(string stored) => !stored.StartsWith(_activeKeyId + ":", StringComparison.Ordinal);

    /// <summary>The same clear value under the active key (a fresh nonce); unchanged when it already is.</summary>
    public string ReEncrypt(string stored) => NeedsReEncryption(stored) ? Encrypt(Decrypt(stored)) : stored;

    // Binding the key id into the tag stops a value from being replayed under another key id.
    private static byte[] AssociatedData(string keyId) => Encoding.UTF8.GetBytes(keyId);
}
