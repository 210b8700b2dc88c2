using Bulwark.Secrets;
using Bulwark.Tests.Support;
using static Bulwark.Tests.Cli.ExitCodeTests;

namespace Bulwark.Tests.Hardening;

/// <summary>Scanning never runs anything the scanned repository names.</summary>
public class NoCodeExecutionTests
{
    static void Git(string dir, params string[] args)
    {
        var env = new[] { "-c", "user.email=dev@example.org", "-c", "user.name=Dev", "-c", "commit.gpgsign=false" };
        Assert.NotNull(GitCli.Run(dir, env.Concat(args)));
    }

    /// <summary>
    /// A directory's own `.git/config` is as untrusted as its files: `core.fsmonitor` names a program git runs when it
    /// reads the index, which `git ls-files` (the tracked-.env check) and history scans would otherwise do.
    /// </summary>
    [Fact]
    public void A_hostile_git_config_never_runs_its_fsmonitor_hook()
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS()) return;
        Assert.True(GitCli.Run(Path.GetTempPath(), ["--version"]) is not null, "git is required for this test");
        using var dir = new TempDir();
        using var outside = new TempDir();
        var marker = Path.Combine(outside.Path, "ran");
        var hook = outside.Write("hook.sh", $"#!/bin/sh\ntouch '{marker}'\nexit 1\n");
        File.SetUnixFileMode(hook, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        Git(dir.Path, "init", "-q");
        dir.Write(".env", "DB_PASSWORD=Xk9#mq2Lp!\n");
        dir.Write("a.py", "x = 1\n");
        Git(dir.Path, "add", ".env", "a.py");
        Git(dir.Path, "commit", "-q", "-m", "init");
        Git(dir.Path, "config", "core.fsmonitor", hook);
        Assert.False(File.Exists(marker)); // git config itself does not run it

        var (code, output, err) = Run("scan", dir.Path, "--isolated", "--format", "json", "--history");
        Assert.False(File.Exists(marker), "the repository's fsmonitor hook was executed");
        Assert.InRange(code, 0, 1);
        Assert.Contains("\"BW804\"", output); // the tracked-file check still worked
        Assert.DoesNotContain("internal error", err);
    }
}
