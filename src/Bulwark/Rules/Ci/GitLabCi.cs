using Bulwark.Documents;
using Bulwark.Documents.Yaml;
using Bulwark.Core;

namespace Bulwark.Rules.Ci;

/// <summary>A check on `.gitlab-ci.yml`, read as YAML.</summary>
public abstract class GitLabRule : DocumentRule<YamlFile>
{
    static readonly FileKind[] GitLab = [FileKind.GitLabCi];
    public override IReadOnlyList<FileKind> Kinds => GitLab;
    public override DocumentFormat FormatFor(FileKind kind) => YamlFormat.Instance;
}

/// <summary>The shape of a GitLab CI file: jobs, their scripts and variables.</summary>
public static class GitLabCi
{
    /// <summary>Top-level keys that are settings, not jobs.</summary>
    static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "image", "services", "stages", "types", "before_script", "after_script", "variables", "cache", "include", "workflow", "default", "spec",
    };

    /// <summary>Jobs (and hidden `.templates`) of the file, with their names.</summary>
    public static IEnumerable<(YamlScalar Name, YamlMapping Job)> Jobs(YamlMapping root)
    {
        foreach (var (key, value) in root.Pairs())
            if (!Keywords.Contains(key.Value) && value is YamlMapping job) yield return (key, job);
    }

    /// <summary>Every script line of a mapping's `script`, `before_script` and `after_script` (nested lists flattened).</summary>
    public static IEnumerable<YamlScalar> ScriptLines(YamlMapping owner)
    {
        foreach (var key in new[] { "before_script", "script", "after_script" })
            foreach (var line in Flatten(owner[key], 0))
                yield return line;
    }

    static IEnumerable<YamlScalar> Flatten(YamlNode? node, int depth)
    {
        if (node is YamlScalar s && !s.IsNull) yield return s;
        else if (node is YamlSequence seq && depth < 8)
            foreach (var item in seq.Items)
                foreach (var line in Flatten(item, depth + 1))
                    yield return line;
    }

    /// <summary>The `variables:` blocks of the file: top level, `default`, and each job.</summary>
    public static IEnumerable<(string Where, YamlMapping Variables)> VariableBlocks(YamlMapping root)
    {
        if (root.GetMapping("variables") is { } top) yield return ("global variables", top);
        foreach (var (name, job) in Jobs(root))
            if (job.GetMapping("variables") is { } vars) yield return ($"job `{name.Value}` variables", vars);
    }

    /// <summary>Predefined variables whose text the author of a merge request, commit or branch chooses.</summary>
    public static readonly HashSet<string> UserControlledVariables = new(StringComparer.Ordinal)
    {
        "CI_MERGE_REQUEST_TITLE", "CI_MERGE_REQUEST_DESCRIPTION", "CI_MERGE_REQUEST_SOURCE_BRANCH_NAME",
        "CI_COMMIT_MESSAGE", "CI_COMMIT_TITLE", "CI_COMMIT_DESCRIPTION", "CI_COMMIT_TAG_MESSAGE", "CI_COMMIT_AUTHOR",
        "CI_COMMIT_BRANCH", "CI_COMMIT_REF_NAME", "CI_COMMIT_TAG", "CI_EXTERNAL_PULL_REQUEST_SOURCE_BRANCH_NAME",
        "CI_MERGE_REQUEST_SOURCE_BRANCH_SHA_MESSAGE",
    };
}
