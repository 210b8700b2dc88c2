using Bulwark.Core;
using Bulwark.Engine;
using Bulwark.Tests.Support;

namespace Bulwark.Tests.Engine;

public class DiscoveryTests
{
    static List<string> Discover(string root, ScanSettings? settings = null) =>
        new FileDiscovery(settings ?? new ScanSettings()).Discover(root).Select(f => f.RelativePath).ToList();

    [Fact]
    public void Finds_files_in_a_stable_sorted_order_with_slash_paths()
    {
        using var dir = new TempDir();
        dir.Write("b.py", "");
        dir.Write("a/z.py", "");
        dir.Write("a/b.txt", "");
        Assert.Equal(["a/b.txt", "a/z.py", "b.py"], Discover(dir.Path));
    }

    [Fact]
    public void Each_file_comes_with_its_size_hidden_entries_included_and_a_link_with_its_target_size()
    {
        using var dir = new TempDir();
        dir.Write("a.py", "x = 1\n");
        dir.Write(".env", "TOKEN=abc\n");
        dir.Write(".github/workflows/ci.yml", "on: push\n");
        dir.Write("pkg/big.py", new string('#', 70_000));
        dir.Write("empty.py", "");
        if (!OperatingSystem.IsWindows()) File.CreateSymbolicLink(Path.Combine(dir.Path, "link.py"), Path.Combine(dir.Path, "pkg", "big.py"));
        var found = new FileDiscovery(new ScanSettings()).Discover(dir.Path).ToDictionary(f => f.RelativePath, f => f.Length);
        Assert.Equal(6, found["a.py"]);
        Assert.Equal(10, found[".env"]);
        Assert.Equal(9, found[".github/workflows/ci.yml"]);
        Assert.Equal(70_000, found["pkg/big.py"]);
        Assert.Equal(0, found["empty.py"]);
        if (!OperatingSystem.IsWindows()) Assert.Equal(70_000, found["link.py"]);
    }

    [Fact]
    public void Default_excludes_skip_vcs_caches_dependencies_and_build_outputs()
    {
        using var dir = new TempDir();
        dir.Write("app.py", "");
        foreach (var d in new[] { ".git", "node_modules", "__pycache__", ".venv", "venv", "build", "dist", "pkg.egg-info", "lib/site-packages", ".tox" })
            dir.Write(d + "/x.py", "");
        Assert.Equal(["app.py"], Discover(dir.Path));
    }

    [Fact]
    public void A_virtualenv_under_any_name_is_skipped()
    {
        using var dir = new TempDir();
        dir.Write("app.py", "");
        dir.Write("my-env/pyvenv.cfg", "home = /usr/bin");
        dir.Write("my-env/lib/thing.py", "");
        Assert.Equal(["app.py"], Discover(dir.Path));
    }

    [Fact]
    public void Gitignore_patterns_negations_and_nested_files_are_honoured()
    {
        using var dir = new TempDir();
        Directory.CreateDirectory(Path.Combine(dir.Path, ".git"));
        dir.Write(".gitignore", "*.log\ngenerated/\n/secret.py\n!keep.log\n");
        dir.Write("a.log", "");
        dir.Write("keep.log", "");
        dir.Write("generated/x.py", "");
        dir.Write("secret.py", "");
        dir.Write("sub/secret.py", "");   // anchored pattern: only the root one is ignored
        dir.Write("sub/.gitignore", "local_*.py\n");
        dir.Write("sub/local_x.py", "");
        dir.Write("local_y.py", "");       // the nested .gitignore applies only below sub/
        var found = Discover(dir.Path);
        Assert.Equal([".gitignore", "keep.log", "local_y.py", "sub/.gitignore", "sub/secret.py"], found);
    }

    [Fact]
    public void Gitignore_of_an_enclosing_repository_applies_when_scanning_a_subdirectory()
    {
        using var dir = new TempDir();
        Directory.CreateDirectory(Path.Combine(dir.Path, ".git"));
        dir.Write(".gitignore", "ignored_*.py\n");
        dir.Write("pkg/ignored_a.py", "");
        dir.Write("pkg/kept.py", "");
        Assert.Equal(["kept.py"], Discover(Path.Combine(dir.Path, "pkg")));
    }

    [Fact]
    public void No_gitignore_option_scans_ignored_files()
    {
        using var dir = new TempDir();
        dir.Write(".gitignore", "*.py\n");
        dir.Write("a.py", "");
        Assert.Contains("a.py", Discover(dir.Path, new ScanSettings { RespectGitignore = false }));
        Assert.DoesNotContain("a.py", Discover(dir.Path));
    }

    [Fact]
    public void Exclude_and_include_globs_filter_files()
    {
        using var dir = new TempDir();
        dir.Write("src/app.py", "");
        dir.Write("src/app_test.py", "");
        dir.Write("docs/conf.py", "");
        Assert.Equal(["src/app.py"], Discover(dir.Path, new ScanSettings { Exclude = ["*_test.py", "docs/"] }));
        Assert.Equal(["docs/conf.py"], Discover(dir.Path, new ScanSettings { Include = ["docs/**"] }));
    }

    [Fact]
    public void Symbolic_links_out_of_the_root_are_never_followed()
    {
        using var outside = new TempDir();
        outside.Write("outside.py", "");
        outside.Write("tree/deep.py", "");
        using var dir = new TempDir();
        dir.Write("inside.py", "");
        File.CreateSymbolicLink(Path.Combine(dir.Path, "link.py"), Path.Combine(outside.Path, "outside.py"));
        Directory.CreateSymbolicLink(Path.Combine(dir.Path, "linkdir"), Path.Combine(outside.Path, "tree"));
        Directory.CreateSymbolicLink(Path.Combine(dir.Path, "up"), outside.Path);
        Assert.Equal(["inside.py"], Discover(dir.Path));
    }

    [Fact]
    public void Symbolic_links_inside_the_root_are_followed_once_and_loops_terminate()
    {
        using var dir = new TempDir();
        dir.Write("real/a.py", "");
        File.CreateSymbolicLink(Path.Combine(dir.Path, "alias.py"), Path.Combine(dir.Path, "real", "a.py"));
        Directory.CreateSymbolicLink(Path.Combine(dir.Path, "real", "loop"), dir.Path);
        var found = Discover(dir.Path);
        Assert.Equal(["alias.py", "real/a.py"], found);
    }

    [Fact]
    public void A_python_package_named_like_a_build_output_is_scanned()
    {
        using var dir = new TempDir();
        dir.Write("pkg/build/__init__.py", "");
        dir.Write("pkg/build/steps.py", "");
        dir.Write("venv/__init__.py", "");
        dir.Write("build/lib/copied.py", "");
        Assert.Equal(["pkg/build/__init__.py", "pkg/build/steps.py", "venv/__init__.py"], Discover(dir.Path));
    }
}
