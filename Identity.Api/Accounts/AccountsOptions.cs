using System.ComponentModel.DataAnnotations;

namespace ClosetConnect.Identity.Accounts;

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
