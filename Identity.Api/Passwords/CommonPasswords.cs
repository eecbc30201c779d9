using System.Reflection;

namespace ClosetConnect.Identity.Passwords;

/// <summary>
/// The common-password list shipped with the service (<c>common-passwords.txt</c>, embedded; its header names the
/// source). Loaded once, compared case-insensitively.
/// </summary>
public static class CommonPasswords
{
    private const string ResourceName = "ClosetConnect.Identity.Passwords.common-passwords.txt";

    private static readonly Lazy<HashSet<string>> List = new(Load);

    public static int Count => List.Value.Count;

    /// <summary>
    /// True when the password, or the password without the symbols tacked onto its end ("Password1!" → "password1"),
    /// is on the list: decorating a common password to pass the character rules does not make it uncommon.
    /// </summary>
    public static bool Contains(string password)
    {
        var list = List.Value;
        return list.Contains(password) || list.Contains(password.TrimEnd(TrailingSymbols));
    }

    private static readonly char[] TrailingSymbols = [.. "!@#$%^&*()-_=+[]{};:'\",.<>/?\\|`~ "];

    private static HashSet<string> Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing.");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && !line.StartsWith('#'))
            {
                set.Add(line);
            }
        }

        return set;
    }
}
