using Bulwark.Dependencies.Manifests;
using static Bulwark.Tests.Dependencies.DepsTestSupport;

namespace Bulwark.Tests.Dependencies;

public class ManifestTests
{
    static Dependency Dep(Manifest m, string name) => m.Dependencies.Single(d => d.NormalizedName == name);
    static (int, int, int, int) Span(Manifest m, Dependency d) => m.Span(d.Start, d.End);

    [Fact]
    public void Requirements_file_entries_keep_lines_columns_hashes_and_options()
    {
        var includes = new List<RequirementsParser.Include>();
        var full = Path.Combine(Fixture("app"), "requirements.txt");
        var m = RequirementsParser.Parse(full, "requirements.txt", File.ReadAllText(full), false, includes);
        var requests = Dep(m, "requests");
        Assert.Equal("2.19.0", requests.Version?.ToString());
        Assert.Equal(["sha256:aaaa"], requests.Hashes);
        Assert.Equal((5, 1, 5, 17), Span(m, requests));
        Assert.Equal("==2.19.0", m.Text.Text[requests.SpecStart..requests.SpecEnd]);
        var flask = Dep(m, "flask");
        Assert.Null(flask.Version);
        Assert.Equal(">=0.12", flask.ConstraintText);
        Assert.Equal((7, 1, 7, 12), Span(m, flask));
        Assert.True(Dep(m, "pyyaml").IsUnconstrained);
        Assert.True(Dep(m, "proj").Editable);
        Assert.Equal("1.16.0", Dep(m, "six").Version?.ToString());
        Assert.Equal(2, includes.Count);
        Assert.True(includes[1].IsConstraint);
        Assert.Empty(m.Problems);
    }

    [Fact]
    public void Requirements_never_expand_environment_variables_and_report_bad_lines_with_their_line()
    {
        const string text = "urllib3==${URLLIB3_VERSION}\nnot a requirement!\n--frobnicate\n";
        var m = RequirementsParser.Parse("/x/requirements.txt", "requirements.txt", text, false, null);
        Assert.DoesNotContain(m.Dependencies, d => d.Name == "urllib3");
        Assert.Contains(m.Problems, p => p.StartsWith("requirements.txt:1:", StringComparison.Ordinal) && p.Contains("not expanded"));
        Assert.Contains(m.Problems, p => p.StartsWith("requirements.txt:2:", StringComparison.Ordinal));
        Assert.Contains(m.Problems, p => p.StartsWith("requirements.txt:3:", StringComparison.Ordinal) && p.Contains("--frobnicate"));
    }

    [Fact]
    public void Continuation_lines_and_crlf_keep_physical_positions()
    {
        const string text = "# c\r\nDjango\\\r\n==3.2.1 ; python_version > \"3\"\r\nidna==3.7 # comment\r\n";
        var m = RequirementsParser.Parse("/x/requirements.txt", "requirements.txt", text, false);
        var django = Dep(m, "django");
        Assert.Equal("3.2.1", django.Version?.ToString());
        Assert.Equal(2, m.Span(django.Start, django.End).Line);
        Assert.Equal(3, m.Span(django.Start, django.End).EndLine);
        Assert.Equal(4, m.Span(Dep(m, "idna").Start, 0).Line);
    }

    [Fact]
    public void Includes_are_followed_once_and_cycles_reported()
    {
        var root = Fixture("cycle");
        var files = Directory.EnumerateFiles(root).Select(f => (f, Path.GetFileName(f)));
        var set = ManifestSet.Load(root, files, p => File.Exists(p) ? File.ReadAllText(p) : null);
        Assert.Equal(2, set.Manifests.Count);
        Assert.Single(set.Problems, p => p.Contains("include cycle", StringComparison.Ordinal));
    }

    [Fact]
    public void App_set_loads_included_base_and_constraints()
    {
        var root = Fixture("app");
        var set = ManifestSet.Load(root, [(Path.Combine(root, "requirements.txt"), "requirements.txt")], p => File.ReadAllText(p));
        Assert.Equal(3, set.Manifests.Count);
        var constraints = set.OfKind(ManifestKind.Constraints).Single();
        Assert.Equal(DependencyRole.Constraint, constraints.Dependencies.Single().Role);
        var jinja = set.Manifests.Single(m => m.RelativePath == "base.txt").Dependencies.Single();
        Assert.Equal("python_version >= \"3\"", jinja.Marker);
    }

    [Fact]
    public void Poetry_pyproject_translates_caret_tilde_and_multiple_constraints()
    {
        var m = Load("poetry", "pyproject.toml");
        Assert.DoesNotContain(m.Dependencies, d => d.Name == "python");
        var requests = Dep(m, "requests");
        Assert.Equal(">=2.19,<3", requests.Constraint.Single().ToString());
        Assert.Equal((7, 1, 7, 19), Span(m, requests));
        Assert.Equal("^2.19", m.Text.Text[requests.SpecStart..requests.SpecEnd]);
        Assert.Equal(">=2.10,<2.11", Dep(m, "jinja2").Constraint.Single().ToString());
        Assert.Equal(["i18n"], Dep(m, "jinja2").Extras);
        Assert.Equal(2, m.Dependencies.Count(d => d.NormalizedName == "django"));
        Assert.Equal("dev", Dep(m, "pytest").Group);
    }

