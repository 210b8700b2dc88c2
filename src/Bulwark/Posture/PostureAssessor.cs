using System.Text.RegularExpressions;
using Bulwark.Dependencies.Manifests;
using Bulwark.Documents.Yaml;
using Bulwark.Core;

namespace Bulwark.Posture;

/// <summary>
/// Scores the practices that protect a Python application, each from evidence in the repository's files (a CI
/// step, a configuration line) or naming what is missing and how to add it. Static and offline: what only a
/// hosting service knows (branch protection, Dependabot alerts, secret scanning settings) is out of its sight.
/// </summary>
public static partial class PostureAssessor
{
    /// <param name="files">The project's files (the scan's discovered files).</param>
    /// <param name="ciFindings">Findings of the CI rules on this project, or null when they did not run.</param>
    /// <param name="bulwarkScansSecrets">Whether this Bulwark has secret-scanning rules (then a CI step running it counts as secret scanning).</param>
    public static PostureReport Assess(IReadOnlyList<PostureFile> files, IReadOnlyList<Finding>? ciFindings, bool bulwarkScansSecrets)
    {
        var facts = new ProjectFacts(files);
        return new PostureReport(
        [
            TestsInCi(facts),
            SecurityLinterInCi(facts),
            DependencyAuditInCi(facts),
            DependencyUpdates(facts),
            DependenciesPinned(facts),
            SecretScanning(facts, bulwarkScansSecrets),
            TypeCheckingAndLinting(facts),
            SecurityPolicy(facts),
            LoggingHygiene(facts),
            MultiFactorAuthentication(facts),
            CiAudits(facts, ciFindings),
        ]);
    }

    static PostureEvidence Evidence(CiCommand c) =>
        new(c.Path, c.Line, Trim(c.Text) + (c.Via is null ? "" : $" (via {c.Via})"));

    static string Trim(string s) => s.Length > 120 ? s[..117] + "…" : s;

    /// <summary>
    /// Tools recognised in a command by name: a word (`pytest`, not `pytest-cov`) or a phrase (`manage.py test`);
    /// a name with `-` or `/` (`pip-audit`, `codeql-action`) matches anywhere.
    /// </summary>
    sealed class Tool(params string[] names)
    {
        public bool IsIn(string lowerText)
        {
            foreach (var n in names)
                if (n.Contains('-') || n.Contains('/') ? lowerText.Contains(n, StringComparison.Ordinal) : ProjectFacts.ContainsWord(lowerText, n))
                    return true;
            return false;
        }
    }

    /// <summary>The first CI command with a part (between `&amp;&amp;`, `||`, `;`) naming the tool; installs of a tool do not count as running it.</summary>
    static CiCommand? FindCommand(ProjectFacts facts, Tool tool)
    {
        foreach (var c in facts.Commands)
            foreach (var part in c.Text.ToLowerInvariant().Split(["&&", "||", ";"], StringSplitOptions.TrimEntries))
            {
                if (InstallsTools(part)) continue;
                if (tool.IsIn(part)) return c;
            }
        return null;
    }

    static readonly HashSet<string> Installers = new(StringComparer.Ordinal) { "pip", "pip3", "pipx", "conda", "mamba", "apt-get", "apt", "brew", "npm", "go" };

    /// <summary>`pip install bandit`, `uv pip install …`, `uv tool install …`, `poetry add …`: installing is not running.</summary>
    static bool InstallsTools(string lowerPart)
    {
        if (!lowerPart.Contains("install", StringComparison.Ordinal) && !lowerPart.Contains(" add", StringComparison.Ordinal)) return false;
        var words = lowerPart.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        for (int i = 0; i + 1 < words.Length; i++)
        {
            var w = words[i].EndsWith("/pip", StringComparison.Ordinal) ? "pip" : words[i];
            if (Installers.Contains(w) && words[i + 1] == "install") return true;
            if (w is "uv" && words[i + 1] is "pip" or "tool" && i + 2 < words.Length && words[i + 2] == "install") return true;
            if (w is "poetry" or "uv" && words[i + 1] == "add") return true;
            if (w is "-m" && words[i + 1] == "pip" && i + 2 < words.Length && words[i + 2] == "install") return true;
        }
        return false;
    }

    static readonly string NoCi = "no CI configuration was found (.github/workflows, .gitlab-ci.yml, Jenkinsfile, CircleCI, Azure Pipelines, Travis)";

    // ---- tests ----------------------------------------------------------------------------------------------------

    static readonly Tool TestCommand = new("pytest", "py.test", "nose2", "unittest", "tox", "nox", "ward", "manage.py test", "hatch test",
        "hatch run test", "hatch run tests", "coverage run", "make test", "make tests", "make check", "just test", "pdm test", "poe test");

