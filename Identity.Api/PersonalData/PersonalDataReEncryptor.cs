namespace ClosetConnect.Identity.PersonalData;

/// <summary>
/// Moves values encrypted under an older field-encryption key id to the active key, so the old key can be removed from
/// configuration. Runs lazily at login (one account) and in batches from the maintenance job (every account and the
/// signing keys' private halves).
/// </summary>
public sealed class PersonalDataReEncryptor(IdentityDbContext db, FieldEncryptor encryptor, ILogger<PersonalDataReEncryptor> logger)
{
    /// <summary>Re-encrypts the user's personal fields when they use an old key; the caller saves.</summary>
    public bool ReEncryptIfStale(User user)
    {
        if (!encryptor.NeedsReEncryption(user.FullNameEncrypted))
        {
            return false;
        }

        user.ReplaceFullNameEncrypted(encryptor.ReEncrypt(user.FullNameEncrypted));
        return true;
    }

    /// <summary>One batch of accounts and signing keys still under an old key; returns how many values moved.</summary>
    public async Task<int> ReEncryptBatchAsync(int batchSize, CancellationToken cancellationToken)
    {
        var activePrefix = encryptor.ActiveKeyId + ":";
        var users = await db.Users.Where(u => !u.FullNameEncrypted.StartsWith(activePrefix))
            .OrderBy(u => u.Id).Take(batchSize).ToListAsync(cancellationToken);
        foreach (var user in users)
        {
            ReEncryptIfStale(user);
        }

        var keys = await db.SigningKeys.Where(k => !k.PrivateKeyEncrypted.StartsWith(activePrefix)).ToListAsync(cancellationToken);
        foreach (var key in keys)
        {
            key.ReplacePrivateKeyEncrypted(encryptor.ReEncrypt(key.PrivateKeyEncrypted));
        }

        await db.SaveChangesAsync(cancellationToken);
        var moved = users.Count + keys.Count;
        if (moved > 0)
        {
            logger.LogInformation("Re-encrypted {Users} accounts and {Keys} signing keys under field key {KeyId}", users.Count, keys.Count, encryptor.ActiveKeyId);
        }

        return moved;
    }
}
