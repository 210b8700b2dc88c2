using System.Text.RegularExpressions;
using Bulwark.Dependencies.Manifests;
using Bulwark.Core;
using Bulwark.Engine;
using Bulwark.Tests.Cli;
using Bulwark.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace Bulwark.Tests.Distribution;

/// <summary>
/// The files other tools read to run Bulwark (pre-commit's hook manifest, the GitHub Action, the GitLab job, the
/// Dockerfile) parse, name what they must, and stay in step with the product. packaging/test-precommit.sh runs the
/// hooks for real; these tests need nothing but the SDK.
/// </summary>
public class IntegrationFileTests
{
    static YamlNode Load(string relative)
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(Path.Combine(RepoPaths.RepoRoot, relative));
        stream.Load(reader);
        return Assert.Single(stream.Documents).RootNode;
    }

    static string? Scalar(YamlNode node, string key) =>
        node is YamlMappingNode m && m.Children.TryGetValue(new YamlScalarNode(key), out var v) && v is YamlScalarNode s ? s.Value : null;

    static YamlNode? Child(YamlNode node, string key) =>
        node is YamlMappingNode m && m.Children.TryGetValue(new YamlScalarNode(key), out var v) ? v : null;

    static List<YamlMappingNode> Hooks() => ((YamlSequenceNode)Load(".pre-commit-hooks.yaml")).Children.Cast<YamlMappingNode>().ToList();

    static YamlMappingNode Hook(string id) => Hooks().Single(h => Scalar(h, "id") == id);

    // Paths a repository holds: Python files, every manifest kind Bulwark reads, and files it does not read.
    static readonly string[] SamplePaths =
    [
        "app.py", "pkg/views.py", "gui/main.pyw", "setup.py", "requirements.txt", "requirements-dev.txt", "sub/requirements_test.txt",
        "requirements/base.txt", "reqs/ci.txt", "constraints.txt", "pyproject.toml", "svc/pyproject.toml", "poetry.lock", "Pipfile",
        "Pipfile.lock", "uv.lock", "pylock.toml", "pylock.dev.toml", "setup.cfg",
        "README.md", "notes.txt", "docs/requirements.md", "mypyproject.toml", "app.pyc", "package-lock.json", "Cargo.lock",
    ];

    static bool BulwarkReads(string path) => FileDiscovery.IsPythonPath(path) || ManifestParsers.KindOf(path) is not null;

    [Fact]
    public void Precommit_manifest_has_a_fast_staged_files_hook_and_a_whole_project_dependency_hook()
    {
        Assert.Equal(new[] { "bulwark", "bulwark-dependencies" }, Hooks().Select(h => Scalar(h, "id") ?? "").ToArray());
        foreach (var hook in Hooks())
        {
            Assert.False(string.IsNullOrWhiteSpace(Scalar(hook, "name")));
            Assert.False(string.IsNullOrWhiteSpace(Scalar(hook, "description")));
            Assert.Equal("system", Scalar(hook, "language"));
            Assert.StartsWith("bulwark scan ", Scalar(hook, "entry"));
            Assert.Equal("true", Scalar(hook, "require_serial"));
            // types_or (used below) needs pre-commit 2.9.
            Assert.True(Version.Parse(Scalar(hook, "minimum_pre_commit_version")!) >= new Version(2, 9, 0));
        }
        var staged = Hook("bulwark");
        Assert.Equal("true", Scalar(staged, "pass_filenames"));
        var types = Assert.IsType<YamlSequenceNode>(Child(staged, "types_or")).Children.Select(n => ((YamlScalarNode)n).Value).ToList();
        Assert.Contains("python", types);
        var deps = Hook("bulwark-dependencies");
        Assert.Equal("false", Scalar(deps, "pass_filenames"));
        Assert.Contains("--select dependencies", Scalar(deps, "entry"));
    }

    [Fact]
    public void Staged_files_hook_passes_exactly_the_files_Bulwark_reads()
    {
        var files = new Regex(Scalar(Hook("bulwark"), "files")!);
        foreach (var path in SamplePaths)
            Assert.True(files.IsMatch(path) == BulwarkReads(path), $"{path}: hook {(files.IsMatch(path) ? "passes" : "skips")} it");
    }

    [Fact]
    public void Dependency_hook_runs_when_any_manifest_is_staged_and_only_then()
    {
        var files = new Regex(Scalar(Hook("bulwark-dependencies"), "files")!);
        foreach (var path in SamplePaths)
            Assert.True(files.IsMatch(path) == ManifestParsers.KindOf(path) is not null, $"{path}: hook {(files.IsMatch(path) ? "runs" : "does not run")}");
    }

    [Theory]
    [InlineData("bulwark")]
    [InlineData("bulwark-dependencies")]
    public void Hook_entries_are_valid_command_lines(string id)
    {
        using var dir = new TempDir();
        var file = dir.Write("app.py", "def add(a, b):\n    return a + b\n");
        var args = Scalar(Hook(id), "entry")!.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1..].Append(file).Append("--isolated").ToArray();
        var (code, _, err) = ExitCodeTests.Run(args);
        Assert.True(code == 0, $"exit {code}: {err}");
    }

    static YamlMappingNode Action() => (YamlMappingNode)Load("action.yml");

    static List<YamlMappingNode> ActionSteps() =>
        ((YamlSequenceNode)Child(Child(Action(), "runs")!, "steps")!).Children.Cast<YamlMappingNode>().ToList();

    [Fact]
    public void Action_is_a_composite_with_the_documented_inputs_and_outputs()
    {
        var action = Action();
        Assert.False(string.IsNullOrWhiteSpace(Scalar(action, "name")));
        Assert.False(string.IsNullOrWhiteSpace(Scalar(action, "description")));
        Assert.Equal("composite", Scalar(Child(action, "runs")!, "using"));
        var inputs = (YamlMappingNode)Child(action, "inputs")!;
        string[] expected = ["paths", "args", "fail-on-findings", "upload-sarif", "sarif-file", "category", "package", "bulwark"];
        Assert.Equal(expected.Order(), inputs.Children.Keys.Select(k => ((YamlScalarNode)k).Value!).Order());
        foreach (var (_, input) in inputs.Children)
        {
            Assert.False(string.IsNullOrWhiteSpace(Scalar(input, "description")));
            Assert.Equal("false", Scalar(input, "required"));
            Assert.NotNull(Scalar(input, "default"));
        }
        Assert.Equal("bulwark.sarif", Scalar(Child(inputs, "sarif-file")!, "default"));
        Assert.Equal("true", Scalar(Child(inputs, "fail-on-findings")!, "default"));
        var outputs = (YamlMappingNode)Child(action, "outputs")!;
        Assert.Contains(new YamlScalarNode("findings"), outputs.Children.Keys);
    }

    [Fact]
    public void Action_pins_every_action_it_uses_to_a_full_commit()
    {
        var uses = ActionSteps().Select(s => Scalar(s, "uses")).OfType<string>().ToList();
        Assert.Contains(uses, u => u.StartsWith("github/codeql-action/upload-sarif@", StringComparison.Ordinal));
        foreach (var u in uses) Assert.Matches(new Regex("^[^@]+@[0-9a-f]{40}$"), u);
    }

    [Fact]
    public void Action_scripts_take_inputs_from_the_environment_not_from_expressions()
    {
        // `${{ inputs.x }}` inside a script is pasted into the shell source: a crafted input would run as code.
        var runs = ActionSteps().Where(s => Scalar(s, "run") is not null).ToList();
        Assert.NotEmpty(runs);
        foreach (var step in runs)
        {
            Assert.DoesNotContain("${{", Scalar(step, "run"));
            Assert.Equal("bash", Scalar(step, "shell"));
        }
    }

    [Fact]
    public void Action_uploads_the_sarif_before_failing_on_findings()
    {
        var steps = ActionSteps();
        int scan = steps.FindIndex(s => Scalar(s, "id") == "scan");
        int upload = steps.FindIndex(s => Scalar(s, "uses")?.StartsWith("github/codeql-action/upload-sarif@", StringComparison.Ordinal) == true);
        int fail = steps.FindIndex(s => Scalar(s, "if")?.Contains("steps.scan.outputs.findings == 'true'", StringComparison.Ordinal) == true);
        Assert.True(scan >= 0 && scan < upload && upload < fail, $"scan {scan}, upload {upload}, fail {fail}");
        Assert.Contains("--format sarif", Scalar(steps[scan], "run"));
        Assert.Equal("${{ inputs.sarif-file }}", Scalar(Child(steps[upload], "with")!, "sarif_file"));
        // Every step output the action refers to comes from a step that exists.
        var ids = steps.Select(s => Scalar(s, "id")).OfType<string>().ToHashSet();
        var text = File.ReadAllText(Path.Combine(RepoPaths.RepoRoot, "action.yml"));
        foreach (Match m in Regex.Matches(text, @"steps\.([A-Za-z0-9_-]+)\.outputs"))
            Assert.Contains(m.Groups[1].Value, ids);
    }

    [Fact]
    public void Gitlab_job_keeps_the_json_report_and_a_code_quality_report()
    {
        var job = Child(Load("docs/ci-integrations/gitlab-ci.yml"), "bulwark")!;
        var script = string.Join("\n", ((YamlSequenceNode)Child(job, "script")!).Children.Select(n => ((YamlScalarNode)n).Value));
        Assert.Contains("bulwark scan", script);
        Assert.Contains("--format json --output bulwark.json", script);
        var artifacts = Child(job, "artifacts")!;
        Assert.Equal("always", Scalar(artifacts, "when"));
        Assert.Equal("gl-code-quality.json", Scalar(Child(artifacts, "reports")!, "codequality"));
    }

    [Fact]
    public void Dockerfile_restores_from_every_project_file_and_runs_as_non_root()
    {
        var dockerfile = File.ReadAllText(Path.Combine(RepoPaths.RepoRoot, "Dockerfile"));
        var copied = Regex.Matches(dockerfile, @"^COPY (src/\S+\.csproj) ", RegexOptions.Multiline).Select(m => m.Groups[1].Value).Order().ToList();
        var projects = Directory.EnumerateFiles(Path.Combine(RepoPaths.RepoRoot, "src"), "*.csproj", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(RepoPaths.RepoRoot, p).Replace('\\', '/')).Order().ToList();
        Assert.Equal(projects, copied);
        Assert.Matches(new Regex(@"^USER [1-9]\d*\s*$", RegexOptions.Multiline), dockerfile);
        Assert.Contains("ENTRYPOINT [\"bulwark\"]", dockerfile);
    }
}