    static PracticeResult TestsInCi(ProjectFacts facts)
    {
        const string how = "Add a workflow (`.github/workflows/tests.yml`) that installs the project and runs `python -m pytest` on every push and pull request.";
        Principle[] principles = [Principle.Integrity, Principle.Availability];
        if (facts.CiFiles.Count == 0)
            return Missing("tests-in-ci", "Tests run in CI", NoCi, "no CI pipeline runs the tests", how, principles);
        if (FindCommand(facts, TestCommand) is { } c)
            return Met("tests-in-ci", "Tests run in CI", $"CI runs the tests: `{Trim(c.Text)}`", [Evidence(c)], principles);
        return Missing("tests-in-ci", "Tests run in CI", $"{facts.CiFiles.Count} CI file(s), but no step runs pytest, unittest, tox or nox",
            "no CI step runs the test suite", how, principles);
    }

    // ---- security linter ------------------------------------------------------------------------------------------

    static readonly Tool SecurityLinter = new("bandit", "bulwark", "semgrep", "codeql-action", "bandit-action", "semgrep-action", "snyk code");
    static readonly Tool RuffCommand = new("ruff");

    /// <summary>`ruff check --select S` / `--extend-select=E,S`: the security rules chosen on the command line.</summary>
    static CiCommand? RuffSelectsSecurityOnCommandLine(ProjectFacts facts)
    {
        foreach (var c in facts.Commands)
        {
            var words = c.Text.Split([' ', '\t', '='], StringSplitOptions.RemoveEmptyEntries);
            if (!words.Contains("ruff")) continue;
            for (int i = 0; i + 1 < words.Length; i++)
                if (words[i] is "--select" or "--extend-select" &&
                    words[i + 1].Trim('"', '\'').Split(',').Any(code => code == "S" || code == "ALL" || (code.Length > 1 && code[0] == 'S' && char.IsAsciiDigit(code[1]))))
                    return c;
        }
        return null;
    }

    static PracticeResult SecurityLinterInCi(ProjectFacts facts)
    {
        const string id = "security-linter-in-ci", title = "A security linter runs in CI";
        Principle[] principles = [Principle.Integrity, Principle.Confidentiality];
        const string how = "Run a security linter on every pull request: `bulwark scan --format sarif -o bulwark.sarif` (and upload it to code scanning), `bandit -r src`, or Ruff with the `S` rules (`[tool.ruff.lint] extend-select = [\"S\"]`).";
        var ruffS = RuffSelectsSecurityRules(facts);
        if ((FindCommand(facts, SecurityLinter) ?? RuffSelectsSecurityOnCommandLine(facts)) is { } c)
            return Met(id, title, $"CI runs a security linter: `{Trim(c.Text)}`", [Evidence(c)], principles);
        if (FindCommand(facts, RuffCommand) is { } ruff)
        {
            if (ruffS is not null)
                return Met(id, title, "CI runs Ruff, whose configuration selects the `S` (flake8-bandit) rules", [Evidence(ruff), ruffS], principles);
            return Missing(id, title, "CI runs Ruff, but without the `S` (flake8-bandit) security rules", "security rules in the Ruff run",
                "Add `\"S\"` to `[tool.ruff.lint] extend-select` in pyproject.toml, or run `bulwark scan` or `bandit` in CI.", principles, [Evidence(ruff)]);
        }
        var hook = facts.PreCommitHooks.FirstOrDefault(h => h.Id is "bandit" || (h.Id.StartsWith("ruff", StringComparison.Ordinal) && ruffS is not null));
        if (hook.Id is not null)
            return Partial(id, title, 5, $"the pre-commit hook `{hook.Id}` runs a security linter, but only where developers installed pre-commit, not in CI",
                [new PostureEvidence(facts.PreCommitPath!, hook.Line, $"pre-commit hook {hook.Id}")],
                "the same check in CI, where it cannot be skipped", "Run `pre-commit run --all-files` in CI (or use pre-commit.ci), or call the linter from a workflow step.", principles);
        return Missing(id, title, facts.CiFiles.Count == 0 ? NoCi : "no CI step runs Bandit, Bulwark, Semgrep, CodeQL or Ruff's `S` rules",
            "a security linter in CI", how, principles);
    }

    /// <summary>Ruff configuration selecting the `S` rules (or ALL): evidence, or null.</summary>
    static PostureEvidence? RuffSelectsSecurityRules(ProjectFacts facts)
    {
        foreach (var (path, prefix) in new[] { ("pyproject.toml", new[] { "tool", "ruff" }), ("ruff.toml", Array.Empty<string>()), (".ruff.toml", Array.Empty<string>()) })
        {
            if (!facts.Exists(path) || facts.Toml(path) is not { } toml) continue;
            var ruff = prefix.Length == 0 ? toml : toml.Path(prefix);
            if (ruff is null) continue;
            foreach (var table in new[] { ruff["lint"], ruff })
                foreach (var key in new[] { "select", "extend-select" })
                    if (table?[key] is { Array: { } items } list)
                        foreach (var item in items)
                            if (item.Scalar is { } code && (code == "ALL" || code == "S" || (code.Length > 1 && code[0] == 'S' && char.IsAsciiDigit(code[1]))))
                                return new PostureEvidence(path, facts.LineOf(path, list.Start), $"Ruff selects `{code}` (flake8-bandit security rules)");
        }
        return null;
    }

