using System.ComponentModel.DataAnnotations;
using ClosetConnect.Identity.Application.Audit;

namespace ClosetConnect.Identity.Application.Accounts;

/// <summary>
/// Section <c>Accounts</c>. <see cref="BootstrapAdminEmail"/> names the account that becomes the first admin: it is
/// promoted once its owner has proved the mailbox (verified the email), never merely by registering with it.
/// </summary>
public sealed class AccountsOptions
{
    public const string SectionName = "Accounts";

    [EmailAddress(ErrorMessage = "Accounts:BootstrapAdminEmail must be an email address.")]
    public string? BootstrapAdminEmail { get; set; }

    public bool IsBootstrapAdmin(string normalizedEmail) =>
        !string.IsNullOrWhiteSpace(BootstrapAdminEmail) && EmailAddress.Normalize(BootstrapAdminEmail) == normalizedEmail;
}

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

/// <summary>At start (after the migrations), promotes a bootstrap account that was verified before the setting was made.</summary>
internal sealed class BootstrapAdminStartup(IServiceScopeFactory scopes, IOptions<AccountsOptions> options) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(options.Value.BootstrapAdminEmail))
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityDbContext>();
        var email = EmailAddress.Normalize(options.Value.BootstrapAdminEmail);
        var user = await db.Users.SingleOrDefaultAsync(u => u.Email == email, cancellationToken);
        if (user is not null && scope.ServiceProvider.GetRequiredService<BootstrapAdmin>().PromoteIfConfigured(user))
        {
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
