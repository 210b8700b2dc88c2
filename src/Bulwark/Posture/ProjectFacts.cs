using Bulwark.Dependencies.Manifests;
using Bulwark.Documents.GitHubActions;
using Bulwark.Documents.Yaml;
using Bulwark.Core;

namespace Bulwark.Posture;

/// <summary>A file of the project as the posture check reads it: its path and its text on demand (null when unreadable).</summary>
public sealed record PostureFile(string RelativePath, Func<string?> Read);

/// <summary>A command or action a CI pipeline runs, where it is written, and through what it runs (`tox.ini` via `tox`).</summary>
public sealed record CiCommand(string Path, int Line, string Text, string? Via = null);

/// <summary>
/// What the posture check knows about a project, read once from its files: what its CI pipelines run (GitHub
/// Actions, GitLab CI, Jenkins, CircleCI, Azure Pipelines, Travis, Bitbucket), including through task runners
/// they call (tox, nox, make, pre-commit, just, invoke), and its configuration files.
/// </summary>
public sealed class ProjectFacts
{
    readonly Dictionary<string, PostureFile> _byPath = new(StringComparer.Ordinal);
    readonly Dictionary<string, string?> _text = new(StringComparer.Ordinal);
    readonly Dictionary<string, TomlValue?> _toml = new(StringComparer.Ordinal);

    public IReadOnlyList<PostureFile> Files { get; }
    /// <summary>CI files found (GitHub workflows, `.gitlab-ci.yml`, Jenkinsfile…).</summary>
    public List<string> CiFiles { get; } = [];
    /// <summary>Shell lines and `uses:` references of every CI file, then what the task runners they call run.</summary>
    public List<CiCommand> Commands { get; } = [];
    /// <summary>Hooks of `.pre-commit-config.yaml`: (id, its line, the hook repository).</summary>
    public List<(string Id, int Line, string Repo)> PreCommitHooks { get; } = [];
    public string? PreCommitPath { get; private set; }
    /// <summary>True when some CI pipeline runs pre-commit (or pre-commit.ci is configured).</summary>
    public CiCommand? PreCommitInCi { get; private set; }

    public ProjectFacts(IReadOnlyList<PostureFile> files)
    {
        Files = files;
        foreach (var f in files) _byPath[f.RelativePath] = f;
        ReadCi();
        ReadPreCommit();
        ReadTaskRunners();
    }

    public bool Exists(string path) => _byPath.ContainsKey(path);

    /// <summary>
    /// Files that belong to the project itself rather than to its tests, fixtures, examples, samples, documentation or
    /// benchmarks (where a pinned requirement or a log call says nothing about the application).
    /// </summary>
    public static bool IsProjectCode(string path)
    {
        foreach (var part in path.Split('/').SkipLast(1))
            if (part.ToLowerInvariant() is "tests" or "test" or "testing" or "fixtures" or "examples" or "example" or "samples" or "sample" or "docs"
                or "doc" or "bench" or "benchmarks" or "benchmark" or "testdata" or "test_data")
                return false;
        return true;
    }

    /// <summary>The file's text, read once; null when absent or unreadable.</summary>
    public string? Text(string path)
    {
        if (_text.TryGetValue(path, out var t)) return t;
        string? text = null;
        if (_byPath.TryGetValue(path, out var f))
        {
            try { text = f.Read(); } catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { }
        }
        return _text[path] = text;
    }

    /// <summary>The first existing path among the candidates (compared case-insensitively).</summary>
    public string? FirstOf(params string[] candidates)
    {
        foreach (var c in candidates)
            foreach (var f in Files)
                if (f.RelativePath.Equals(c, StringComparison.OrdinalIgnoreCase)) return f.RelativePath;
        return null;
    }

    public TomlValue? Toml(string path)
    {
        if (_toml.TryGetValue(path, out var v)) return v;
        var text = Text(path);
        return _toml[path] = text is null ? null : TomlTree.Parse(text, out _);
    }

    public TomlValue? Pyproject => Exists("pyproject.toml") ? Toml("pyproject.toml") : null;

    /// <summary>1-based line of an offset in a file's text.</summary>
    public int LineOf(string path, int offset)
    {
        var text = Text(path) ?? "";
        return text.AsSpan(0, Math.Clamp(offset, 0, text.Length)).Count('\n') + 1;
    }

