using System.Text;
using Bulwark.Core;
using Bulwark.Engine;

namespace Bulwark.Reports;

/// <summary>`--desc`: whether reports carry each advisory's full description (pip-audit's `--desc on|off|auto`).</summary>
public enum DescriptionMode
{
    /// <summary>On for the machine-readable and roomy formats (JSON, SARIF, HTML), off for the rest.</summary>
    Auto,
    On,
    Off,
}

/// <summary>One vulnerable dependency advisory (a DEP001 finding) as a row of pip-audit's table.</summary>
public sealed record AdvisoryRow(
    Finding Finding, string Package, string Version, string Id, IReadOnlyList<string> Aliases, IReadOnlyList<string> FixedIn,
    string? UpgradeTo, string Summary, string Description, string Url)
{
    /// <summary>What `--desc` prints: the advisory's details, else its summary.</summary>
    public string DescriptionOrSummary => Description.Length > 0 ? Description : Summary;
}

/// <summary>The advisory findings of a scan, read from the properties the dependency rule sets.</summary>
public static class AdvisoryRows
{
    public const string DescriptionProperty = "description";

    /// <summary>The row of an advisory finding, or null for any other finding.</summary>
    public static AdvisoryRow? Of(Finding f)
    {
        if (!f.Properties.TryGetValue("advisory", out var adv) || adv.Value is not string id) return null;
        if (!f.Properties.TryGetValue("package", out var pkg) || pkg.Value is not string package) return null;
        string Text(string key) => f.Properties.TryGetValue(key, out var v) ? ReportCommon.PropertyText(v) : "";
        string[] List(string key) => f.Properties.TryGetValue(key, out var v) && v.Value is string[] l ? l : [];
        var url = Text("url");
        return new AdvisoryRow(f, package, Text("version"), id, List("aliases"), List("fixedIn"),
            f.Properties.ContainsKey("upgradeTo") ? Text("upgradeTo") : null, Text("summary"), Text(DescriptionProperty),
            url.Length > 0 ? url : AdvisoryLinks.For(id));
    }

    /// <summary>Splits findings into advisory rows (in report order) and everything else.</summary>
    public static (List<AdvisoryRow> Advisories, List<Finding> Others) Split(IReadOnlyList<Finding> findings)
    {
        var rows = new List<AdvisoryRow>();
        var others = new List<Finding>(findings.Count);
        foreach (var f in findings)
            if (Of(f) is { } row) rows.Add(row);
            else others.Add(f);
        return (rows, others);
    }

    /// <summary>Whether a report of <paramref name="format"/> carries advisory descriptions under <paramref name="mode"/>.</summary>
    public static bool DescriptionsIn(ReportFormat format, DescriptionMode mode) => mode switch
    {
        DescriptionMode.On => true,
        DescriptionMode.Off => false,
        _ => format is ReportFormat.Json or ReportFormat.Sarif or ReportFormat.Html,
    };

    /// <summary>The result without advisory descriptions (a report of a format that leaves them out).</summary>
    public static ScanResult WithoutDescriptions(ScanResult result)
    {
        bool any = false;
        foreach (var f in result.Findings) if (f.Properties.ContainsKey(DescriptionProperty)) { any = true; break; }
        if (!any) return result;
        var findings = new List<Finding>(result.Findings.Count);
        foreach (var f in result.Findings)
        {
            if (!f.Properties.ContainsKey(DescriptionProperty)) { findings.Add(f); continue; }
            var props = new Dictionary<string, PropertyValue>(f.Properties.Count);
            foreach (var (k, v) in f.Properties) if (k != DescriptionProperty) props[k] = v;
            findings.Add(f with { Properties = props });
        }
        return result with { Findings = findings };
    }

    /// <summary>
    /// Words laid into lines of at most <paramref name="width"/> characters, each prefixed with <paramref name="indent"/>;
    /// a line breaks only between words (a word longer than a line gets a line of its own, whole). Paragraph breaks stay.
    /// </summary>
    public static List<string> Wrap(string text, int width, string indent)
    {
        var lines = new List<string>();
        foreach (var paragraph in text.Replace("\r\n", "\n").Split("\n\n"))
        {
            var words = paragraph.Split((char[])[' ', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries);
            if (words.Length == 0) continue;
            if (lines.Count > 0) lines.Add("");
            var line = new StringBuilder(indent);
            foreach (var w in words)
            {
                if (line.Length > indent.Length && line.Length + 1 + w.Length > width)
                {
                    lines.Add(line.ToString());
                    line.Clear().Append(indent);
                }
                if (line.Length > indent.Length) line.Append(' ');
                line.Append(w);
            }
            lines.Add(line.ToString());
        }
        return lines;
    }
}
