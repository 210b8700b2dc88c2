using Bulwark.Core;
using Bulwark.Secrets;

namespace Bulwark.Rules.Secrets;

/// <summary>BW804 — a dotenv file with values that git tracks or that `.gitignore` does not cover.</summary>
public sealed class EnvFileExposed : ProjectRule
{
    public override RuleInfo Info { get; } = new(
        Id: SecretRuleIds.EnvFile, Name: "dotenv-file-exposed", Family: Family.Secrets,
        Severity: Severity.Medium, Confidence: Confidence.High, Cwe: 538,
        What: "A dotenv file (`.env`, `.env.local`, `.env.production`, `prod.env`…) that assigns at least one non-placeholder value and is either tracked by git (high severity: its values are in the history) or not covered by `.gitignore` (medium: the next `git add .` commits it). Templates (`.env.example`, `.env.sample`, `.env.template`, `.env.dist`) are meant to be committed and are not reported. Secrets inside the file are reported separately by BW800/BW803.",
        Why: "Dotenv files exist to keep per-environment credentials out of the code; committed, they leak exactly what they were meant to hide, to everyone with the repository.",
        Example: "$ git ls-files\n.env\napp.py",
        Fix: "Stop tracking the file and ignore it: `git rm --cached .env`, add `.env` and `.env.*` (with `!.env.example`) to `.gitignore`, and commit a `.env.example` with placeholder values instead. Keep real values in the deployment's environment or a secret manager (" + SecretHelp.Managers + "). " + SecretHelp.Rotate,
        References: ["https://cwe.mitre.org/data/definitions/538.html", "https://12factor.net/config", "https://git-scm.com/docs/gitignore"])
    {
        Compliance = Compliance.SecretExposure,
        Profiles = RuleProfile.Default,
    };

    public override void Check(ProjectContext context)
    {
        var candidates = new List<ProjectFile>();
        foreach (var f in context.Files)
            if (SecretFiles.IsDotenv(f.RelativePath) && !context.Settings.Secrets.PathAllowed(f.RelativePath)
                && !context.Settings.Secrets.IsTestPath(f.ImportPath)) candidates.Add(f); // fixtures are meant to be committed
        if (candidates.Count == 0) return;
        var tracked = TrackedFiles(context.Root, candidates);
        foreach (var f in candidates)
        {
            if (f.Load() is not { } source || CountValues(source.Text.Text) is var values && values == 0) continue;
            bool isTracked = tracked?.Contains(f.RelativePath) == true;
            bool ignored = !isTracked && IsIgnored(context.Root, f.FullPath);
            if (!isTracked && ignored) continue;
            var message = isTracked
                ? $"Dotenv file `{f.RelativePath}` with {values} value(s) is tracked by git: its values are in the repository's history."
                : $"Dotenv file `{f.RelativePath}` with {values} value(s) is not covered by .gitignore: the next `git add .` commits it.";
            context.Report(new Finding
            {
                Rule = Info,
                Message = message,
                Location = Location.WholeFile(f.RelativePath),
                Severity = isTracked ? Severity.High : Severity.Medium,
                Confidence = tracked is null && !isTracked ? Confidence.Medium : Confidence.High,
                FingerprintKey = isTracked ? "dotenv:tracked" : "dotenv:unignored",
                Properties = new Dictionary<string, PropertyValue> { ["tracked"] = isTracked, ["values"] = (long)values },
            });
        }
    }

    /// <summary>Assignments with a value that is not empty, a placeholder or a reference.</summary>
    static int CountValues(string text)
    {
        int count = 0, ls = 0;
        while (ls < text.Length)
        {
            int le = text.IndexOf('\n', ls);
            if (le < 0) le = text.Length;
            int first = ls;
            while (first < le && text[first] is ' ' or '\t') first++;
            if (first < le && text[first] != '#')
                AssignmentLines.Parse(text, ls, le, false, text, (t, ks, ke, vs, ve) =>
                {
                    if (ve > vs && !SecretValues.IsPlaceholder(t.AsSpan(vs, ve - vs))) count++;
                });
            ls = le + 1;
        }
        return count;
    }

    /// <summary>Paths (relative to the scan root) that git tracks among the candidates; null when git cannot tell.</summary>
    static HashSet<string>? TrackedFiles(string root, List<ProjectFile> candidates)
    {
        var args = new List<string> { "ls-files", "-z", "--" };
        foreach (var c in candidates) args.Add(":(literal)" + c.RelativePath);
        var output = GitCli.Run(root, args);
        if (output is null) return null;
        return output.Split('\0', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
    }

    static bool IsIgnored(string root, string fullPath)
    {
        var ignore = Gitignore.ForRoot(root);
        var dir = Path.GetDirectoryName(fullPath)!;
        var rel = Path.GetRelativePath(root, dir);
        var current = root;
        if (rel != ".")
            foreach (var part in rel.Split(Path.DirectorySeparatorChar))
            {
                current = Path.Combine(current, part);
                if (ignore.IsIgnored(current, isDirectory: true)) return true;
                ignore = ignore.WithDirectory(current);
            }
        return ignore.IsIgnored(fullPath, isDirectory: false);
    }
}
