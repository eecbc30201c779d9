using ClosetConnect.Identity.PersonalData;

namespace ClosetConnect.Identity.Accounts;

/// <summary>An account as its owner sees it, the full name decrypted.</summary>
public sealed class UserProfiles(IdentityDbContext db, FieldEncryptor encryptor)
{
    public async Task<UserProfile?> FindAsync(Guid userId, CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == userId, cancellationToken);
        return user is null
            ? null
            : new UserProfile(user.Id, user.Email, user.Username, encryptor.Decrypt(user.FullNameEncrypted),
                user.Role, user.GrantedRoles, user.IsEmailVerified, user.CreatedAt);
    }
}
