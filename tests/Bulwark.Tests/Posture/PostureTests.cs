using System.Text.Json;
using Bulwark.Core;
using Bulwark.Engine;
using Bulwark.Posture;
using Bulwark.Reports;
using Bulwark.Tests.Cli;
using Bulwark.Tests.Reports;
using Bulwark.Tests.Support;

namespace Bulwark.Tests.Posture;

public class PostureTests
{
    static PostureReport Assess(TempDir dir)
    {
        var settings = new ScanSettings { Select = ["ci"] };
        return new Scanner(settings).Scan(new ScanRequest([dir.Path]) { Posture = true }).Posture!;
    }

    static PracticeResult Practice(PostureReport r, string id) => r.Practices.Single(p => p.Id == id);

    const string GoodWorkflow = """
        name: ci
        on: [push, pull_request]
        permissions:
          contents: read
        jobs:
          test:
            runs-on: ubuntu-latest
            steps:
              - uses: actions/checkout@v4
                with:
                  persist-credentials: false
              - run: pip install -r requirements.txt
              - run: python -m pytest
              - run: bandit -r src
              - run: pip-audit -r requirements.txt
              - uses: gitleaks/gitleaks-action@ff98106e4c7b2bc287b24eaf42907196329070c7 # v2.3.9
        """;

    [Fact]
    public void A_well_kept_project_meets_every_practice_with_file_and_line_evidence()
    {
        using var dir = new TempDir();
        dir.Write(".github/workflows/ci.yml", GoodWorkflow);
        dir.Write(".github/dependabot.yml", "version: 2\nupdates:\n  - package-ecosystem: pip\n    directory: /\n    schedule: {interval: weekly}\n");
        dir.Write("requirements.txt", "flask==3.0.3 --hash=sha256:aaaa\nrequests==2.32.3 --hash=sha256:bbbb\n");
        dir.Write("pyproject.toml", "[project]\nname = \"app\"\n\n[tool.ruff]\nline-length = 100\n\n[tool.mypy]\nstrict = true\n");
        dir.Write("SECURITY.md", "# Security\n\nReport vulnerabilities to security@example.com.\nWe acknowledge reports within 3 business days and coordinate disclosure.\n");
        dir.Write("src/app/__init__.py", "import logging\nlogging.basicConfig(level=logging.INFO)\nlog = logging.getLogger(__name__)\nlog.info('started %s', 'x')\n");
        dir.Write("src/app/auth.py", "from flask_login import LoginManager\nimport pyotp\n");
        var report = Assess(dir);

        Assert.All(report.Practices, p => Assert.Equal(PracticeStatus.Met, p.Status));
        Assert.Equal(100, report.Percent);
        var tests = Practice(report, "tests-in-ci");
        Assert.Equal(new PostureEvidence(".github/workflows/ci.yml", 13, "python -m pytest"), tests.Evidence[0]);
        Assert.Equal(14, Practice(report, "security-linter-in-ci").Evidence[0].Line);
        Assert.Equal(15, Practice(report, "dependency-audit-in-ci").Evidence[0].Line);
        Assert.Equal(16, Practice(report, "secret-scanning").Evidence[0].Line);
        Assert.Equal(3, Practice(report, "dependency-updates").Evidence[0].Line);
        Assert.Equal((2, "src/app/__init__.py"), (Practice(report, "logging-hygiene").Evidence[0].Line, Practice(report, "logging-hygiene").Evidence[0].Path));
        Assert.Contains(Principle.Confidentiality, Practice(report, "secret-scanning").Principles);
    }

    [Fact]
    public void An_empty_project_is_missing_the_practices_and_says_how_to_add_them()
    {
        using var dir = new TempDir();
        dir.Write("app.py", "print('hi')\n");
        var report = Assess(dir);
        Assert.Equal(PracticeStatus.Missing, Practice(report, "tests-in-ci").Status);
        Assert.Equal(PracticeStatus.NotApplicable, Practice(report, "ci-audits-pass").Status);
        Assert.Equal(PracticeStatus.NotApplicable, Practice(report, "dependencies-pinned").Status);
        Assert.All(report.Practices.Where(p => p.Status == PracticeStatus.Missing), p => Assert.False(string.IsNullOrEmpty(p.HowToAdd)));
        Assert.Equal(0, report.Percent);
    }

    [Fact]
    public void Tests_run_through_tox_count_with_both_places_as_evidence()
    {
        using var dir = new TempDir();
        dir.Write(".gitlab-ci.yml", "test:\n  script:\n    - pip install tox\n    - tox -e py312\n");
        dir.Write("tox.ini", "[tox]\nenv_list = py312\n\n[testenv]\ncommands = pytest {posargs}\n");
        var tests = Practice(Assess(dir), "tests-in-ci");
        Assert.Equal(PracticeStatus.Met, tests.Status);
        Assert.Equal(".gitlab-ci.yml", tests.Evidence[0].Path);
        Assert.Equal(4, tests.Evidence[0].Line);
    }

