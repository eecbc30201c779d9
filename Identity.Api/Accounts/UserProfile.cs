namespace ClosetConnect.Identity.Accounts;

public sealed record UserProfile(Guid Id, string Email, string Username, string FullName, string Role, IReadOnlyList<string> Roles, bool EmailVerified, DateTimeOffset CreatedAt);
