namespace Bulwark.Core;

/// <summary>
/// What a discovered file is, decided from its path alone before it is read, so that the rules (and the
/// document parser) of that kind can be chosen without touching the disk.
/// </summary>
public enum FileKind
{
    /// <summary>Any other file (text or binary, unknown until read).</summary>
    Other,
    Python,
    /// <summary>A Jupyter notebook (`.ipynb`).</summary>
    Notebook,
    /// <summary>A pip requirements file (`requirements*.txt`, `*.in` constraints and the like).</summary>
    Requirements,
    Toml,
    Yaml,
    Json,
    /// <summary>INI-style configuration (`.ini`, `.cfg`, `.flake8`, `.pylintrc`…).</summary>
    Ini,
    Dockerfile,
    Shell,
    /// <summary>A dotenv file (`.env`, `.env.local`, `prod.env`).</summary>
    Env,
    /// <summary>A GitHub Actions workflow: `.github/workflows/*.yml|yaml`.</summary>
    GitHubWorkflow,
    /// <summary>A GitHub Actions action definition: `action.yml` / `action.yaml` (composite, Docker or JavaScript).</summary>
    GitHubAction,
    /// <summary>GitLab CI configuration: `.gitlab-ci.yml` (and `*.gitlab-ci.yml`).</summary>
    GitLabCi,
    /// <summary>A Jenkins pipeline: `Jenkinsfile`, `Jenkinsfile.*`, `*.jenkinsfile`.</summary>
    Jenkinsfile,
    /// <summary>pre-commit's `.pre-commit-config.yaml`.</summary>
    PreCommitConfig,
}

public static class FileKinds
{
    /// <summary>The kind of the file at <paramref name="path"/> ('/' or the platform separator; absolute or relative).</summary>
    public static FileKind Classify(string path)
    {
        var p = path.Replace('\\', '/');
        int slash = p.LastIndexOf('/');
        var name = slash >= 0 ? p[(slash + 1)..] : p;
        var lower = name.ToLowerInvariant();
        var ext = Path.GetExtension(lower);
        bool yaml = ext is ".yml" or ".yaml";

        if (yaml && IsInWorkflowsDirectory(p, slash)) return FileKind.GitHubWorkflow;
        if (lower is "action.yml" or "action.yaml") return FileKind.GitHubAction;
        if (lower == ".gitlab-ci.yml" || lower.EndsWith(".gitlab-ci.yml", StringComparison.Ordinal)) return FileKind.GitLabCi;
        if (lower is ".pre-commit-config.yaml" or ".pre-commit-config.yml") return FileKind.PreCommitConfig;
        if (lower == "jenkinsfile" || ext == ".jenkinsfile" ||
            (lower.StartsWith("jenkinsfile.", StringComparison.Ordinal) && !NotJenkinsExtensions.Contains(ext)))
            return FileKind.Jenkinsfile;
        if (lower == "dockerfile" || lower.StartsWith("dockerfile.", StringComparison.Ordinal) || ext == ".dockerfile" ||
            lower == "containerfile")
            return FileKind.Dockerfile;
        if (lower == ".env" || lower.StartsWith(".env.", StringComparison.Ordinal) || ext == ".env") return FileKind.Env;
        if (IsRequirements(lower, ext)) return FileKind.Requirements;
        if (yaml) return FileKind.Yaml;
        return ext switch
        {
            ".py" or ".pyw" => FileKind.Python,
            ".ipynb" => FileKind.Notebook,
            ".toml" => FileKind.Toml,
            ".json" => FileKind.Json,
            ".ini" or ".cfg" => FileKind.Ini,
            ".sh" or ".bash" or ".zsh" => FileKind.Shell,
            _ => lower is ".flake8" or ".pylintrc" or ".coveragerc" or "pylintrc" ? FileKind.Ini : FileKind.Other,
        };
    }

    // `Jenkinsfile.prod` and `Jenkinsfile.groovy` are pipelines; `Jenkinsfile.cs` or `Jenkinsfile.md` are not.
    static readonly HashSet<string> NotJenkinsExtensions = new(StringComparer.Ordinal)
    {
        ".cs", ".py", ".java", ".kt", ".js", ".ts", ".go", ".rs", ".rb", ".md", ".rst", ".txt", ".json", ".yml", ".yaml", ".xml",
        ".html", ".sh", ".bak", ".orig", ".swp", ".expected", ".snap", ".png", ".svg",
    };

    static bool IsInWorkflowsDirectory(string p, int slash)
    {
        if (slash < 0) return false;
        var dir = p[..slash];
        return dir.EndsWith(".github/workflows", StringComparison.OrdinalIgnoreCase) &&
               (dir.Length == ".github/workflows".Length || dir[^(".github/workflows".Length + 1)] == '/');
    }

    static bool IsRequirements(string lower, string ext)
    {
        if (ext is not (".txt" or ".in")) return false;
        return lower.StartsWith("requirements", StringComparison.Ordinal) || lower.StartsWith("constraints", StringComparison.Ordinal) ||
               lower.Contains("-requirements", StringComparison.Ordinal) || lower.Contains("_requirements", StringComparison.Ordinal);
    }

    /// <summary>Kinds that are YAML documents (GitHub workflows and actions, GitLab CI, pre-commit, plain YAML).</summary>
    public static bool IsYaml(this FileKind kind) =>
        kind is FileKind.Yaml or FileKind.GitHubWorkflow or FileKind.GitHubAction or FileKind.GitLabCi or FileKind.PreCommitConfig;
}
