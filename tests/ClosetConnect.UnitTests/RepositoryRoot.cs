namespace ClosetConnect.UnitTests;

/// <summary>The checkout the tests run from, for tests about committed files (appsettings, manifests, workflows).</summary>
public static class RepositoryRoot
{
    public static string Path { get; } = Find();

    public static string File(params string[] relative) => System.IO.Path.Combine([Path, .. relative]);

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (System.IO.File.Exists(System.IO.Path.Combine(directory.FullName, "ClosetConnect.sln")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException("Tests run from inside the repository.");
    }
}
