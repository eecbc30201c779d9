using ClosetConnect.Identity.Audit;

namespace ClosetConnect.Identity.Accounts;

/// <summary>Grants the admin role to the configured bootstrap account when it is verified.</summary>
public sealed class BootstrapAdmin(IOptions<AccountsOptions> options, AuditLog audit, ILogger<BootstrapAdmin> logger)
{
    /// <summary>Promotes <paramref name="user"/> when it is the verified bootstrap account; the caller saves.</summary>
    public bool PromoteIfConfigured(User user)
    {
        if (user.IsAdmin || !user.IsEmailVerified || !options.Value.IsBootstrapAdmin(user.Email))
        {
            return false;
        }

        user.GrantAdmin();
        audit.Record(new AuditEntry(AuditActions.RoleGranted, AuditOutcome.Success, user.Id, Reason: "bootstrap-admin", Resource: $"user/{user.Id}"));
        logger.LogWarning("User {UserId} became an admin as the configured bootstrap admin", user.Id);
        return true;
    }
}