    /// <summary>The first line of a file containing <paramref name="needle"/> (case-insensitive), as evidence; null when none.</summary>
    public PostureEvidence? LineContaining(string path, string needle, string? describe = null)
    {
        var text = Text(path);
        if (text is null) return null;
        int i = text.IndexOf(needle, StringComparison.OrdinalIgnoreCase);
        if (i < 0) return null;
        int line = LineOf(path, i);
        return new PostureEvidence(path, line, describe ?? LineText(text, i));
    }

    static string LineText(string text, int offset)
    {
        int s = text.LastIndexOf('\n', Math.Max(0, offset - 1)) + 1;
        if (offset == 0) s = 0;
        int e = text.IndexOf('\n', offset);
        var line = text[s..(e < 0 ? text.Length : e)].Trim();
        return line.Length > 120 ? line[..117] + "…" : line;
    }

    void ReadCi()
    {
        foreach (var f in Files)
        {
            // Only the project's own pipelines: those its CI service reads, not a nested sample's or a test fixture's.
            var kind = FileKinds.Classify(f.RelativePath);
            var name = f.RelativePath;
            bool atRoot = !name.Contains('/');
            if (kind == FileKind.GitHubWorkflow && name.StartsWith(".github/workflows/", StringComparison.Ordinal)) ReadGitHubWorkflow(name);
            else if ((kind == FileKind.GitLabCi && (atRoot || name.StartsWith(".gitlab/", StringComparison.Ordinal))) ||
                     name is ".circleci/config.yml" or "azure-pipelines.yml" or ".travis.yml" or "bitbucket-pipelines.yml" ||
                     name.StartsWith(".azure-pipelines/", StringComparison.Ordinal))
                ReadYamlCi(name);
            else if (kind == FileKind.Jenkinsfile && (atRoot || name.StartsWith("jenkins/", StringComparison.Ordinal) || name.StartsWith(".jenkins/", StringComparison.Ordinal)))
                ReadLines(name);
            else if (kind == FileKind.GitHubAction && name.StartsWith(".github/", StringComparison.Ordinal)) ReadGitHubWorkflow(name, action: true);
        }
    }

    void ReadGitHubWorkflow(string path, bool action = false)
    {
        var text = Text(path);
        if (text is null || !YamlLoader.TryLoad(text, out var yaml, out _)) return;
        if (!action) CiFiles.Add(path);
        var doc = action ? null : ActionsFormat.ReadWorkflow(yaml!);
        if (doc is null)
        {
            // An action of the repository (`.github/actions/x/action.yml`): its scalar lines are commands too.
            AddScalars(path, yaml!.Root);
            return;
        }
        foreach (var job in doc.Jobs)
        {
            if (job.UsesNode is { } ju) Commands.Add(new CiCommand(path, ju.Line, "uses: " + ju.Value));
            foreach (var step in job.Steps)
            {
                if (step.UsesNode is { } u)
                {
                    var with = step.With is { } w ? " " + string.Join(" ", w.Pairs().Select(p => p.Key.Value + "=" + (p.Value as YamlScalar)?.Value)) : "";
                    Commands.Add(new CiCommand(path, u.Line, "uses: " + u.Value + with));
                }
                if (step.Run is { } run) AddLines(path, run);
            }
        }
    }

    void ReadYamlCi(string path)
    {
        var text = Text(path);
        if (text is null || !YamlLoader.TryLoad(text, out var yaml, out _)) return;
        CiFiles.Add(path);
        foreach (var d in yaml!.Documents) AddScalars(path, d.Root);
    }