    // ---- dependency audit -----------------------------------------------------------------------------------------

    static readonly Tool DependencyAudit = new("pip-audit", "safety check", "safety scan", "bulwark", "osv-scanner", "dependency-review-action",
        "snyk test", "snyk/actions", "trivy", "trivy-action");

    static PracticeResult DependencyAuditInCi(ProjectFacts facts)
    {
        const string id = "dependency-audit-in-ci", title = "Dependencies are audited in CI";
        Principle[] principles = [Principle.Integrity, Principle.Availability, Principle.Confidentiality];
        const string how = "Add a CI step that fails on known-vulnerable dependencies: `bulwark scan --select dependencies` (after `bulwark db update`), `pip-audit -r requirements.txt`, or `pypa/gh-action-pip-audit`; on GitHub also enable Dependabot alerts.";
        if (FindCommand(facts, DependencyAudit) is { } c)
            return Met(id, title, $"CI audits dependencies: `{Trim(c.Text)}`", [Evidence(c)], principles);
        var hook = facts.PreCommitHooks.FirstOrDefault(h => h.Id is "pip-audit" or "safety" or "osv-scanner");
        if (hook.Id is not null)
            return Partial(id, title, 5, $"the pre-commit hook `{hook.Id}` audits dependencies, but only on developers' machines",
                [new PostureEvidence(facts.PreCommitPath!, hook.Line, $"pre-commit hook {hook.Id}")], "the audit in CI",
                "Run the audit in CI as well, so that new advisories fail the next build.", principles);
        return Missing(id, title, facts.CiFiles.Count == 0 ? NoCi : "no CI step runs pip-audit, Bulwark, Safety, OSV-Scanner or dependency review (Dependabot alerts, a repository setting, cannot be seen from the files)",
            "a vulnerability audit of the dependencies in CI", how, principles);
    }

    // ---- update automation ----------------------------------------------------------------------------------------

    static PracticeResult DependencyUpdates(ProjectFacts facts)
    {
        const string id = "dependency-updates", title = "Dependency updates are automated";
        Principle[] principles = [Principle.Integrity, Principle.Availability];
        if (facts.FirstOf("renovate.json", "renovate.json5", ".renovaterc", ".renovaterc.json", ".github/renovate.json", ".github/renovate.json5", ".gitlab/renovate.json") is { } renovate)
            return Met(id, title, "Renovate is configured", [new PostureEvidence(renovate, 0, "Renovate configuration")], principles);
        if (facts.FirstOf(".pyup.yml") is { } pyup)
            return Met(id, title, "pyup is configured", [new PostureEvidence(pyup, 0, "pyup configuration")], principles);
        if (facts.FirstOf(".github/dependabot.yml", ".github/dependabot.yaml") is { } dependabot)
        {
            var ecosystems = new List<(string Name, int Line)>();
            if (facts.Text(dependabot) is { } text && YamlLoader.TryLoad(text, out var yaml, out _) && yaml!.Root is YamlMapping root &&
                root.GetSequence("updates") is { } updates)
                foreach (var u in updates.Items)
                    if (u is YamlMapping m && m["package-ecosystem"] is YamlScalar e) ecosystems.Add((e.Value, e.Line));
            var python = ecosystems.FirstOrDefault(e => e.Name is "pip" or "uv" or "pipenv" or "poetry");
            if (python.Name is not null)
                return Met(id, title, $"Dependabot updates the Python dependencies (`{python.Name}`)",
                    [new PostureEvidence(dependabot, python.Line, $"package-ecosystem: {python.Name}")], principles);
            return Partial(id, title, 5,
                ecosystems.Count == 0 ? "dependabot.yml has no `updates`" : $"Dependabot updates {string.Join(", ", ecosystems.Select(e => e.Name))}, but not the Python dependencies",
                ecosystems.Select(e => new PostureEvidence(dependabot, e.Line, $"package-ecosystem: {e.Name}")).ToList(),
                "updates of the Python dependencies", "Add an entry with `package-ecosystem: pip` (or `uv`) and `directory: /` to .github/dependabot.yml.", principles);
        }
        return Missing(id, title, "no Dependabot, Renovate or pyup configuration", "automated dependency updates",
            "Add `.github/dependabot.yml` with `package-ecosystem: pip` (or `uv`) and `github-actions` entries, or a `renovate.json`.", principles);
    }

