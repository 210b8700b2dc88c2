using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Bulwark.Core;
using Bulwark.Engine;

namespace Bulwark.Reports;

/// <summary>Tallies and helpers shared by every format so their summaries agree.</summary>
internal static class ReportCommon
{
    /// <summary>Counts indexed by (int)Severity.</summary>
    public static int[] CountBySeverity(IReadOnlyList<Finding> findings)
    {
        var counts = new int[Enum.GetValues<Severity>().Length];
        foreach (var f in findings) counts[(int)f.Severity]++;
        return counts;
    }

    /// <summary>Counts indexed by (int)Family.</summary>
    public static int[] CountByFamily(IReadOnlyList<Finding> findings)
    {
        var counts = new int[Enum.GetValues<Family>().Length];
        foreach (var f in findings) counts[(int)f.Rule.Family]++;
        return counts;
    }

    /// <summary>Findings grouped by path, keeping the order in which paths first appear (the scanner sorts them).</summary>
    public static List<(string Path, List<Finding> Findings)> GroupByFile(IReadOnlyList<Finding> findings)
    {
        var groups = new List<(string, List<Finding>)>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var f in findings)
        {
            var path = DisplayPath(f.Location.Path);
            if (!index.TryGetValue(path, out var i))
            {
                i = groups.Count;
                index[path] = i;
                groups.Add((path, new List<Finding>()));
            }
            groups[i].Item2.Add(f);
        }
        return groups;
    }

    /// <summary>Reports always use '/' so that output is the same on every OS.</summary>
    public static string DisplayPath(string path) => path.Replace('\\', '/');

    /// <summary>A relative path as a URI reference: each segment percent-encoded, '/' kept.</summary>
    public static string RelativeUri(string path)
    {
        var segments = DisplayPath(path).Split('/');
        for (int i = 0; i < segments.Length; i++) segments[i] = Uri.EscapeDataString(segments[i]);
        return string.Join('/', segments);
    }

    /// <summary>The scan root as a file: URI ending in '/', as SARIF requires of a base URI.</summary>
    public static string RootUri(string root)
    {
        var full = DisplayPath(root);
        var sb = new StringBuilder("file://");
        if (full.Length > 1 && full[1] == ':') sb.Append('/'); // Windows drive letter: file:///C:/...
        var segments = full.Split('/');
        for (int i = 0; i < segments.Length; i++)
        {
            if (i > 0) sb.Append('/');
            var s = segments[i];
            // A drive letter's colon stays literal; every other segment is percent-encoded.
            sb.Append(i == 0 && s.Length == 2 && s[1] == ':' ? s : Uri.EscapeDataString(s));
        }
        if (sb[^1] != '/') sb.Append('/');
        return sb.ToString();
    }

    public static string Plural(int n, string singular, string plural) => n == 1 ? $"1 {singular}" : $"{n.ToString(CultureInfo.InvariantCulture)} {plural}";

    public static string Seconds(TimeSpan elapsed) => elapsed.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture) + "s";

    public static long Milliseconds(TimeSpan elapsed) => (long)Math.Round(elapsed.TotalMilliseconds, MidpointRounding.AwayFromZero);

    public static JsonWriterOptions WriterOptions => new()
    {
        Indented = true,
        NewLine = "\n",
        // Keeps non-ASCII paths and messages readable; the output is a JSON file, never embedded in HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>
    /// Runs a JSON writing callback, streaming the UTF-8 it produces to a TextWriter: a report of 500,000 findings
    /// is never held whole in memory (writers call <see cref="FlushIfLarge"/> between findings).
    /// </summary>
    public static void WriteJson(TextWriter output, Action<Utf8JsonWriter> write)
    {
        using (var stream = new Utf8ToText(output))
        using (var writer = new Utf8JsonWriter(stream, WriterOptions))
            write(writer);
        output.Write('\n');
    }

    /// <summary>Hands what the writer has buffered to the output once it is large.</summary>
    public static void FlushIfLarge(Utf8JsonWriter w)
    {
        if (w.BytesPending > 64 * 1024) w.Flush();
    }

    /// <summary>A write-only stream that decodes UTF-8 (split sequences included) onto a TextWriter.</summary>
    sealed class Utf8ToText(TextWriter output) : Stream
    {
        readonly Decoder _decoder = new UTF8Encoding(false).GetDecoder();
        char[] _chars = new char[16 * 1024];
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));
        public override void Write(ReadOnlySpan<byte> bytes)
        {
            int needed = _decoder.GetCharCount(bytes, flush: false);
            if (needed > _chars.Length) _chars = new char[needed];
            int n = _decoder.GetChars(bytes, _chars, flush: false);
            output.Write(_chars, 0, n);
        }
    }

    /// <summary>Files scanned and skipped, suppressed counts by mechanism, and (with timing on) the elapsed time (JSON summary, SARIF run properties).</summary>
    public static void WriteScanCounts(Utf8JsonWriter w, ScanResult result, bool includeTotal, bool timing = false)
    {
        w.WriteNumber("filesScanned", result.FilesScanned);
        w.WriteNumber("filesSkipped", result.FilesSkipped);
        w.WriteStartObject("notAnalysed");
        foreach (var (reason, count) in SkippedByReason(result)) w.WriteNumber(reason, count);
        w.WriteEndObject();
        w.WriteStartObject("suppressed");
        w.WriteNumber("nosec", result.Suppressed.Nosec);
        w.WriteNumber("inline", result.Suppressed.Inline);
        w.WriteNumber("baseline", result.Suppressed.Baseline);
        w.WriteNumber("config", result.Suppressed.Config);
        if (includeTotal) w.WriteNumber("total", result.Suppressed.Total);
        w.WriteEndObject();
        if (result.Baseline is { } b)
        {
            w.WriteStartObject("baseline");
            w.WriteNumber("applied", b.Applied);
            w.WriteNumber("stale", b.Stale.Count);
            w.WriteNumber("mismatched", b.Mismatched.Count);
            w.WriteEndObject();
        }
        if (timing) w.WriteNumber("elapsedMs", Milliseconds(result.Elapsed));
    }

    /// <summary>How many files each reason kept from analysis, in the order of <see cref="SkipReasons.All"/>, non-zero only.</summary>
    public static List<(string Reason, int Count)> SkippedByReason(ScanResult result)
    {
        var counts = new List<(string, int)>();
        foreach (var reason in SkipReasons.All)
        {
            int n = 0;
            foreach (var s in result.Skipped) if (s.Reason == reason) n++;
            if (n > 0) counts.Add((reason, n));
        }
        return counts;
    }

    /// <summary>One line for a file that was not analysed: `path: reason (detail)`.</summary>
    public static string Describe(SkippedFile s) =>
        s.Path + ": " + s.Reason + (s.Detail is null ? "" : " (" + s.Detail + ")");

    public static void WritePropertyValue(Utf8JsonWriter w, PropertyValue value)
    {
        switch (value.Value)
        {
            case string s: w.WriteStringValue(s); break;
            case bool b: w.WriteBooleanValue(b); break;
            case long n: w.WriteNumberValue(n); break;
            case double d when double.IsFinite(d): w.WriteNumberValue(d); break;
            // JSON has no NaN or infinity; keep the information as text rather than failing the report.
            case double d: w.WriteStringValue(d.ToString(CultureInfo.InvariantCulture)); break;
            case string[] list:
                w.WriteStartArray();
                foreach (var item in list) w.WriteStringValue(item);
                w.WriteEndArray();
                break;
            default: w.WriteNullValue(); break;
        }
    }

    /// <summary>A property value as plain text (text and HTML reports).</summary>
    public static string PropertyText(PropertyValue value) => value.Value switch
    {
        string s => s,
        bool b => b ? "true" : "false",
        long n => n.ToString(CultureInfo.InvariantCulture),
        double d => d.ToString(CultureInfo.InvariantCulture),
        string[] list => string.Join(", ", list),
        _ => "",
    };

    /// <summary>Properties in ordinal key order, so output does not depend on dictionary internals.</summary>
    public static List<KeyValuePair<string, PropertyValue>> SortedProperties(IReadOnlyDictionary<string, PropertyValue> properties)
    {
        var list = new List<KeyValuePair<string, PropertyValue>>(properties);
        list.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
        return list;
    }

    public static string LocationText(Location l) =>
        l.IsWholeFile ? DisplayPath(l.Path)
        : $"{DisplayPath(l.Path)}:{l.StartLine.ToString(CultureInfo.InvariantCulture)}:{l.StartColumn.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>Summary lines shared by text and HTML: the families that have findings, in enum order.</summary>
    public static List<(Family Family, int Count)> NonZeroFamilies(int[] byFamily)
    {
        var list = new List<(Family, int)>();
        foreach (var f in Enum.GetValues<Family>())
            if (byFamily[(int)f] > 0) list.Add((f, byFamily[(int)f]));
        return list;
    }

    public static IReadOnlyList<Severity> SeveritiesDescending { get; } = [Severity.Critical, Severity.High, Severity.Medium, Severity.Low];
}
