namespace ClosetConnect.Identity.Application.Audit;

/// <summary>For the rare log line that must mention an email: <c>ann.lee@example.com</c> → <c>a***@example.com</c>.</summary>
public static class EmailMask
{
    public static string Mask(string? email)
    {
        if (string.IsNullOrEmpty(email))
        {
            return "***";
        }

        var at = email.LastIndexOf('@');
        return at <= 0 ? "***" : $"{email[0]}***{email[at..]}";
    }
}