    void AddScalars(string path, YamlNode? root)
    {
        if (root is null) return;
        var seen = new HashSet<YamlNode>(ReferenceEqualityComparer.Instance);
        var stack = new Stack<YamlNode>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            var n = stack.Pop();
            if (!seen.Add(n)) continue;
            switch (n)
            {
                case YamlScalar s: AddLines(path, s); break;
                case YamlSequence q: foreach (var i in q.Items) stack.Push(i); break;
                case YamlMapping m: foreach (var e in m.Entries) stack.Push(e.Value); break;
            }
        }
    }

    void AddLines(string path, YamlScalar scalar)
    {
        var lines = scalar.Value.Split('\n');
        // Block scalars start on the line after their indicator.
        int first = scalar.Style is YamlScalarStyle.Literal or YamlScalarStyle.Folded ? scalar.Line + 1 : scalar.Line;
        for (int i = 0; i < lines.Length; i++)
            if (lines[i].Trim().Length > 0) Commands.Add(new CiCommand(path, first + i, lines[i].Trim()));
    }

    void ReadLines(string path)
    {
        var text = Text(path);
        if (text is null) return;
        CiFiles.Add(path);
        var lines = text.Split('\n');
        for (int i = 0; i < lines.Length; i++)
            if (lines[i].Trim().Length > 0) Commands.Add(new CiCommand(path, i + 1, lines[i].Trim()));
    }

    void ReadPreCommit()
    {
        PreCommitPath = FirstOf(".pre-commit-config.yaml", ".pre-commit-config.yml");
        if (PreCommitPath is null) return;
        var text = Text(PreCommitPath);
        if (text is null || !YamlLoader.TryLoad(text, out var yaml, out _) || yaml!.Root is not YamlMapping root) return;
        if (root.GetSequence("repos") is { } repos)
            foreach (var item in repos.Items)
            {
                if (item is not YamlMapping repo) continue;
                var url = repo.GetString("repo") ?? "";
                if (repo.GetSequence("hooks") is not { } hooks) continue;
                foreach (var h in hooks.Items)
                    if (h is YamlMapping hook && hook["id"] is YamlScalar id)
                        PreCommitHooks.Add((id.Value, id.Line, url));
            }
        if (root.ContainsKey("ci"))
            PreCommitInCi = new CiCommand(PreCommitPath, root.KeyNode("ci")!.Line, "pre-commit.ci configuration (`ci:`)");
    }

    /// <summary>Task runners a pipeline may call, and the files that say what they run.</summary>
    static readonly (string Word, string[] Files)[] Runners =
    [
        ("tox", ["tox.ini", "tox.toml"]),
        ("nox", ["noxfile.py"]),
        ("make", ["Makefile", "makefile", "GNUmakefile"]),
        ("just", ["justfile", "Justfile", ".justfile"]),
        ("invoke", ["tasks.py"]),
        ("inv", ["tasks.py"]),
    ];

    void ReadTaskRunners()
    {
        foreach (var c in Commands.ToList())
        {
            var lower = c.Text.ToLowerInvariant();
            if (PreCommitInCi is null && (lower.Contains("pre-commit run", StringComparison.Ordinal) || lower.Contains("pre-commit/action", StringComparison.Ordinal) ||
                                          lower.Contains("prek run", StringComparison.Ordinal) || lower.Contains("action-pre-commit", StringComparison.Ordinal)))
                PreCommitInCi = c;
            foreach (var (word, files) in Runners)
            {
                if (!ContainsWord(lower, word)) continue;
                foreach (var file in files)
                {
                    if (!Exists(file) || Text(file) is not { } text) continue;
                    var lines = text.Split('\n');
                    for (int i = 0; i < lines.Length; i++)
                        if (lines[i].Trim().Length > 0 && !lines[i].TrimStart().StartsWith('#'))
                            Commands.Add(new CiCommand(file, i + 1, lines[i].Trim(), $"{c.Path}:{c.Line} runs `{word}`"));
                }
            }
        }
        if (PreCommitInCi is not null && PreCommitPath is not null)
            foreach (var (id, line, repo) in PreCommitHooks)
                Commands.Add(new CiCommand(PreCommitPath, line, $"pre-commit hook {id} ({repo})", $"{PreCommitInCi.Path}:{PreCommitInCi.Line} runs pre-commit"));
    }

    public static bool ContainsWord(string text, string word)
    {
        int i = 0;
        while ((i = text.IndexOf(word, i, StringComparison.Ordinal)) >= 0)
        {
            bool before = i == 0 || !IsWordChar(text[i - 1]);
            bool after = i + word.Length >= text.Length || !IsWordChar(text[i + word.Length]);
            if (before && after) return true;
            i += word.Length;
        }
        return false;
    }

    static bool IsWordChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '-';
}