    [Fact]
    public void Ruff_counts_as_a_security_linter_only_with_the_S_rules()
    {
        using var dir = new TempDir();
        dir.Write(".github/workflows/lint.yml", "on: push\npermissions: {}\njobs:\n  lint:\n    runs-on: ubuntu-latest\n    steps:\n      - run: ruff check .\n");
        dir.Write("pyproject.toml", "[tool.ruff.lint]\nselect = [\"E\", \"F\"]\n");
        Assert.Equal(PracticeStatus.Missing, Practice(Assess(dir), "security-linter-in-ci").Status);
        dir.Write("pyproject.toml", "[tool.ruff.lint]\nselect = [\"E\", \"F\", \"S\"]\n");
        var met = Practice(Assess(dir), "security-linter-in-ci");
        Assert.Equal(PracticeStatus.Met, met.Status);
        Assert.Contains(met.Evidence, e => e.Path == "pyproject.toml" && e.Line == 2);
    }

    [Fact]
    public void A_security_linter_only_in_pre_commit_is_partial()
    {
        using var dir = new TempDir();
        dir.Write(".pre-commit-config.yaml", "repos:\n  - repo: https://github.com/PyCQA/bandit\n    rev: 1.7.9\n    hooks:\n      - id: bandit\n");
        var p = Practice(Assess(dir), "security-linter-in-ci");
        Assert.Equal(PracticeStatus.Partial, p.Status);
        Assert.Equal(5, p.Evidence[0].Line);
    }

    [Fact]
    public void Installing_a_tool_is_not_running_it()
    {
        using var dir = new TempDir();
        dir.Write(".github/workflows/ci.yml", "on: push\npermissions: {}\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: pip install pytest bandit pip-audit\n");
        var report = Assess(dir);
        Assert.Equal(PracticeStatus.Missing, Practice(report, "tests-in-ci").Status);
        Assert.Equal(PracticeStatus.Missing, Practice(report, "security-linter-in-ci").Status);
        Assert.Equal(PracticeStatus.Missing, Practice(report, "dependency-audit-in-ci").Status);
    }

    [Fact]
    public void Unpinned_requirements_are_shown_line_by_line()
    {
        using var dir = new TempDir();
        dir.Write("requirements.txt", "flask==3.0.3\nrequests\ncryptography>=42\n");
        var p = Practice(Assess(dir), "dependencies-pinned");
        Assert.Equal(PracticeStatus.Partial, p.Status);
        Assert.Equal([2, 3], p.Evidence.Select(e => e.Line));
        dir.Write("uv.lock", "version = 1\n");
        Assert.Equal(PracticeStatus.Met, Practice(Assess(dir), "dependencies-pinned").Status);
    }

    [Fact]
    public void A_security_policy_without_contact_or_process_is_partial()
    {
        using var dir = new TempDir();
        dir.Write(".github/SECURITY.md", "# Security\n\nWe care about security.\n");
        var p = Practice(Assess(dir), "security-policy");
        Assert.Equal((PracticeStatus.Partial, 4), (p.Status, p.Score));
        Assert.Contains("contact", p.Missing);
    }

    [Fact]
    public void Log_calls_passing_secrets_are_evidence_against_logging_hygiene()
    {
        using var dir = new TempDir();
        dir.Write("app/settings.py", "LOGGING = {'version': 1}\n");
        dir.Write("app/auth.py", "import logging\nlog = logging.getLogger(__name__)\ndef login(user, password):\n    log.info('login %s %s', user, password)\n    log.info('password reset requested for %s', user)\n    log.debug(f'token={user.api_token}')\n    log.info('%d tokens', num_tokens)\n");
        dir.Write("tests/test_auth.py", "import logging\nlogging.info('pw %s', password)\n");
        var p = Practice(Assess(dir), "logging-hygiene");
        Assert.Equal((PracticeStatus.Partial, 3), (p.Status, p.Score));
        Assert.Equal(["app/settings.py:1", "app/auth.py:4", "app/auth.py:6"], p.Evidence.Select(e => $"{e.Path}:{e.Line}"));
    }

    [Fact]
    public void Ci_findings_lower_the_ci_practice_but_a_nested_sample_does_not_count()
    {
        using var dir = new TempDir();
        dir.Write(".github/workflows/ci.yml", "on: issues\npermissions: {}\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo \"${{ github.event.issue.title }}\"\n");
        dir.Write("examples/demo/.github/workflows/bad.yml", "on: pull_request_target\npermissions: write-all\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make\n");
        var p = Practice(Assess(dir), "ci-audits-pass");
        Assert.Equal((PracticeStatus.Partial, 3), (p.Status, p.Score));
        Assert.All(p.Evidence, e => Assert.Equal(".github/workflows/ci.yml", e.Path));
    }

