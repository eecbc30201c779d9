using YamlDotNet.RepresentationModel;

namespace ClosetConnect.AppHost.Tests.Deployment;

/// <summary>The GitHub workflows keep the pipeline the guide asks for (they cannot run here, so their shape is checked).</summary>
public sealed class WorkflowTests
{
    [Test]
    public void Ci_builds_checks_format_and_vulnerable_packages_and_gates_tests_on_70_percent_line_coverage()
    {
        var steps = Steps(Workflow("ci.yml"), "build-and-test");

        Assert.Multiple(() =>
        {
            Assert.That(steps, Has.Some.Contain("dotnet build ClosetConnect.sln"));
            Assert.That(steps, Has.Some.Contain("dotnet format").And.Contain("--verify-no-changes"));
            Assert.That(steps, Has.Some.Contain("--vulnerable --include-transitive").And.Contain("High|Critical").And.Contain("exit 1"));
            Assert.That(steps, Has.Some.Contain("./test.sh").And.Contain("XPlat Code Coverage"));
            Assert.That(steps, Has.Some.Contain("coverage-gate.py").And.Contain(" 70"));
        });
    }

    [Test]
    public void Cd_tags_images_with_the_commit_deploys_staging_smoke_tests_and_waits_for_approval_before_production()
    {
        var workflow = Workflow("cd.yml");
        var jobs = (YamlMappingNode)workflow["jobs"];

        Assert.Multiple(() =>
        {
            Assert.That(Steps(workflow, "images"), Has.Some.Contain("${{ github.sha }}"));
            foreach (var (job, environment) in new[] { ("deploy-staging", "staging"), ("deploy-production", "production") })
            {
                var steps = Steps(workflow, job);
                Assert.That(Scalar(((YamlMappingNode)jobs[job])["environment"], "name"), Is.EqualTo(environment), job);
                Assert.That(steps, Has.Some.Contain("kubectl apply -k"), job);
                Assert.That(steps, Has.Some.Contain("/health /api/v1/health"), job);
                Assert.That(StepsWithCondition(workflow, job, "failure()"), Has.Some.Contain("kubectl rollout undo"), job);
            }
            Assert.That(((YamlMappingNode)jobs["deploy-production"])["needs"].ToString(), Is.EqualTo("deploy-staging"));
        });
    }

    private static YamlMappingNode Workflow(string fileName)
    {
        var yaml = new YamlStream();
        using var reader = new StreamReader(RepositoryPaths.File(".github", "workflows", fileName));
        yaml.Load(reader);
        return (YamlMappingNode)yaml.Documents.Single().RootNode;
    }

    /// <summary>Each step of a job as one string: its name, <c>run</c> script and <c>with</c> values.</summary>
    private static List<string> Steps(YamlMappingNode workflow, string job) =>
        [.. StepNodes(workflow, job).Select(Describe)];

    private static List<string> StepsWithCondition(YamlMappingNode workflow, string job, string condition) =>
        [.. StepNodes(workflow, job).Where(s => s.Children.TryGetValue("if", out var value) && value.ToString() == condition).Select(Describe)];

    private static IEnumerable<YamlMappingNode> StepNodes(YamlMappingNode workflow, string job) =>
        ((YamlSequenceNode)((YamlMappingNode)((YamlMappingNode)workflow["jobs"])[job])["steps"]).Cast<YamlMappingNode>();

    private static string Describe(YamlMappingNode step) =>
        string.Join("\n", step.AllNodes.OfType<YamlScalarNode>().Select(n => n.Value));

    private static string? Scalar(YamlNode node, string key) => ((YamlMappingNode)node)[key].ToString();
}