    // ---- pinning --------------------------------------------------------------------------------------------------

    static PracticeResult DependenciesPinned(ProjectFacts facts)
    {
        const string id = "dependencies-pinned", title = "Dependencies are pinned";
        Principle[] principles = [Principle.Integrity, Principle.Availability, Principle.Accountability];
        foreach (var f in facts.Files)
        {
            var name = Path.GetFileName(f.RelativePath);
            bool lockfile = name is "poetry.lock" or "uv.lock" or "Pipfile.lock" or "pdm.lock" or "pylock.toml" ||
                            (name.StartsWith("pylock.", StringComparison.Ordinal) && name.EndsWith(".toml", StringComparison.Ordinal));
            if (lockfile && !f.RelativePath.Contains('/'))
                return Met(id, title, $"the lockfile {name} pins every dependency with hashes", [new PostureEvidence(f.RelativePath, 0, name)], principles);
        }
        int total = 0, pinned = 0, hashed = 0;
        var unpinned = new List<PostureEvidence>();
        var files = new List<string>();
        foreach (var f in facts.Files)
        {
            if (FileKinds.Classify(f.RelativePath) != FileKind.Requirements || !ProjectFacts.IsProjectCode(f.RelativePath) ||
                f.RelativePath.Count(c => c == '/') > 1 || facts.Text(f.RelativePath) is not { } text) continue;
            Manifest m;
            try { m = RequirementsParser.Parse(f.RelativePath, f.RelativePath, text, constraints: false); }
            catch (Exception ex) when (ex is FormatException or ArgumentException) { continue; }
            files.Add(f.RelativePath);
            foreach (var d in m.Dependencies)
            {
                if (d.Role != DependencyRole.Direct || d.Editable) continue;
                total++;
                if (d.Version is not null || d.Url is not null) pinned++;
                else if (unpinned.Count < 5) unpinned.Add(new PostureEvidence(f.RelativePath, m.Span(d.Start, d.End).Line, d.Name + (d.ConstraintText is { } c ? " " + c : "") + " is not pinned"));
                if (d.Hashes.Count > 0) hashed++;
            }
        }
        if (total == 0)
        {
            var deps = facts.Pyproject?.Path("project", "dependencies")?.Array?.Count ?? 0;
            if (deps == 0 && facts.Pyproject?.Path("tool", "poetry", "dependencies") is null && !facts.Exists("Pipfile"))
                return NotApplicable(id, title, "no dependency manifests were found", principles);
            var declared = facts.Exists("Pipfile") ? "Pipfile" : "pyproject.toml";
            return Missing(id, title, $"{declared} declares version ranges and there is no lockfile", "a lockfile",
                "Generate and commit a lockfile (`uv lock`, `poetry lock`, `pipenv lock`, or `pip-compile --generate-hashes`) and install from it in CI and deployment.",
                principles, [new PostureEvidence(declared, 0, "dependencies declared as ranges")]);
        }
        var where = string.Join(", ", files);
        if (pinned == total && hashed == total)
            return Met(id, title, $"all {total} requirements in {where} are pinned with hashes", [new PostureEvidence(files[0], 0, "pinned with --hash")], principles);
        if (pinned == total)
            return Partial(id, title, 7, $"all {total} requirements in {where} are pinned with `==`, without hashes",
                [new PostureEvidence(files[0], 0, "pinned with ==")], "hashes",
                "Add hashes (`pip-compile --generate-hashes`, or `uv pip compile --generate-hashes`) so a replaced upload cannot be installed.", principles);
        int score = 5 * pinned / total;
        return new PracticeResult
        {
            Id = id, Title = title, Status = score > 0 ? PracticeStatus.Partial : PracticeStatus.Missing, Score = score,
            Summary = $"{pinned} of {total} requirements in {where} are pinned", Evidence = unpinned,
            Missing = $"{total - pinned} unpinned requirement(s)",
            HowToAdd = "Pin every requirement (`name==version`) — best with a lockfile or `pip-compile --generate-hashes` — so each install gets what was tested.",
            Principles = principles,
        };
    }

    // ---- secret scanning ------------------------------------------------------------------------------------------

    static readonly Tool SecretScanner = new("gitleaks", "trufflehog", "detect-secrets", "ggshield", "secretlint", "talisman", "git-secrets", "kingfisher");
    static readonly Tool BulwarkCommand = new("bulwark");

