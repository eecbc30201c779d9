namespace ClosetConnect.Identity.Domain;

/// <summary>The roles an account can hold; an access token carries them in its <c>role</c> claims.</summary>
public static class Roles
{
    public const string User = "user";
    public const string Admin = "admin";
}
