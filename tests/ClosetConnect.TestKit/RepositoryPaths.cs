namespace ClosetConnect.TestKit;

/// <summary>The checkout the tests run from: fixtures, committed files (appsettings, manifests, workflows), builds.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string File(params string[] relative) => Path.Combine([Root, .. relative]);

    public static string VisionFixture(string relative) => Path.Combine(Root, "tests", "fixtures", "vision", relative);

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (System.IO.File.Exists(Path.Combine(directory.FullName, "ClosetConnect.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Tests run from inside the repository.");
    }
}