    [Theory]
    [InlineData("^1.2.3", ">=1.2.3,<2")]
    [InlineData("^0.2.3", ">=0.2.3,<0.3")]
    [InlineData("^0.0.3", ">=0.0.3,<0.0.4")]
    [InlineData("~1.2.3", ">=1.2.3,<1.3")]
    [InlineData("~1", ">=1,<2")]
    [InlineData("1.2.*", "==1.2.*")]
    [InlineData("1.4", "==1.4")]
    [InlineData(">= 1.0 < 2.0", ">=1.0,<2.0")]
    public void Poetry_constraints_become_pep440(string poetry, string pep440)
    {
        Assert.True(PoetryConstraint.TryParse(poetry, out var alts, out _));
        Assert.Equal(pep440, alts.Single().ToString());
    }

    [Fact]
    public void Poetry_lock_reads_versions_hashes_and_content_hash()
    {
        var m = Load("poetry", "poetry.lock");
        Assert.Equal("0123456789abcdef", m.InputHash);
        var requests = Dep(m, "requests");
        Assert.Equal(DependencyRole.Locked, requests.Role);
        Assert.Equal("2.19.0", requests.Version?.ToString());
        Assert.Equal(["sha256:abc"], requests.Hashes);
        Assert.Equal(2, Span(m, requests).Item1);
        Assert.Equal(3, Span(m, requests).Item3);
    }

    [Fact]
    public void Pep621_pep735_and_uv_lock_are_read()
    {
        var p = Load("uv", "pyproject.toml");
        Assert.Equal(["requests", "jinja2", "pyyaml", "pytest", "ruff"], p.Dependencies.Select(d => d.NormalizedName));
        Assert.Equal("yaml", Dep(p, "pyyaml").Group);
        Assert.Equal((5, 6, 5, 20), Span(p, Dep(p, "requests")));
        var lockfile = Load("uv", "uv.lock");
        Assert.DoesNotContain(lockfile.Dependencies, d => d.Name == "demo");
        Assert.Equal(["sha256:def"], Dep(lockfile, "requests").Hashes);
        Assert.Equal(10, Span(lockfile, Dep(lockfile, "requests")).Item1);
    }

    [Fact]
    public void Pipfile_and_pipfile_lock_are_read_with_positions()
    {
        var p = Load("pipenv", "Pipfile");
        Assert.Equal("2.19.0", Dep(p, "requests").Version?.ToString());
        Assert.True(Dep(p, "flask").IsUnconstrained);
        Assert.Equal(">=2.10", Dep(p, "jinja2").ConstraintText);
        Assert.Equal("dev", Dep(p, "pytest").Group);
        Assert.Equal(7, Span(p, Dep(p, "requests")).Item1);
        var l = Load("pipenv", "Pipfile.lock");
        Assert.Equal("feedface", l.InputHash);
        Assert.Equal((9, 9, 9, 22), Span(l, Dep(l, "requests")));
        Assert.Equal(["sha256:abc"], Dep(l, "requests").Hashes);
        Assert.Equal("dev", Dep(l, "pytest").Group);
    }

    [Fact]
    public void Pylock_reads_packages_with_hashes_and_markers()
    {
        var m = Load("pylock", "pylock.toml");
        Assert.Equal(["sha256:abc"], Dep(m, "requests").Hashes);
        Assert.Equal("python_version >= '3.8'", Dep(m, "idna").Marker);
        Assert.Equal(5, Span(m, Dep(m, "requests")).Item1);
    }

    [Fact]
    public void Setup_cfg_reads_install_requires_and_extras()
    {
        var m = Load("setupcfg", "setup.cfg");
        Assert.Equal(["requests", "jinja2", "pyyaml"], m.Dependencies.Select(d => d.NormalizedName));
        Assert.Equal((6, 5, 6, 21), Span(m, Dep(m, "requests")));
        Assert.Equal("python_version >= \"3\"", Dep(m, "jinja2").Marker);
        Assert.Equal("yaml", Dep(m, "pyyaml").Group);
    }

    [Fact]
    public void Setup_py_literal_requirements_are_read_from_the_syntax_tree()
    {
        var m = Load("setupcfg", "setup.py");
        Assert.Empty(m.Problems);
        Assert.Equal(["requests", "jinja2", "pyyaml"], m.Dependencies.Select(d => d.NormalizedName));
        Assert.Equal((3, 14, 3, 30), Span(m, Dep(m, "requests")));
        Assert.Equal("5.3", Dep(m, "pyyaml").Version?.ToString());
        Assert.Equal("yaml", Dep(m, "pyyaml").Group);
    }

    [Fact]
    public void Manifest_kinds_are_recognised_by_name()
    {
        Assert.Equal(ManifestKind.Requirements, ManifestParsers.KindOf("requirements-dev.txt"));
        Assert.Equal(ManifestKind.Requirements, ManifestParsers.KindOf("requirements/prod.txt"));
        Assert.Equal(ManifestKind.Constraints, ManifestParsers.KindOf("constraints.txt"));
        Assert.Equal(ManifestKind.Pylock, ManifestParsers.KindOf("pylock.dev.toml"));
        Assert.Null(ManifestParsers.KindOf("notes.txt"));
    }
}
