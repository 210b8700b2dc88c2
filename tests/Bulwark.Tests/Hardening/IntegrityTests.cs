using System.Text;
using Bulwark.Cli.Commands;
using Bulwark.Core;
using Bulwark.Dependencies;
using Bulwark.Dependencies.Manifests;
using Bulwark.Engine;
using Bulwark.Tests.Support;
using static Bulwark.Tests.Cli.ExitCodeTests;

namespace Bulwark.Tests.Hardening;

public class IntegrityTests
{
    const string Vulnerable = "import subprocess\n\ndef run(cmd):\n    subprocess.run(cmd, shell=True)\n";

    static string[] Leftovers(string dir) =>
        Directory.GetFiles(dir).Where(f => Path.GetFileName(f).EndsWith(".tmp", StringComparison.Ordinal)
            || Path.GetFileName(f).EndsWith(".probe", StringComparison.Ordinal)).ToArray();

    [Fact]
    public void Writing_to_dev_null_leaves_it_a_character_device()
    {
        if (!OperatingSystem.IsLinux()) return;
        OutputFile.Write("/dev/null", s => s.Write("report"u8));
        Assert.Equal(FileType.CharacterDevice, FileTypes.Of("/dev/null", followLinks: false));
        Assert.Null(OutputFile.Problem("/dev/null"));
    }

    [Fact]
    public async Task A_report_to_a_fifo_is_written_into_it_and_the_fifo_stays()
    {
        if (!HostileFiles.CanMakeSpecialFiles) return;
        using var dir = new TempDir();
        dir.Write("a.py", Vulnerable);
        var fifo = Path.Combine(dir.Path, "out.fifo");
        HostileFiles.Fifo(fifo);
        var reader = Task.Run(() => File.ReadAllText(fifo));
        var (code, _, _) = HostileFiles.WithinSeconds(60, () => Run("scan", Path.Combine(dir.Path, "a.py"), "--format", "json", "-o", fifo, "--isolated"));
        Assert.Equal(1, code);
        var text = await reader.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Contains("\"B602\"", text);
        Assert.Equal(FileType.Fifo, FileTypes.Of(fifo, followLinks: false));
    }

