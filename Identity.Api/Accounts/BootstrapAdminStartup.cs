namespace ClosetConnect.Identity.Accounts;

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
