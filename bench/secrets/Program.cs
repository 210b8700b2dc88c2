// Secrets benchmark: (1) the secrets text pass over a corpus, against reading the same files alone;
// (2) pathological multi-megabyte inputs, each with a time bound (exit 1 when one is exceeded).
using System.Diagnostics;
using System.Text;
using Bulwark.Core;
using Bulwark.Engine;
using Bulwark.Python;
using Bulwark.Secrets;

var mode = args.Length > 0 ? args[0] : "all";
int failures = 0;
string? lastFigure = null;

if (mode is "all" or "hostile")
{
    const int Megabytes = 8;
    const double BoundSeconds = 2.0; // per 8 MB input; a quadratic matcher takes minutes
    foreach (var kind in new[] { "tokens", "pem", "jwt", "assignments", "urls", "base64", "putty", "escaped" })
    {
        var text = Hostile(kind, Megabytes);
        SecretScanner.Scan(text[..100_000], ScanMode.Formats | ScanMode.Generic | ScanMode.EscapedQuotes);
        var clock = Stopwatch.StartNew();
        var found = SecretScanner.Scan(text, ScanMode.Formats | ScanMode.Generic | ScanMode.EscapedQuotes).Count;
        var s = clock.Elapsed.TotalSeconds;
        bool ok = s <= BoundSeconds;
        if (!ok) failures++;
        Console.WriteLine($"hostile {kind,-12} {Megabytes} MB: {s,6:F3} s ({Megabytes / s,7:F1} MB/s), {found} matches {(ok ? "ok" : $"OVER the {BoundSeconds} s bound")}");
    }
    lastFigure = $"hostile inputs: {(failures == 0 ? "all within" : $"{failures} over")} the 2 s bound for 8 MB";
}

if (mode is "all" or "corpus")
{
    var root = args.Length > 1 ? args[1] : throw new ArgumentException("corpus mode needs a directory");
    var files = new FileDiscovery(new ScanSettings()).Discover(root).Where(SecretFiles.IsScannable).ToList();
    long bytes = files.Sum(f => f.Length);
    // Warm the page cache, then time reading alone and reading + scanning, single-threaded so the figure is per core.
    Read(files, scan: false, out _);
    var readOnly = Time(() => Read(files, scan: false, out _));
    int matches = 0;
    var withScan = Time(() => Read(files, scan: true, out matches));
    Console.WriteLine($"corpus: {files.Count} files, {bytes / 1e6:F0} MB (text files the secrets rules read)");
    Console.WriteLine($"read+decode alone: {readOnly:F2} s; read+decode+secrets scan: {withScan:F2} s; scan adds {withScan - readOnly:F2} s ({(withScan - readOnly) / withScan * 100:F0}% of the pass), {matches} detections");
    lastFigure = $"secrets pass over {files.Count} files ({bytes / 1e6:F0} MB), one core: {withScan:F2} s (reading alone {readOnly:F2} s)";
}

Console.WriteLine($"machine: {Environment.ProcessorCount} cores, load {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
Console.WriteLine(lastFigure);
return failures == 0 ? 0 : 1;

static double Time(Action a)
{
    var clock = Stopwatch.StartNew();
    a();
    return clock.Elapsed.TotalSeconds;
}

static void Read(List<DiscoveredFile> files, bool scan, out int matches)
{
    matches = 0;
    foreach (var f in files)
    {
        if (f.Length > Scanner.MaxFileBytes) continue;
        byte[] bytes;
        try { bytes = File.ReadAllBytes(f.FullPath); } catch (IOException) { continue; }
        string? text;
        if (f.IsPython) { var d = SourceDecoder.Decode(bytes); text = d.Ok ? d.Text : null; }
        else text = SourceDecoder.LooksBinary(bytes) ? null : Encoding.UTF8.GetString(bytes);
        if (text is null || !scan) continue;
        matches += SecretScanner.Scan(text, SecretFiles.ModeFor(f.RelativePath)).Count;
    }
}

static string Hostile(string kind, int megabytes)
{
    int n = megabytes * 1024 * 1024;
    var sb = new StringBuilder(n + 1024);
    var r = new Random(1);
    while (sb.Length < n)
        switch (kind)
        {
            case "tokens": sb.Append("ghp_ghp_xoxb-1234567890-sk_live_AKIAsk-ant-api03-github_pat_"); break;
            case "pem": sb.Append("-----BEGIN RSA PRIVATE KEY-----\nMIIE"); break;
            case "jwt": sb.Append("eyJhbGciOiJIUzI1NiJ9.eyJ"); break;
            case "assignments": sb.Append("password=password=\"x"); break;
            case "urls": sb.Append("postgres://a:b:c:d@@@@"); break;
            case "base64": sb.Append("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"[r.Next(64)]); break;
            case "putty": sb.Append("PuTTY-User-Key-File-2: x\n"); break;
            case "escaped": sb.Append("\\\"token\\\": \\\""); break;
        }
    return sb.ToString();
}