    static PracticeResult SecretScanning(ProjectFacts facts, bool bulwarkScansSecrets)
    {
        const string id = "secret-scanning", title = "Secrets are scanned for in CI or pre-commit";
        Principle[] principles = [Principle.Confidentiality, Principle.Authentication];
        if (FindCommand(facts, SecretScanner) is { } c)
            return Met(id, title, $"CI scans for secrets: `{Trim(c.Text)}`", [Evidence(c)], principles);
        if (bulwarkScansSecrets && FindCommand(facts, BulwarkCommand) is { } b)
            return Met(id, title, "CI runs Bulwark, whose secrets rules scan for credentials", [Evidence(b)], principles);
        var hook = facts.PreCommitHooks.FirstOrDefault(h => SecretScanner.IsIn(h.Id.ToLowerInvariant()));
        if (hook.Id is not null)
            return Met(id, title, $"the pre-commit hook `{hook.Id}` scans commits for secrets",
                [new PostureEvidence(facts.PreCommitPath!, hook.Line, $"pre-commit hook {hook.Id}")], principles);
        var narrow = facts.PreCommitHooks.FirstOrDefault(h => h.Id is "detect-private-key" or "detect-aws-credentials");
        if (narrow.Id is not null)
            return Partial(id, title, 4, $"only the narrow pre-commit hook `{narrow.Id}` looks for secrets",
                [new PostureEvidence(facts.PreCommitPath!, narrow.Line, $"pre-commit hook {narrow.Id}")], "a general secret scanner",
                "Add gitleaks or detect-secrets as a pre-commit hook and run it in CI (`gitleaks/gitleaks-action`).", principles);
        return Missing(id, title, "no gitleaks, detect-secrets, TruffleHog or ggshield in CI or pre-commit", "secret scanning",
            "Add a `gitleaks` (or `detect-secrets`) hook to .pre-commit-config.yaml and run pre-commit in CI, or add `gitleaks/gitleaks-action` to a workflow.", principles);
    }

    // ---- types and lint -------------------------------------------------------------------------------------------

    static readonly Tool TypeChecker = new("mypy", "pyright", "basedpyright", "pytype", "pyre");
    static readonly Tool Linter = new("ruff", "flake8", "pylint", "pyflakes", "pycodestyle");

    static PracticeResult TypeCheckingAndLinting(ProjectFacts facts)
    {
        const string id = "type-checking-and-linting", title = "Type checking and linting are configured";
        Principle[] principles = [Principle.Integrity, Principle.Availability];
        var types = ConfiguredTool(facts, TypeChecker, [("mypy.ini", null), (".mypy.ini", null), ("pyrightconfig.json", null), ("setup.cfg", "[mypy"),
            ("tox.ini", "[mypy"), ("pyproject.toml", "[tool.mypy"), ("pyproject.toml", "[tool.pyright"), ("pyproject.toml", "[tool.basedpyright")]);
        var lint = ConfiguredTool(facts, Linter, [("ruff.toml", null), (".ruff.toml", null), (".flake8", null), (".pylintrc", null), ("pylintrc", null),
            ("setup.cfg", "[flake8"), ("tox.ini", "[flake8"), ("pyproject.toml", "[tool.ruff"), ("pyproject.toml", "[tool.pylint"), ("pyproject.toml", "[tool.flake8")]);
        if (types is not null && lint is not null)
            return Met(id, title, "a type checker and a linter are configured", [types, lint], principles);
        if (types is not null || lint is not null)
            return Partial(id, title, 5, types is not null ? "a type checker is configured, but no linter" : "a linter is configured, but no type checker",
                [(types ?? lint)!], types is null ? "a type checker" : "a linter",
                types is null ? "Configure mypy or pyright (`[tool.mypy]` in pyproject.toml with `strict = true` on new code) and run it in CI."
                              : "Configure Ruff (`[tool.ruff]` in pyproject.toml) and run `ruff check` in CI.", principles);
        return Missing(id, title, "no mypy/pyright and no Ruff/flake8/pylint configuration", "a type checker and a linter",
            "Configure Ruff and mypy in pyproject.toml (`[tool.ruff]`, `[tool.mypy]`) and run both in CI or pre-commit.", principles);
    }

    static PostureEvidence? ConfiguredTool(ProjectFacts facts, Tool tool, (string File, string? Section)[] configs)
    {
        foreach (var (file, section) in configs)
        {
            if (!facts.Exists(file)) continue;
            if (section is null) return new PostureEvidence(file, 0, $"{file} configuration");
            if (facts.LineContaining(file, section) is { } e) return e;
        }
        foreach (var (hookId, line, _) in facts.PreCommitHooks)
            if (tool.IsIn(hookId.ToLowerInvariant())) return new PostureEvidence(facts.PreCommitPath!, line, $"pre-commit hook {hookId}");
        if (FindCommand(facts, tool) is { } c) return Evidence(c);
        return null;
    }

    // ---- security policy ------------------------------------------------------------------------------------------

