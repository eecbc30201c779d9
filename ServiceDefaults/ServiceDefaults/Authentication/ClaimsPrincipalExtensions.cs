using System.Security.Claims;

namespace ClosetConnect.ServiceDefaults.Authentication;

public static class ClaimsPrincipalExtensions
{
    /// <summary>The caller's user id from the token's <c>sub</c>; endpoints using it require authorization.</summary>
    public static Guid GetUserId(this ClaimsPrincipal principal) =>
        Guid.TryParse(principal.FindFirstValue("sub"), out var id)
            ? id
            : throw new InvalidOperationException("The authenticated principal has no user id ('sub').");
}
