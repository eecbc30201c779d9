namespace ClosetConnect.Identity.Domain;

/// <summary>The names of audited actions, as they appear in logs and the <c>AuditEvents</c> table.</summary>
public static class AuditActions
{
    public const string Register = "account.register";
    public const string VerifyEmail = "account.verify-email";
    public const string Login = "auth.login";
    public const string Lockout = "auth.lockout";
    public const string Unlock = "account.unlock";
    public const string RefreshTokenReuse = "auth.refresh-token-reuse";
    public const string Logout = "auth.logout";
    public const string PasswordResetRequest = "account.password-reset-request";
    public const string PasswordReset = "account.password-reset";
    public const string RoleGranted = "account.role-granted";
    public const string KeyRotation = "keys.rotate";
    public const string DataExport = "account.data-export";
    public const string Delete = "account.delete";
    public const string RetentionErase = "account.retention-erase";
}