    [Fact]
    public void Multi_factor_authentication_is_met_missing_or_not_applicable_from_imports_and_requirements()
    {
        using (var dir = new TempDir())
        {
            dir.Write("app/views.py", "from django.contrib.auth import authenticate\n");
            var mfa = Practice(PostureOf(dir), "multi-factor-authentication");
            Assert.Equal(PracticeStatus.Missing, mfa.Status);
            Assert.Equal(new PostureEvidence("app/views.py", 1, "authentication: `django.contrib.auth`"), mfa.Evidence[0]);
            dir.Write("requirements.txt", "Django==5.1\ndjango-otp==1.5.4\n");
            mfa = Practice(PostureOf(dir), "multi-factor-authentication");
            Assert.Equal(PracticeStatus.Met, mfa.Status);
            Assert.Contains(new PostureEvidence("requirements.txt", 2, "second factor: django-otp"), mfa.Evidence);
        }
        using (var dir = new TempDir())
        {
            dir.Write("tool.py", "import argparse\n");
            dir.Write("requirements.txt", "pyotp-helpers==1.0\n"); // another name that merely starts like one
            Assert.Equal(PracticeStatus.NotApplicable, Practice(PostureOf(dir), "multi-factor-authentication").Status);
        }
    }

    static PostureReport PostureOf(TempDir dir) =>
        new Scanner(new ScanSettings()).Scan(new ScanRequest([dir.Path]) { Posture = true }).Posture!;

    [Fact]
    public void The_json_report_with_a_posture_section_is_valid_against_the_published_schema()
    {
        using var dir = new TempDir();
        dir.Write(".github/workflows/ci.yml", GoodWorkflow);
        dir.Write("requirements.txt", "flask\n");
        var result = new Scanner(new ScanSettings()).Scan(new ScanRequest([dir.Path]) { Posture = true });
        var json = new StringWriter();
        Reporters.Create(ReportFormat.Json).Write(result, json);
        var schema = SchemaValidation.Load(Path.Combine(RepoPaths.RepoRoot, "docs", "schemas", "bulwark-report-v1.schema.json"));
        Assert.Empty(SchemaValidation.Errors(schema, json.ToString()));
        using var doc = JsonDocument.Parse(json.ToString());
        Assert.Equal(11, doc.RootElement.GetProperty("posture").GetProperty("practices").GetArrayLength());
    }

    [Fact]
    public void The_sample_app_scan_with_ci_findings_and_posture_gives_schema_valid_json_and_sarif()
    {
        var result = new Scanner(new ScanSettings()).Scan(new ScanRequest([Path.Combine(RepoPaths.RepoRoot, "samples", "insecure-app")]) { Posture = true });
        Assert.Contains(result.Findings, f => f.Rule.Id == "GHA003" && f.Location.Path == ".github/workflows/ci.yml" && f.Location.StartLine == 14);
        var json = new StringWriter();
        Reporters.Create(ReportFormat.Json).Write(result, json);
        var schema = SchemaValidation.Load(Path.Combine(RepoPaths.RepoRoot, "docs", "schemas", "bulwark-report-v1.schema.json"));
        Assert.Empty(SchemaValidation.Errors(schema, json.ToString()));
        var sarif = new StringWriter();
        Reporters.Create(ReportFormat.Sarif).Write(result, sarif);
        Assert.Empty(SchemaValidation.Errors(SarifReporterTests.OfficialSchema.Value, sarif.ToString()));
        Assert.Equal(18, result.Posture!.Percent);
    }

    [Fact]
    public void Posture_command_prints_text_json_and_markdown_and_honours_min_score()
    {
        using var dir = new TempDir();
        dir.Write(".github/workflows/ci.yml", GoodWorkflow);
        var (code, text, err) = ExitCodeTests.Run("posture", dir.Path);
        Assert.Equal(0, code);
        Assert.Contains("[x] 10/10  Tests run in CI", text);
        Assert.Contains(".github/workflows/ci.yml:13  python -m pytest", text);
        Assert.Equal("", err);

        var (jcode, json, _) = ExitCodeTests.Run("posture", dir.Path, "--format", "json");
        Assert.Equal(0, jcode);
        using (var doc = JsonDocument.Parse(json))
            Assert.Equal("tests-in-ci", doc.RootElement.GetProperty("posture").GetProperty("practices")[0].GetProperty("id").GetString());

        var (mcode, md, _) = ExitCodeTests.Run("posture", dir.Path, "--format", "markdown");
        Assert.Equal(0, mcode);
        Assert.StartsWith("# Security posture: ", md);

        var (low, _, _) = ExitCodeTests.Run("posture", dir.Path, "--min-score", "100");
        Assert.Equal(1, low);
        var (bad, _, badErr) = ExitCodeTests.Run("posture", "/definitely/not/here");
        Assert.Equal(2, bad);
        Assert.Equal("bulwark: error: /definitely/not/here: not a directory", badErr.Trim());
    }

    [Fact]
    public void Scan_of_a_directory_ends_with_the_posture_summary_unless_asked_not_to()
    {
        using var dir = new TempDir();
        dir.Write("app.py", "x = 1\n");
        var (_, text, _) = ExitCodeTests.Run("scan", dir.Path, "--no-progress");
        Assert.Contains("Security posture: 0/100", text);
        var (_, quiet, _) = ExitCodeTests.Run("scan", dir.Path, "--no-progress", "--no-posture");
        Assert.DoesNotContain("Security posture", quiet);
        var (_, file, _) = ExitCodeTests.Run("scan", Path.Combine(dir.Path, "app.py"), "--no-progress");
        Assert.DoesNotContain("Security posture", file);
    }
}
