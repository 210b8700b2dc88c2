using System.Diagnostics;

namespace Bulwark.Tests.Hardening;

/// <summary>Makes the special files a hostile repository may hold (FIFOs, devices) with the system's own tools.</summary>
static class HostileFiles
{
    public static bool CanMakeSpecialFiles => OperatingSystem.IsLinux() || OperatingSystem.IsMacOS();

    public static void Fifo(string path) => Run("mkfifo", path);

    /// <summary>A character device node equal to /dev/zero (1,5); false when not permitted (only root may).</summary>
    public static bool ZeroDevice(string path)
    {
        try { Run("mknod", path, "c", "1", "5"); return true; }
        catch (InvalidOperationException) { return false; }
    }

    static void Run(string tool, params string[] args)
    {
        var psi = new ProcessStartInfo(tool) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi) ?? throw new InvalidOperationException(tool + " did not start");
        p.WaitForExit(10_000);
        if (p.ExitCode != 0) throw new InvalidOperationException($"{tool} failed: {p.StandardError.ReadToEnd()}");
    }

    /// <summary>Runs <paramref name="action"/> on another thread and fails the test if it has not finished in time (a hang).</summary>
    public static T WithinSeconds<T>(double seconds, Func<T> action)
    {
        var task = Task.Factory.StartNew(action, TaskCreationOptions.LongRunning);
        if (!task.Wait(TimeSpan.FromSeconds(seconds))) throw new TimeoutException($"did not finish within {seconds} s");
        return task.Result;
    }
}
