using Bulwark.Tests.Support;
using YamlDotNet.RepresentationModel;
using static Bulwark.Tests.Cli.ExitCodeTests;

namespace Bulwark.Tests.Cli;

/// <summary>The documented GitHub code-scanning workflow uploads SARIF even when there are findings, with the permission it needs.</summary>
public class GitHubWorkflowTests
{
    static readonly string WorkflowPath = Path.Combine(RepoPaths.RepoRoot, "docs", "ci-integrations", "github-code-scanning.yml");

    static YamlMappingNode Load()
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(WorkflowPath)));
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    static YamlNode? Get(YamlMappingNode m, string key) => m.Children.TryGetValue(new YamlScalarNode(key), out var v) ? v : null;

    [Fact]
    public void The_documented_workflow_uploads_sarif_whatever_the_scan_found()
    {
        var root = Load();
        var job = (YamlMappingNode)((YamlMappingNode)Get(root, "jobs")!).Children.Values.Single();
        var permissions = (YamlMappingNode)Get(job, "permissions")!;
        Assert.Equal("write", Get(permissions, "security-events")!.ToString());

        var steps = ((YamlSequenceNode)Get(job, "steps")!).Children.Cast<YamlMappingNode>().ToList();
        int upload = steps.FindIndex(s => Get(s, "uses")?.ToString().StartsWith("github/codeql-action/upload-sarif@", StringComparison.Ordinal) == true);
        Assert.True(upload > 0, "no upload-sarif step");
        var sarifFile = Get((YamlMappingNode)Get(steps[upload], "with")!, "sarif_file")!.ToString();

        // The step that writes the SARIF file comes before the upload and cannot fail the job before it.
        int scan = steps.FindIndex(s => Get(s, "run")?.ToString().Contains("--format sarif") == true);
        Assert.InRange(scan, 0, upload - 1);
        var command = Get(steps[scan], "run")!.ToString();
        Assert.Contains("--output " + sarifFile, command);
        bool scanNeverFails = command.Contains("--exit-zero");
        bool uploadAlways = Get(steps[upload], "if")?.ToString() is "always()" or "${{ always() }}";
        Assert.True(scanNeverFails || uploadAlways);
        Assert.True(uploadAlways, "the upload should also run when an earlier step failed");

        // Every action is pinned to a full commit SHA.
        foreach (var s in steps)
            if (Get(s, "uses")?.ToString() is { } uses)
                Assert.Matches("@[0-9a-f]{40}$", uses);
    }

    [Fact]
    public void The_documented_workflow_passes_bulwarks_own_ci_audit()
    {
        using var repo = new TempDir();
        Directory.CreateDirectory(Path.Combine(repo.Path, ".git"));
        repo.Write(".github/workflows/bulwark.yml", File.ReadAllText(WorkflowPath));
        var (code, output, _) = Run("scan", repo.Path, "--select", "ci", "--no-posture", "--no-progress");
        Assert.True(code == 0, output);
    }
}
