using System.Diagnostics;

namespace Bulwark.Secrets;

/// <summary>
/// Runs the `git` command line without a shell: every argument is passed as one argv entry, so nothing a user or a
/// repository supplies is ever interpreted by a shell. Used for tracked-file checks and history scans.
/// </summary>
public static class GitCli
{
    public static ProcessStartInfo StartInfo(string workingDirectory, IEnumerable<string> arguments)
    {
        var psi = new ProcessStartInfo("git")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = System.Text.Encoding.UTF8,
        };
        // No pager, no prompts, no user-configured external diff or text conversion.
        psi.Environment["GIT_PAGER"] = "cat";
        psi.Environment["GIT_TERMINAL_PROMPT"] = "0";
        psi.Environment["GIT_OPTIONAL_LOCKS"] = "0";
        psi.ArgumentList.Add("-c");
        psi.ArgumentList.Add("core.quotepath=off");
        // A scanned directory's own .git/config is untrusted: `core.fsmonitor` names a program git runs whenever it
        // reads the index (ls-files does), which would execute the repository's code. Command-line -c wins.
        psi.ArgumentList.Add("-c");
        psi.ArgumentList.Add("core.fsmonitor=false");
        foreach (var a in arguments) psi.ArgumentList.Add(a);
        return psi;
    }

    /// <summary>Runs git to completion; null when git is missing, fails, or exceeds the timeout.</summary>
    public static string? Run(string workingDirectory, IEnumerable<string> arguments, int timeoutMs = 30_000)
    {
        try
        {
            using var p = Process.Start(StartInfo(workingDirectory, arguments));
            if (p is null) return null;
            p.StandardInput.Close();
            var stdout = p.StandardOutput.ReadToEndAsync();
            var stderr = p.StandardError.ReadToEndAsync();
            if (!p.WaitForExit(timeoutMs))
            {
                try { p.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
                return null;
            }
            stdout.Wait();
            stderr.Wait();
            return p.ExitCode == 0 ? stdout.Result : null;
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or IOException or InvalidOperationException) { return null; }
    }

    /// <summary>The working tree's top directory when <paramref name="dir"/> is inside a git repository.</summary>
    public static string? TopLevel(string dir) => Run(dir, ["rev-parse", "--show-toplevel"])?.Trim() is { Length: > 0 } top ? top : null;
}
