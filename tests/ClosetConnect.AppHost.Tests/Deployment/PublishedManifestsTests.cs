using System.Diagnostics;
using ClosetConnect.AppHost.Hosting.Publishing;

namespace ClosetConnect.AppHost.Tests.Deployment;

/// <summary>The committed deploy/k8s is exactly what <c>AppHost publish</c> writes from today's model, and kustomize accepts it.</summary>
public sealed class PublishedManifestsTests
{
    private static readonly string CommittedRoot = RepositoryPaths.File("deploy", "k8s");

    [Test]
    public async Task The_committed_manifests_are_what_publish_generates_from_the_app_model()
    {
        var generated = await PublishedManifests.FilesAsync();
        var committed = Directory.GetFiles(CommittedRoot, "*", SearchOption.AllDirectories)
            .ToDictionary(path => Path.GetRelativePath(CommittedRoot, path).Replace('\\', '/'), File.ReadAllText);

        const string regenerate = "run `dotnet run --project AppHost -- --operation publish --step publish` and commit deploy/k8s";
        Assert.Multiple(() =>
        {
            Assert.That(committed.Keys.Except(generated.Keys), Is.Empty, $"files publish no longer writes: {regenerate}");
            Assert.That(generated.Keys.Except(committed.Keys), Is.Empty, $"files missing from deploy/k8s: {regenerate}");
            foreach (var (path, content) in generated.Where(g => committed.ContainsKey(g.Key)))
            {
                Assert.That(committed[path], Is.EqualTo(content), $"{path} differs: {regenerate}");
            }
        });
    }

    [TestCase("development")]
    [TestCase("staging")]
    [TestCase("production")]
    public async Task Kustomize_renders_every_overlay_into_one_namespace(string overlay)
    {
        var kubectl = new[] { "/usr/bin/kubectl", "/usr/local/bin/kubectl" }.FirstOrDefault(File.Exists);
        if (kubectl is null)
        {
            Assert.Ignore("kubectl is not installed (apt-get install kubectl); the typed checks still ran.");
        }
        using var process = Process.Start(new ProcessStartInfo(kubectl!, ["kustomize", Path.Combine(CommittedRoot, "overlays", overlay)])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.That(process.ExitCode, Is.Zero, await errors);
        var documents = (await output).Split("\n---\n");
        var expectedNamespace = PublishEnvironment.Find(overlay)!.Namespace;
        Assert.That(documents.Where(d => !d.Contains("kind: Namespace\n", StringComparison.Ordinal)),
            Has.All.Contain($"\n  namespace: {expectedNamespace}"));
    }
}