    [GeneratedRegex(@"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}|https?://\S+|security/advisories|private vulnerability report|security advisor|huntr\.|tidelift|hackerone|bugcrowd",
        RegexOptions.NonBacktracking | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Contact();

    [GeneratedRegex(@"\b(disclos|embargo|coordinat|acknowledg|respond|response|triage|timeline|within\s+\d+|\d+\s+(business\s+)?(days|hours|weeks)|supported\s+versions|cve)",
        RegexOptions.NonBacktracking | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Process();

    static PracticeResult SecurityPolicy(ProjectFacts facts)
    {
        const string id = "security-policy", title = "SECURITY.md with a contact and a disclosure process";
        Principle[] principles = [Principle.Accountability, Principle.Integrity];
        var path = facts.FirstOf("SECURITY.md", ".github/SECURITY.md", "docs/SECURITY.md", "SECURITY.rst", "SECURITY.txt", ".github/SECURITY.rst", "docs/SECURITY.rst");
        const string how = "Add SECURITY.md saying how to report a vulnerability privately (an address, or GitHub's private vulnerability reporting), which versions get fixes, and how soon you respond and disclose.";
        if (path is null)
            return Missing(id, title, "no SECURITY.md (in the root, .github/ or docs/)", "a security policy", how, principles);
        var text = facts.Text(path) ?? "";
        var contact = Contact().Match(text);
        var process = Process().Match(text);
        var evidence = new List<PostureEvidence> { new(path, 0, "security policy") };
        if (contact.Success) evidence.Add(new PostureEvidence(path, facts.LineOf(path, contact.Index), "contact: " + Trim(contact.Value)));
        if (process.Success) evidence.Add(new PostureEvidence(path, facts.LineOf(path, process.Index), "process: mentions " + Trim(process.Value.ToLowerInvariant())));
        int score = 4 + (contact.Success ? 3 : 0) + (process.Success ? 3 : 0);
        if (score == 10) return Met(id, title, $"{path} gives a contact and a disclosure process", evidence, principles);
        var missing = !contact.Success && !process.Success ? "a contact and a disclosure process" : !contact.Success ? "a contact" : "a disclosure process (response times, coordinated disclosure)";
        return Partial(id, title, score, $"{path} exists but lacks {missing}", evidence, missing, how, principles);
    }

    // ---- logging --------------------------------------------------------------------------------------------------

    static readonly string[] LoggingSetups =
        ["logging.basicConfig(", "dictConfig(", "fileConfig(", "structlog.configure(", "logger.add(", "logging.config."];

    /// <summary>Where the text configures logging (a setup call, or a Django `LOGGING` setting at the start of a line); -1 when it does not.</summary>
    static int LoggingConfiguration(string text)
    {
        foreach (var setup in LoggingSetups)
            if (text.IndexOf(setup, StringComparison.Ordinal) is var i and >= 0) return i;
        int at = 0;
        while ((at = text.IndexOf("LOGGING", at, StringComparison.Ordinal)) >= 0)
        {
            int j = at + 7;
            while (j < text.Length && text[j] is ' ' or '\t') j++;
            if ((at == 0 || text[at - 1] == '\n') && j < text.Length && text[j] is '=' or ':') return at;
            at += 7;
        }
        return -1;
    }

    static readonly HashSet<string> LogReceivers = new(StringComparer.Ordinal)
    {
        "log", "logger", "logging", "_log", "_logger", "LOG", "LOGGER", "log_", "self.log", "self.logger", "self._logger", "app.logger",
        "current_app.logger",
    };

    static readonly HashSet<string> LogMethods = new(StringComparer.Ordinal)
    {
        "debug", "info", "warning", "warn", "error", "exception", "critical", "log", "fatal",
    };

    /// <summary>Offsets of log calls (`log.info(`, `logger.error(`, `app.logger.warning(`…) and of their argument lists; a hand-written scan.</summary>
    static IEnumerable<(int Call, int Arguments)> LogCalls(string text)
    {
        int i = 0;
        while ((i = text.IndexOf('(', i)) >= 0)
        {
            int open = i++;
            int e = open;
            while (e > 0 && text[e - 1] is ' ' or '\t') e--;
            int m = e;
            while (m > 0 && (char.IsAsciiLetterOrDigit(text[m - 1]) || text[m - 1] == '_')) m--;
            if (m == e || m == 0 || text[m - 1] != '.' || !LogMethods.Contains(text[m..e])) continue;
            int r = m - 1;
            int s = r;
            while (s > 0 && (char.IsAsciiLetterOrDigit(text[s - 1]) || text[s - 1] is '_' or '.')) s--;
            if (s > 0 && (char.IsAsciiLetterOrDigit(text[s - 1]) || text[s - 1] == '_')) continue;
            if (!LogReceivers.Contains(text[s..r])) continue;
            yield return (s, open + 1);
        }
    }


    static readonly string[] SensitiveWords =
    [
        "password", "passwd", "pwd", "passphrase", "secret", "token", "api_key", "apikey", "credential", "credentials", "private_key",
        "secret_key", "access_key", "ssn", "credit_card", "card_number", "cvv",
    ];

    /// <summary>An identifier (its last attribute) that names a credential or a sensitive personal field: `password`, `user.api_token`, not `num_tokens`.</summary>
    static string? SensitiveIdentifier(string args)
    {
        int i = 0;
        while (i < args.Length)
        {
            if (!(char.IsAsciiLetter(args[i]) || args[i] == '_')) { i++; continue; }
            int start = i;
            while (i < args.Length && (char.IsAsciiLetterOrDigit(args[i]) || args[i] is '_' or '.')) i++;
            var name = args[start..i].TrimEnd('.');
            var last = name[(name.LastIndexOf('.') + 1)..].ToLowerInvariant();
            foreach (var w in SensitiveWords)
                if (last == w || last.EndsWith("_" + w, StringComparison.Ordinal)) return name;
        }
        return null;
    }

    static PracticeResult LoggingHygiene(ProjectFacts facts)
    {
        const string id = "logging-hygiene", title = "Logging is configured without sensitive fields";
        Principle[] principles = [Principle.Confidentiality, Principle.Accountability, Principle.NonRepudiation];
        PostureEvidence? configured = null;
        bool usesLogging = false, anyPython = false;
        var leaks = new List<PostureEvidence>();
        foreach (var f in facts.Files)
        {
            var p = f.RelativePath;
            var name = Path.GetFileName(p).ToLowerInvariant();
            if (configured is null && name is "logging.conf" or "logging.ini" or "logging.yaml" or "logging.yml" or "logging.json" or "log_config.yaml" or "log_config.json")
                configured = new PostureEvidence(p, 0, "logging configuration file");
            if (!p.EndsWith(".py", StringComparison.Ordinal) || !ProjectFacts.IsProjectCode(p) || facts.Text(p) is not { } text) continue;
            anyPython = true;
            bool isTest = name.StartsWith("test_", StringComparison.Ordinal) || name.EndsWith("_test.py", StringComparison.Ordinal) || name == "conftest.py" ||
                          p.StartsWith("tests/", StringComparison.Ordinal) || p.Contains("/tests/", StringComparison.Ordinal);
            if (configured is null && !isTest && LoggingConfiguration(text) is var at and >= 0)
                configured = new PostureEvidence(p, facts.LineOf(p, at), Trim(LineAt(text, at)));
            if (!text.Contains("log", StringComparison.OrdinalIgnoreCase)) continue;
            foreach (var (call, arguments) in LogCalls(text))
            {
                usesLogging = true;
                if (isTest || leaks.Count >= 5) continue;
                var args = CallArguments(text, arguments);
                if (SensitiveIdentifier(args) is { } s)
                    leaks.Add(new PostureEvidence(p, facts.LineOf(p, call), $"logs `{s}`: {Trim(LineAt(text, call))}"));
            }
        }
        if (!anyPython) return NotApplicable(id, title, "no Python code was found", principles);
        const string howConfigure = "Configure logging once at the application's entry point (`logging.config.dictConfig`, Django's `LOGGING`), with levels, handlers and a format that carries no request bodies or credentials.";
        const string howRedact = "Do not pass passwords, tokens or keys to log calls; log an identifier instead, or add a `logging.Filter` that redacts them.";
        if (leaks.Count > 0)
            return new PracticeResult
            {
                Id = id, Title = title, Status = configured is null ? PracticeStatus.Missing : PracticeStatus.Partial, Score = configured is null ? 0 : 3,
                Summary = $"{leaks.Count}{(leaks.Count == 5 ? "+" : "")} log call(s) pass values named like secrets" + (configured is null ? "; no logging configuration found" : ""),
                Evidence = configured is null ? leaks : [configured, .. leaks], Missing = "log calls without credentials or personal data",
                HowToAdd = howRedact, Principles = principles,
            };
        if (configured is not null)
            return Met(id, title, "logging is configured, and no log call passes a value named like a secret", [configured], principles);
        if (usesLogging)
            return Partial(id, title, 5, "the code logs, and no log call passes a value named like a secret, but logging is never configured (fine for a library; an application should configure it)",
                [], "a central logging configuration", howConfigure, principles);
        return Missing(id, title, "the code neither configures nor uses logging", "logging of security-relevant events", howConfigure, principles);
    }

    static string LineAt(string text, int offset)
    {
        int s = offset == 0 ? 0 : text.LastIndexOf('\n', offset - 1) + 1;
        int e = text.IndexOf('\n', offset);
        return text[s..(e < 0 ? text.Length : e)].Trim();
    }

    /// <summary>
    /// The argument text of a call up to its closing parenthesis (at most a few lines), with the contents of plain string
    /// literals removed — a word inside a message is not a value — but f-string replacement fields kept.
    /// </summary>
    static string CallArguments(string text, int start)
    {
        var sb = new System.Text.StringBuilder();
        int depth = 1, i = start, limit = Math.Min(text.Length, start + 600);
        while (i < limit && depth > 0)
        {
            char c = text[i];
            if (c is '"' or '\'')
            {
                bool f = i > 0 && text[i - 1] is 'f' or 'F';
                char q = c;
                i++;
                while (i < limit && text[i] != q && text[i] != '\n')
                {
                    if (text[i] == '\\') { i += 2; continue; }
                    if (f && text[i] == '{')
                    {
                        int close = text.IndexOf('}', i);
                        if (close < 0 || close > limit) break;
                        sb.Append(' ').Append(text, i + 1, close - i - 1).Append(' ');
                        i = close + 1;
                        continue;
                    }
                    i++;
                }
                i++;
                sb.Append(' ');
                continue;
            }
            if (c == '(') depth++;
            else if (c == ')') depth--;
            if (depth > 0) sb.Append(c);
            i++;
        }
        return sb.ToString();
    }

    // ---- CI audits ------------------------------------------------------------------------------------------------

    static PracticeResult CiAudits(ProjectFacts facts, IReadOnlyList<Finding>? ciFindings)
    {
        const string id = "ci-audits-pass", title = "CI workflows pass the pipeline audits";
        Principle[] principles = [Principle.Integrity, Principle.Authorization, Principle.Confidentiality, Principle.Authentication];
        if (facts.CiFiles.Count == 0)
            return NotApplicable(id, title, "no CI pipelines to audit", principles);
        if (ciFindings is null)
            return NotApplicable(id, title, "the CI rules were not selected for this scan", principles);
        // The project's own pipelines (and its own actions and pre-commit configuration), not a nested sample's.
        ciFindings = ciFindings.Where(f => facts.CiFiles.Contains(f.Location.Path) || f.Location.Path.StartsWith(".github/", StringComparison.Ordinal) ||
                                           f.Location.Path == facts.PreCommitPath).ToList();
        if (ciFindings.Count == 0)
            return Met(id, title, $"the CI rules find nothing in {facts.CiFiles.Count} CI file(s)",
                facts.CiFiles.Take(5).Select(f => new PostureEvidence(f, 0, "audited, no findings")).ToList(), principles);
        var worst = ciFindings.Max(f => f.Severity);
        int score = worst switch { Severity.Critical => 0, Severity.High => 3, Severity.Medium => 6, _ => 8 };
        var bySeverity = ciFindings.GroupBy(f => f.Severity).OrderByDescending(g => g.Key).Select(g => $"{g.Count()} {g.Key.Name()}");
        var evidence = ciFindings.OrderByDescending(f => f.Severity).ThenBy(f => f.Location.Path, StringComparer.Ordinal).ThenBy(f => f.Location.StartLine).Take(5)
            .Select(f => new PostureEvidence(f.Location.Path, f.Location.StartLine, $"{f.Rule.Id} {f.Rule.Name} [{f.Severity.Name()}]")).ToList();
        return new PracticeResult
        {
            Id = id, Title = title, Status = score > 0 ? PracticeStatus.Partial : PracticeStatus.Missing, Score = score,
            Summary = $"{ciFindings.Count} CI finding(s): {string.Join(", ", bySeverity)}", Evidence = evidence,
            Missing = "workflows free of the audits' findings",
            HowToAdd = "Fix the findings (`bulwark scan --select ci` lists them, `bulwark explain ID` tells how), starting with the most severe.",
            Principles = principles,
        };
    }

    // ---- helpers --------------------------------------------------------------------------------------------------

    static PracticeResult Met(string id, string title, string summary, IReadOnlyList<PostureEvidence> evidence, Principle[] principles) =>
        new() { Id = id, Title = title, Status = PracticeStatus.Met, Score = 10, Summary = summary, Evidence = evidence, Principles = principles };

    static PracticeResult Partial(string id, string title, int score, string summary, IReadOnlyList<PostureEvidence> evidence, string missing, string how,
        Principle[] principles) =>
        new() { Id = id, Title = title, Status = PracticeStatus.Partial, Score = score, Summary = summary, Evidence = evidence, Missing = missing, HowToAdd = how, Principles = principles };

    static PracticeResult Missing(string id, string title, string summary, string missing, string how, Principle[] principles,
        IReadOnlyList<PostureEvidence>? evidence = null) =>
        new() { Id = id, Title = title, Status = PracticeStatus.Missing, Score = 0, Summary = summary, Evidence = evidence ?? [], Missing = missing, HowToAdd = how, Principles = principles };

    static PracticeResult NotApplicable(string id, string title, string summary, Principle[] principles) =>
        new() { Id = id, Title = title, Status = PracticeStatus.NotApplicable, Score = 0, Summary = summary, Principles = principles };
}
