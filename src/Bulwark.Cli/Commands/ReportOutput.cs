using Bulwark.Core;
using Bulwark.Engine;
using Bulwark.Reports;

namespace Bulwark.Cli.Commands;

/// <summary>Writes a scan result in the chosen format to a file (atomically) or to standard output.</summary>
public static class ReportOutput
{
    public static readonly string[] Formats = Reporters.All.Select(f => f.Name()).ToArray();

    public static void Write(ScanResult result, string format, string? path, TextWriter stdout, bool color, bool timing = false)
    {
        if (path is null) { Render(result, format, stdout, color, timing); return; }
        WriteAtomically(path, stream =>
        {
            using var w = new StreamWriter(stream, new System.Text.UTF8Encoding(false));
            Render(result, format, w, color: false, timing);
        });
    }

    static void Render(ScanResult result, string format, TextWriter w, bool color, bool timing)
    {
        if (!Reporters.TryParse(format, out var f)) throw new ConfigException($"unknown format '{format}'");
        Reporters.Create(f, new ReportOptions { Color = color, Timing = timing }).Write(result, w);
    }

    /// <summary>Fails before a long scan when the output could not be written (no directory, not writable, a directory).</summary>
    public static void CheckDestination(string? path)
    {
        if (path is not null && OutputFile.Problem(path) is { } problem) throw new ConfigException(Untrusted.Visible(problem));
    }

    public static string OneLineSummary(ScanResult result, string path) =>
        $"{result.Findings.Count} finding(s) in {result.FilesScanned} file(s); report written to {path}";

    /// <summary>
    /// A regular file is replaced through a temporary file beside it and a rename (mode and owner kept), so a
    /// failed write never leaves half a report; a FIFO, a device or `/dev/stdout` is written in place, never replaced.
    /// </summary>
    public static void WriteAtomically(string path, Action<Stream> write)
    {
        if (string.IsNullOrWhiteSpace(path)) throw new ConfigException("empty output path");
        try { OutputFile.Write(path, write); }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            throw new ConfigException(Untrusted.Visible($"{path}: cannot write: {ex.Message}"));
        }
    }
}
