namespace ClosetConnect.Identity.Accounts;

/// <summary>The authorization policy of admin-only endpoints: role <c>admin</c> in the access token; anyone else gets 403.</summary>
public static class AdminPolicy
{
    public const string Name = "admin";
}
