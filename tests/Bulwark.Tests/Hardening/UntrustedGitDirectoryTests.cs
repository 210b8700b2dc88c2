using System.Diagnostics;
using Bulwark.Documents.Notebooks;
using Bulwark.Engine;
using Bulwark.Secrets;
using Bulwark.Tests.Support;

namespace Bulwark.Tests.Hardening;

/// <summary>
/// A scanned repository's `.git` and notebooks are untrusted too: the git revision read for the report's evidence
/// never blocks or reads without bound, `--changed-since` runs no filter the repository configures, and a notebook
/// cannot label code away.
/// </summary>
public class UntrustedGitDirectoryTests
{
    [Fact]
    public void A_head_pointing_at_a_fifo_or_outside_the_git_directory_is_not_read()
    {
        if (!HostileFiles.CanMakeSpecialFiles) return;
        using var dir = new TempDir();
        dir.Write(".git/HEAD", "ref: refs/heads/main\n");
        Directory.CreateDirectory(Path.Combine(dir.Path, ".git", "refs", "heads"));
        HostileFiles.Fifo(Path.Combine(dir.Path, ".git", "refs", "heads", "main"));
        var clock = Stopwatch.StartNew();
        var (commit, branch) = ScanEvidence.GitRevision(dir.Path);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10));
        Assert.Null(commit);
        Assert.Equal("main", branch);

        dir.Write(".git/HEAD", "ref: /dev/zero\n");
        Assert.Equal((null, null), ScanEvidence.GitRevision(dir.Path));
        dir.Write(".git/HEAD", "ref: refs/../../../outside\n");
        Assert.Equal((null, null), ScanEvidence.GitRevision(dir.Path));
    }

    [Fact]
    public void A_nul_in_a_gitdir_file_is_no_crash()
    {
        using var dir = new TempDir();
        dir.Write(".git", "gitdir: a\0b\n");
        Assert.Equal((null, null), ScanEvidence.GitRevision(dir.Path));
    }

    [Fact]
    public void Changed_since_runs_no_clean_filter_the_repository_configures()
    {
        using var dir = new TempDir();
        var marker = Path.Combine(dir.Path, "..", Path.GetFileName(dir.Path) + "-filter-ran");
        void Git(params string[] args) =>
            Assert.NotNull(GitCli.Run(dir.Path, new[] { "-c", "user.email=dev@example.org", "-c", "user.name=Dev", "-c", "commit.gpgsign=false" }.Concat(args)));
        Git("init", "-q");
        dir.Write("a.py", "x = 1\n");
        Git("add", "-A");
        Git("commit", "-q", "-m", "base");
        Git("config", "filter.pwn.clean", $"sh -c 'touch \"{marker}\"; cat'");
        dir.Write(".gitattributes", "*.py filter=pwn\n");
        dir.Write("a.py", "x = 2\n");
        try
        {
            var changed = ChangedFiles.Since(dir.Path, "HEAD");
            Assert.Contains("a.py", changed);
            Assert.False(File.Exists(marker), "the repository's clean filter ran");
        }
        finally { File.Delete(marker); }
    }

    static string Code(string cells, string metadata = """{"kernelspec": {"name": "python3", "language": "python"}}""") =>
        Notebook.Read($$"""{"cells": [{{cells}}], "metadata": {{metadata}}, "nbformat": 4, "nbformat_minor": 5}""")!.Code;

    [Fact]
    public void A_question_mark_at_the_end_of_a_code_line_does_not_hide_it()
    {
        var code = Code("""{"cell_type": "code", "source": ["os.system(input())  # why?\n", "os.path?\n", "??len\n"]}""");
        Assert.Equal("os.system(input())  # why?\npass\npass\n", code);
    }

    [Fact]
    public void Cell_magics_that_run_their_body_as_python_keep_it()
    {
        Assert.Equal("pass\neval(input())\n", Code("""{"cell_type": "code", "source": "%%time\neval(input())\n"}"""));
        Assert.Equal("pass\n\n", Code("""{"cell_type": "code", "source": "%%bash\nrm -rf /\n"}"""));
    }

    [Fact]
    public void A_python_kernel_is_python_whatever_the_language_label_says()
    {
        Assert.True(Notebook.Read("""{"cells": [], "metadata": {"kernelspec": {"name": "python3", "language": "text"}}, "nbformat": 4}""")!.IsPython);
        Assert.False(Notebook.Read("""{"cells": [], "metadata": {"kernelspec": {"name": "ir", "language": "R"}}, "nbformat": 4}""")!.IsPython);
    }
}
