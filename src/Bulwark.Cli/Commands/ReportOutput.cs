using Bulwark.Core;
using Bulwark.Engine;
using Bulwark.Reports;

namespace Bulwark.Cli.Commands;

/// <summary>Writes a scan result in the chosen format to a file (atomically) or to standard output.</summary>
public static class ReportOutput
{
    public static readonly string[] Formats = Reporters.All.Select(f => f.Name()).ToArray();

    public static void Write(ScanResult result, string format, string? path, TextWriter stdout, bool color)
    {
        if (path is null) { Render(result, format, stdout, color); return; }
        WriteAtomically(path, stream =>
        {
            using var w = new StreamWriter(stream, new System.Text.UTF8Encoding(false));
            Render(result, format, w, color: false);
        });
    }

    static void Render(ScanResult result, string format, TextWriter w, bool color)
    {
        if (!Reporters.TryParse(format, out var f)) throw new ConfigException($"unknown format '{format}'");
        Reporters.Create(f, new ReportOptions { Color = color }).Write(result, w);
    }

    public static string OneLineSummary(ScanResult result, string path) =>
        $"{result.Findings.Count} finding(s) in {result.FilesScanned} file(s); report written to {path}";

    /// <summary>Writes to a temporary file beside the target and renames it, so a failed write never leaves half a report.</summary>
    public static void WriteAtomically(string path, Action<Stream> write)
    {
        var full = Path.GetFullPath(path);
        var dir = Path.GetDirectoryName(full)!;
        if (!Directory.Exists(dir)) throw new ConfigException($"{path}: directory does not exist");
        var temp = Path.Combine(dir, "." + Path.GetFileName(full) + ".tmp" + Environment.ProcessId);
        try
        {
            using (var s = File.Create(temp)) write(s);
            File.Move(temp, full, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            try { File.Delete(temp); } catch (IOException) { }
            throw new ConfigException($"{path}: cannot write: {ex.Message}");
        }
    }
}
