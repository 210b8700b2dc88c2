using Bulwark.Documents.GitHubActions;
using Bulwark.Core;
using Bulwark.Engine;
using Bulwark.Rules.Ci;

namespace Bulwark.Tests.Rules;

public class CiHelperTests
{
    [Theory]
    [InlineData("sudo -E make test && FOO=1 pytest -x; (cd docs && sphinx-build . out)", "make,pytest,cd,sphinx-build")]
    [InlineData("if [ -f x ]; then ./run.sh; fi", "[,./run.sh,fi")]
    [InlineData("echo \"a; b\" | tee out.txt", "echo,tee")]
    [InlineData("env A=1 B=2 python -m build", "python")]
    public void Command_words_skip_assignments_prefixes_and_quoted_separators(string line, string expected) =>
        Assert.Equal(expected.Split(','), ShellScript.CommandWords(line));

    [Theory]
    [InlineData("echo \"$TOKEN\"", true)]
    [InlineData("cat <<EOF", true)]
    [InlineData("echo \"$TOKEN\" | docker login --password-stdin", false)]
    [InlineData("echo \"$TOKEN\" > token.txt", false)]
    [InlineData("echo \"a > b\"", true)]
    [InlineData("cat file.txt", false)]
    [InlineData("catalog-tool run", false)]
    public void Printing_to_the_log_is_a_print_command_not_piped_or_redirected(string line, bool expected) =>
        Assert.Equal(expected, ShellScript.PrintsToLog(line));

    [Fact]
    public void Variable_references_of_every_shell_are_found()
    {
        var refs = ShellScript.VariableReferences("echo $A ${B:-x} $env:C %D% 100% $1 $").Select(r => r.Name);
        Assert.Equal(["A", "B", "C", "D"], refs);
    }

    [Theory]
    [InlineData("msg=$(echo hi)", "msg")]
    [InlineData("  export TITLE=\"$X\"", "TITLE")]
    [InlineData("declare -r NAME=1", "NAME")]
    [InlineData("$x = Get-Thing", "x")]
    [InlineData("if [ \"$a\" == \"b\" ]; then", null)]
    [InlineData("test a == b", null)]
    public void Assignments_name_their_variable(string line, string? expected) => Assert.Equal(expected, ShellScript.Assignment(line));

    [Theory]
    [InlineData("curl -sSL https://x/i.sh | bash", true)]
    [InlineData("curl -fsSL https://x/i.sh | sudo -E bash -s -- --yes", true)]
    [InlineData("wget -qO- https://x | python3 -", true)]
    [InlineData("sh -c \"$(curl -fsSL https://x)\"", true)]
    [InlineData("source <(curl -s https://x)", true)]
    [InlineData("curl -s https://api.x/data | jq .", false)]
    [InlineData("curl -o install.sh https://x && sh install.sh", false)]
    public void Remote_script_execution_is_recognised(string line, bool expected) =>
        Assert.Equal(expected, ShellScript.RemoteScriptExecution(line).Success);

    [Theory]
    [InlineData("eval \"echo $TITLE\"", "TITLE")]
    [InlineData("bash -c \"notify $TITLE\"", "TITLE")]
    [InlineData("python3 -c \"print('$TITLE')\"", "TITLE")]
    [InlineData("sh -c 'echo \"$TITLE\"'", "")]
    [InlineData("echo \"$TITLE\"", "")]
    public void Reevaluated_variables_are_those_inside_code_strings(string line, string expected) =>
        Assert.Equal(expected, string.Join(",", ShellScript.ReevaluatedVariables(line).Select(v => v.Name)));

    [Theory]
    [InlineData("github.event.issue.title", "github.event.issue.title")]
    [InlineData("github.event['issue'].title", "github.event.issue.title")]
    [InlineData("github.event.commits[0].message", "github.event.commits.*.message")]
    [InlineData("GitHub.Event.Commits.*.Message", "github.event.commits.*.message")]
    public void Context_paths_are_normalised(string expression, string expected) =>
        Assert.Equal(expected, Expressions.PathOf(Expressions.Parse(expression)!)!.ToString());

    [Theory]
    [InlineData("github.event.issue.title", "github.event.issue.title")]
    [InlineData("contains(github.event.issue.title, 'x')", "")]
    [InlineData("github.event.issue.title == 'x' && 'a' || 'b'", "")]
    [InlineData("format('{0} {1}', github.head_ref, github.sha)", "github.head_ref,github.sha")]
    [InlineData("toJSON(github.event.issue)", "github.event.issue")]
    [InlineData("fromJSON(steps.x.outputs.y).z", "steps.x.outputs.y")]
    [InlineData("!github.event.issue.title", "")]
    [InlineData("inputs.a || inputs.b", "inputs.a,inputs.b")]
    public void Expression_value_sources_follow_what_can_reach_the_result(string expression, string expected) =>
        Assert.Equal(expected, string.Join(",", Expressions.ValueSources(Expressions.Parse(expression)!)));

