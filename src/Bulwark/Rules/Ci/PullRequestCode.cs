using System.Text.RegularExpressions;
using Bulwark.Documents.GitHubActions;
using Bulwark.Documents.Yaml;

namespace Bulwark.Rules.Ci;

/// <summary>
/// Knowledge shared by the rules about privileged workflows running a pull request's code: which triggers run
/// with the base repository's privileges while an outsider chooses the code or data, which refs name the
/// untrusted head, which commands run checked-out code, and which conditions keep forks out.
/// </summary>
public static partial class PullRequestCode
{
    /// <summary>Triggers that run with the base repository's token and secrets while a fork's pull request (or a comment on it) can cause them.</summary>
    public static readonly string[] PrivilegedTriggers = ["pull_request_target", "workflow_run", "issue_comment"];

    public static IEnumerable<Trigger> PrivilegedTriggersOf(ActionsDocument document)
    {
        foreach (var t in document.Triggers)
            if (PrivilegedTriggers.Contains(t.Event)) yield return t;
    }

    /// <summary>Expressions and refs that name the pull request's head (or the triggering run's), compared case-insensitively.</summary>
    static readonly string[] HeadNames =
    [
        "github.event.pull_request.head.sha", "github.event.pull_request.head.ref", "github.head_ref",
        "github.event.pull_request.merge_commit_sha", "github.event.pull_request.head.repo.full_name",
        "github.event.workflow_run.head_sha", "github.event.workflow_run.head_branch", "github.event.workflow_run.head_repository.full_name",
    ];

    /// <summary>Does this text (a `ref:` or `repository:` input, a script line) name the pull request's head?</summary>
    public static bool NamesUntrustedHead(string text)
    {
        foreach (var name in HeadNames)
            if (text.Contains(name, StringComparison.OrdinalIgnoreCase)) return true;
        // refs/pull/<n>/merge or /head, however the number is written; `pull/${{ … }}/head` in a fetch refspec.
        int i = text.IndexOf("pull/", StringComparison.OrdinalIgnoreCase);
        while (i >= 0)
        {
            var rest = text.AsSpan(i + 5);
            if (rest.StartsWith("${{", StringComparison.Ordinal)) return true;
            int slash = rest.IndexOf('/');
            if (slash > 0 && (rest[(slash + 1)..].StartsWith("merge", StringComparison.OrdinalIgnoreCase) ||
                              rest[(slash + 1)..].StartsWith("head", StringComparison.OrdinalIgnoreCase)) && !rest[..slash].Contains(' '))
                return true;
            i = text.IndexOf("pull/", i + 5, StringComparison.OrdinalIgnoreCase);
        }
        return false;
    }

    /// <summary>A script line that fetches or checks out the pull request (`gh pr checkout`, `git fetch origin pull/N/head`, `git checkout $HEAD_SHA`).</summary>
    public static bool ScriptChecksOutHead(string line) =>
        (line.Contains("pr checkout", StringComparison.Ordinal) && GhCheckout().IsMatch(line)) ||
        (line.Contains("git", StringComparison.Ordinal) && NamesUntrustedHead(line) && GitFetchOrCheckout().IsMatch(line));

    [GeneratedRegex(@"\b(gh|hub)\s+pr\s+checkout\b", RegexOptions.NonBacktracking | RegexOptions.CultureInvariant)]
    private static partial Regex GhCheckout();

    [GeneratedRegex(@"\bgit\s+(fetch|checkout|switch|pull|reset)\b", RegexOptions.NonBacktracking | RegexOptions.CultureInvariant)]
    private static partial Regex GitFetchOrCheckout();

    /// <summary>Commands that run code from the working tree: installs, builds, tests, package scripts, local scripts.</summary>
    static readonly HashSet<string> CodeRunners = new(StringComparer.Ordinal)
    {
        "python", "python3", "py", "pip", "pip3", "pytest", "tox", "nox", "make", "cmake", "ninja", "npm", "npx", "yarn", "pnpm",
        "node", "bun", "deno", "cargo", "go", "mvn", "gradle", "./gradlew", "./mvnw", "poetry", "uv", "uvx", "hatch", "pdm", "pipenv",
        "pre-commit", "bundle", "rake", "ruby", "perl", "php", "composer", "dotnet", "bash", "sh", "zsh", "source", ".", "docker",
        "docker-compose", "mkdocs", "sphinx-build", "jekyll", "hugo", "maturin", "setup.py", "coverage", "mypy", "pylint",
    };

    /// <summary>Actions that execute code or build files from the checked-out tree.</summary>
    static readonly string[] CodeRunningActions =
    [
        "pre-commit/action", "pypa/cibuildwheel", "docker/build-push-action", "PyO3/maturin-action",
        "borales/actions-yarn", "gradle/gradle-build-action", "gradle/actions", "actions/jekyll-build-pages", "tox-dev/action-pre-commit-uv",
    ];

    /// <summary>Does the step run code from the checked-out tree (for the pwn-request pattern)?</summary>
    public static bool RunsCheckedOutCode(Step step, string text)
    {
        if (step.Uses is { } uses)
        {
            if (uses.Kind == UsesKind.Local) return true;
            foreach (var a in CodeRunningActions) if (uses.Is(a)) return true;
            return false;
        }
        if (step.Run is not { } run) return false;
        foreach (var line in ShellScript.Lines(text, run.Start, Math.Min(run.End, text.Length)))
            foreach (var word in ShellScript.CommandWords(ShellScript.WithoutComment(line.Text)))
                if (CodeRunners.Contains(word) || word.StartsWith("./", StringComparison.Ordinal) || word.EndsWith(".sh", StringComparison.Ordinal) ||
                    word.EndsWith(".py", StringComparison.Ordinal) || word.StartsWith("python3.", StringComparison.Ordinal))
                    return true;
        return false;
    }

    /// <summary>
    /// Conditions (job or step `if:`) that keep outsiders' pull requests out: same-repository heads only, merged
    /// pull requests only, or commenters who are members or collaborators.
    /// </summary>
    public static bool GuardsAgainstForks(string condition)
    {
        if (condition.Length == 0) return false;
        var c = condition.Replace(" ", "", StringComparison.Ordinal);
        return c.Contains("head.repo.full_name==github.repository", StringComparison.Ordinal) ||
               c.Contains("github.repository==github.event.pull_request.head.repo.full_name", StringComparison.Ordinal) ||
               c.Contains("head_repository.full_name==github.repository", StringComparison.Ordinal) ||
               c.Contains("github.repository==github.event.workflow_run.head_repository.full_name", StringComparison.Ordinal) ||
               c.Contains("head.repo.fork==false", StringComparison.Ordinal) || c.Contains("!github.event.pull_request.head.repo.fork", StringComparison.Ordinal) ||
               c.Contains("pull_request.merged==true", StringComparison.Ordinal) || c.Contains("github.event.pull_request.merged", StringComparison.Ordinal) && !c.Contains("merged==false", StringComparison.Ordinal) ||
               c.Contains("author_association", StringComparison.Ordinal);
    }

    /// <summary>The `ref:`/`repository:` input of an `actions/checkout` step when it names the pull request's head; null otherwise.</summary>
    public static YamlScalar? UntrustedCheckoutInput(Step step)
    {
        if (step.Uses is not { } uses || !uses.Is("actions/checkout")) return null;
        foreach (var input in new[] { "ref", "repository" })
            if (step.With?[input] is YamlScalar value && NamesUntrustedHead(value.Value)) return value;
        return null;
    }
}