    [Fact]
    public void A_regular_report_file_is_replaced_keeping_its_mode_and_a_link_to_it_stays_a_link()
    {
        if (OperatingSystem.IsWindows()) return;
        using var dir = new TempDir();
        dir.Write("a.py", Vulnerable);
        var report = dir.Write("out/report.json", "old");
        File.SetUnixFileMode(report, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead);
        var link = Path.Combine(dir.Path, "out", "latest.json");
        File.CreateSymbolicLink(link, report);

        var (code, _, _) = Run("scan", Path.Combine(dir.Path, "a.py"), "--format", "json", "-o", link, "--isolated");
        Assert.Equal(1, code);
        Assert.Equal(FileType.SymbolicLink, FileTypes.Of(link, followLinks: false));
        Assert.Contains("\"B602\"", File.ReadAllText(report));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead, File.GetUnixFileMode(report));
        Assert.Empty(Leftovers(Path.Combine(dir.Path, "out")));
    }

    [Fact]
    public void A_failed_write_leaves_the_old_file_and_no_temporary_file()
    {
        using var dir = new TempDir();
        var target = dir.Write("report.json", "previous report");
        Assert.Throws<InvalidOperationException>(() => OutputFile.Write(target, s =>
        {
            s.Write("half a rep"u8);
            throw new InvalidOperationException("reporter failed");
        }));
        Assert.Equal("previous report", File.ReadAllText(target));
        Assert.Empty(Leftovers(dir.Path));
    }

    [Fact]
    public void The_output_destination_is_checked_before_the_scan()
    {
        using var dir = new TempDir();
        dir.Write("a.py", Vulnerable);
        var (code, _, err) = Run("scan", dir.Path, "-o", Path.Combine(dir.Path, "no", "such", "dir", "r.json"), "--isolated");
        Assert.Equal(2, code);
        Assert.Contains("directory does not exist", err);
        (code, _, err) = Run("scan", dir.Path, "-o", dir.Path, "--isolated");
        Assert.Equal(2, code);
        Assert.Contains("directory", err);
        (code, _, err) = Run("baseline", "create", "-o", Path.Combine(dir.Path, "missing", "b.json"), dir.Path, "--isolated");
        Assert.Equal(2, code);
        Assert.Single(err.Trim().Split('\n'));
    }

    [Fact]
    public void A_baseline_entry_whose_rule_or_path_differ_from_the_finding_hides_nothing()
    {
        using var dir = new TempDir();
        dir.Write("app.py", Vulnerable);
        dir.Write("tests/test_a.py", "def test():\n    assert True\n");
        var first = new Scanner(new ScanSettings()).Scan(new ScanRequest([dir.Path]));
        var injection = first.Findings.Single(f => f.Rule.Id == "B602");

        // The entry says "assert in tests" but carries the shell injection's fingerprint.
        var forged = new BaselineFile([new BaselineEntry(injection.Fingerprint, "B101", "tests/test_a.py"),
            new BaselineEntry("0000", "B101", "gone.py")]);
        var result = new Scanner(new ScanSettings()).Scan(new ScanRequest([dir.Path]) { Baseline = forged });
        Assert.Contains(result.Findings, f => f.Rule.Id == "B602");
        Assert.NotNull(result.Baseline);
        Assert.Single(result.Baseline!.Mismatched);
        Assert.Single(result.Baseline.Stale);
        Assert.Contains(result.Warnings, w => w.Contains("carries the fingerprint of B602", StringComparison.Ordinal));
        Assert.Contains(result.Warnings, w => w.Contains("1 stale entry", StringComparison.Ordinal));

        var honest = BaselineFile.From(first.Findings);
        var clean = new Scanner(new ScanSettings()).Scan(new ScanRequest([dir.Path]) { Baseline = honest });
        Assert.Empty(clean.Findings);
        Assert.Equal(first.Findings.Count, clean.Baseline!.Applied);
    }

    [Fact]
    public void Baseline_files_are_read_with_rule_and_path_and_stale_counts_reach_the_json_report()
    {
        using var dir = new TempDir();
        dir.Write("app.py", Vulnerable);
        var baseline = Path.Combine(dir.Path, "baseline.json");
        Assert.Equal(0, Run("baseline", "create", "-o", baseline, Path.Combine(dir.Path, "app.py"), "--isolated").Code);
        var entries = Baseline.Read(baseline).Entries;
        Assert.All(entries, e => Assert.Equal("app.py", e.Path));
        dir.Write("app.py", "print('fixed')\n");
        var (code, json, _) = Run("scan", Path.Combine(dir.Path, "app.py"), "--baseline", baseline, "--format", "json", "--isolated");
        Assert.Equal(0, code);
        Assert.Contains("\"stale\": " + entries.Count, json);
    }

    sealed class FailingFileSystem(int failOnWrite, bool failRestore = false) : IFileSystem
    {
        int _writes;
        public List<string> Writes { get; } = [];
        public FileType KindOf(string path) => PhysicalFileSystem.Instance.KindOf(path);
        public string RealPath(string path) => PhysicalFileSystem.Instance.RealPath(path);
        public FileRead Read(string path, long maxBytes) => PhysicalFileSystem.Instance.Read(path, maxBytes);
        public void Replace(string path, byte[] content)
        {
            _writes++;
            if (_writes == failOnWrite || (failRestore && _writes > failOnWrite)) throw new IOException("No space left on device");
            Writes.Add(path);
            PhysicalFileSystem.Instance.Replace(path, content);
        }
    }

    static (TempDir Dir, List<FileChange> Changes) TwoManifests()
    {
        var dir = new TempDir();
        var a = dir.Write("a/requirements.txt", "flask==0.12.2\n");
        var b = dir.Write("b/requirements.txt", "flask==0.12.2\n");
        var changes = new List<FileChange>
        {
            new(a, "a/requirements.txt", File.ReadAllBytes(a), Encoding.UTF8.GetBytes("flask==2.2.5\n")),
            new(b, "b/requirements.txt", File.ReadAllBytes(b), Encoding.UTF8.GetBytes("flask==2.2.5\n")),
        };
        return (dir, changes);
    }

    [Fact]
    public void A_write_failing_part_way_restores_the_manifests_already_written()
    {
        var (dir, changes) = TwoManifests();
        using var _ = dir;
        var result = FileTransaction.Commit(changes, dir.Path, new FailingFileSystem(failOnWrite: 2));
        Assert.False(result.Ok);
        Assert.Equal(["a/requirements.txt"], result.Restored);
        Assert.Empty(result.LeftChanged);
        Assert.Equal("flask==0.12.2\n", File.ReadAllText(changes[0].Path));
        Assert.Equal("flask==0.12.2\n", File.ReadAllText(changes[1].Path));
        Assert.Empty(Leftovers(Path.GetDirectoryName(changes[0].Path)!));
    }

    [Fact]
    public void What_could_not_be_restored_is_named()
    {
        var (dir, changes) = TwoManifests();
        using var _ = dir;
        var result = FileTransaction.Commit(changes, dir.Path, new FailingFileSystem(failOnWrite: 2, failRestore: true));
        Assert.Equal(["a/requirements.txt"], result.LeftChanged);
        var stderr = new StringWriter();
        var planned = new PlannedChanges(changes, null);
        // Reset a/ so the plan's "unchanged since read" check holds, then fail the same way through the command.
        File.WriteAllText(changes[0].Path, "flask==0.12.2\n");
        int code = FixDepsCommand.Write(planned, dir.Path, new FailingFileSystem(failOnWrite: 2, failRestore: true), [], new StringWriter(), stderr);
        Assert.Equal(2, code);
        Assert.Contains("left changed (could not restore): a/requirements.txt", stderr.ToString());
    }

    [Fact]
    public void Edits_through_a_symbolic_link_or_outside_the_project_are_refused_before_anything_is_written()
    {
        if (OperatingSystem.IsWindows()) return;
        using var outside = new TempDir();
        var victim = outside.Write("requirements.txt", "flask==0.12.2\n");
        var (dir, changes) = TwoManifests();
        using var _ = dir;
        var link = Path.Combine(dir.Path, "linked.txt");
        File.CreateSymbolicLink(link, victim);
        changes.Add(new FileChange(link, "linked.txt", File.ReadAllBytes(victim), Encoding.UTF8.GetBytes("flask==2.2.5\n")));
        var fs = new FailingFileSystem(failOnWrite: 99);
        var result = FileTransaction.Commit(changes, dir.Path, fs);
        Assert.False(result.Ok);
        Assert.Contains("symbolic link", result.Error);
        Assert.Empty(fs.Writes);
        Assert.Equal("flask==0.12.2\n", File.ReadAllText(victim));

        changes.RemoveAt(2);
        changes.Add(new FileChange(victim, "../requirements.txt", File.ReadAllBytes(victim), Encoding.UTF8.GetBytes("x\n")));
        result = FileTransaction.Commit(changes, dir.Path, fs);
        Assert.Contains("outside the project", result.Error);
        Assert.Empty(fs.Writes);
    }

    [Fact]
    public void Fix_deps_never_follows_an_include_out_of_the_project()
    {
        using var outside = new TempDir();
        var victim = outside.Write("reqs.txt", "flask==0.12.2\n");
        using var dir = new TempDir();
        dir.Write("requirements.txt", $"-r {victim}\n");
        var set = ProjectManifests.Load(dir.Path);
        Assert.DoesNotContain(set.Manifests, m => m.FullPath == victim);
        Assert.Contains(set.Problems, p => p.StartsWith("requirements.txt:1:", StringComparison.Ordinal));
    }
}