    [Fact]
    public void Expression_fences_are_found_with_strings_holding_braces_and_deep_nesting_is_refused()
    {
        var text = "a ${{ format('}}', x) }} b ${{ y }} ${{ unclosed";
        var spans = Expressions.Find(text);
        Assert.Equal(["${{ format('}}', x) }}", "${{ y }}"], spans.Select(s => text[s.Start..s.End]));
        Assert.Null(Expressions.Parse(new string('(', 10_000) + "x" + new string(')', 10_000)));
        Assert.Null(Expressions.Parse("a ==="));
    }

    [Theory]
    [InlineData("/r/.github/workflows/ci.yml", FileKind.GitHubWorkflow)]
    [InlineData("/r/.github/workflows/sub/ci.yaml", FileKind.Yaml)]
    [InlineData("/r/not.github/workflows/ci.yml", FileKind.Yaml)]
    [InlineData("/r/.github/actions/x/action.yml", FileKind.GitHubAction)]
    [InlineData("/r/.gitlab-ci.yml", FileKind.GitLabCi)]
    [InlineData("/r/ci/deploy.gitlab-ci.yml", FileKind.GitLabCi)]
    [InlineData("/r/Jenkinsfile", FileKind.Jenkinsfile)]
    [InlineData("/r/Jenkinsfile.release", FileKind.Jenkinsfile)]
    [InlineData("/r/src/Jenkinsfile.cs", FileKind.Other)]
    [InlineData("/r/.pre-commit-config.yaml", FileKind.PreCommitConfig)]
    [InlineData("/r/requirements-dev.txt", FileKind.Requirements)]
    [InlineData("/r/pyproject.toml", FileKind.Toml)]
    [InlineData("/r/setup.cfg", FileKind.Ini)]
    [InlineData("/r/Dockerfile.prod", FileKind.Dockerfile)]
    [InlineData("/r/.env.local", FileKind.Env)]
    [InlineData("/r/app/main.py", FileKind.Python)]
    [InlineData("/r/nb.ipynb", FileKind.Notebook)]
    public void File_kinds_come_from_the_path_alone(string path, FileKind expected) =>
        Assert.Equal(expected, FileKinds.Classify(path));

    [Theory]
    [InlineData("actions/checkout@v4", "actions/checkout", "v4", false)]
    [InlineData("github/codeql-action/init@v3", "github/codeql-action", "v3", false)]
    [InlineData("pypa/gh-action-pypi-publish@76f52bc884231f62b9a034ebfe128415bbaabdfc", "pypa/gh-action-pypi-publish", "76f52bc884231f62b9a034ebfe128415bbaabdfc", true)]
    [InlineData("some/action", "some/action", null, false)]
    public void Uses_references_are_parsed(string raw, string slug, string? gitRef, bool sha)
    {
        var u = UsesRef.Parse(raw);
        Assert.Equal((slug, gitRef, sha), (u.Slug, u.Ref, u.IsCommitSha));
    }

    [Theory]
    [InlineData("python", "python", null, null)]
    [InlineData("postgres:16", "postgres", "16", null)]
    [InlineData("localhost:5000/app", "localhost:5000/app", null, null)]
    [InlineData("ghcr.io/o/i:1.2@sha256:abc", "ghcr.io/o/i", "1.2", "sha256:abc")]
    [InlineData("docker://alpine:3.20", "alpine", "3.20", null)]
    public void Image_references_are_parsed(string raw, string name, string? tag, string? digest)
    {
        var i = ImageRef.Parse(raw);
        Assert.Equal((name, tag, digest), (i.Name, i.Tag, i.Digest));
    }

    [Theory]
    [InlineData("DB_PASSWORD", true)]
    [InlineData("api-token", true)]
    [InlineData("AWS_SECRET_ACCESS_KEY", true)]
    [InlineData("TOKEN_URL", false)]
    [InlineData("PASSWORD_FILE", false)]
    [InlineData("KEYWORDS", false)]
    [InlineData("PYTHON_VERSION", false)]
    public void Credential_names(string name, bool expected) => Assert.Equal(expected, CredentialText.IsCredentialName(name));

    [Theory]
    [InlineData("ghp_0123456789abcdefghijklmnopqrstuvwxyzAB", true)]
    [InlineData("9f8e7d6c5b4a39281726354f", true)]
    [InlineData("postgres", false)]
    [InlineData("polar123456789", false)]
    [InlineData("changeme-please-0000", false)]
    [InlineData("${{ secrets.X }}", false)]
    public void Credential_values(string value, bool expected) => Assert.Equal(expected, CredentialText.LooksLikeCredential(value));
}
