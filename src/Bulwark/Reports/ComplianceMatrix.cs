using System.Globalization;
using System.Text;
using System.Text.Json;
using Bulwark.Core;
using Bulwark.Engine;

namespace Bulwark.Reports;

/// <summary>
/// One row of the compliance matrix: a principle, an OWASP category, a CWE Top 25 entry or a regulatory control.
/// It is checked exactly when a rule mapped to it ran, and lists the findings of those rules.
/// </summary>
public sealed record ComplianceArea(ComplianceFramework Framework, string Key, string Label, string Title,
    IReadOnlyList<string> RulesRun, IReadOnlyList<Finding> Findings)
{
    public bool Checked => RulesRun.Count > 0;

    /// <summary>`findings`, `clean` or `not-checked`.</summary>
    public string Status => Findings.Count > 0 ? "findings" : Checked ? "clean" : "not-checked";
}

/// <summary>Builds the compliance matrix of a scan from the mappings the rules declare (<see cref="RuleInfo.Compliance"/>).</summary>
public static class ComplianceMatrix
{
    public static IReadOnlyList<ComplianceFramework> Frameworks { get; } = Enum.GetValues<ComplianceFramework>();

    static readonly Dictionary<SecurityPrinciple, string> PrincipleTitles = new()
    {
        [SecurityPrinciple.Confidentiality] = "Information is disclosed only to those authorised to see it",
        [SecurityPrinciple.Integrity] = "Data and code change only in authorised, intended ways",
        [SecurityPrinciple.Availability] = "Systems and data stay usable when they are needed",
        [SecurityPrinciple.Authentication] = "Users, services and peers are who they claim to be",
        [SecurityPrinciple.Authorization] = "Each actor can do only what it is permitted to do",
        [SecurityPrinciple.NonRepudiation] = "Actions can be attributed to their author, who cannot deny them",
        [SecurityPrinciple.Accountability] = "Actions and failures leave evidence that can be audited",
    };

    public static string PrincipleTitle(SecurityPrinciple p) => PrincipleTitles[p];

    /// <summary>The rows of one framework (or of all, in <see cref="Frameworks"/> order) with their rules and findings.</summary>
    public static IReadOnlyList<ComplianceArea> Build(ScanResult result, ComplianceFramework? only = null)
    {
        var areas = new List<ComplianceArea>();
        foreach (var fw in Frameworks)
        {
            if (only is { } o && o != fw) continue;
            foreach (var (key, label, title, maps) in Rows(fw))
            {
                // Index loops over the read-only lists: a foreach through the interface allocates an enumerator per
                // area and list, and those (with the ones in Contains, per rule) were most of this step's start-up cost.
                var rules = new List<string>();
                for (int i = 0; i < result.Rules.Count; i++) if (result.Rules[i] is var r && maps(r)) rules.Add(r.Id);
                var findings = new List<Finding>();
                for (int i = 0; i < result.Findings.Count; i++) if (result.Findings[i] is var f && maps(f.Rule)) findings.Add(f);
                areas.Add(new ComplianceArea(fw, key, label, title, rules, findings));
            }
        }
        return areas;
    }

    static IEnumerable<(string Key, string Label, string Title, Func<RuleInfo, bool> Maps)> Rows(ComplianceFramework fw)
    {
        switch (fw)
        {
            case ComplianceFramework.Principles:
                foreach (var p in Compliance.AllPrinciples)
                    yield return (p.Name(), Capitalise(p.Name()), PrincipleTitles[p], r => (r.Compliance.Principles & p) != 0);
                break;
            case ComplianceFramework.Owasp:
                foreach (var o in Enum.GetValues<Owasp2021>())
                    yield return (o.Code(), o.Code(), o.Title(), r => r.Compliance.Owasp == o);
                break;
            case ComplianceFramework.CweTop25:
                for (int i = 0; i < CweTop25.Entries.Count; i++)
                {
                    var (cwe, name) = CweTop25.Entries[i];
                    var id = "CWE-" + cwe.ToString(CultureInfo.InvariantCulture);
                    yield return (id, $"#{(i + 1).ToString(CultureInfo.InvariantCulture)} {id}", name, r => r.Cwe == cwe);
                }
                break;
            default:
                foreach (var c in ComplianceControls.All)
                    if (c.Framework == fw)
                        yield return (c.Key, c.Label, c.Title, r => Contains(r.Compliance.Controls, c));
                break;
        }
    }

    static bool Contains(IReadOnlyList<ComplianceControl> list, ComplianceControl c)
    {
        for (int i = 0; i < list.Count; i++) if (ReferenceEquals(list[i], c) || list[i] == c) return true;
        return false;
    }

    static string Capitalise(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];

    /// <summary>Distinct rule ids of an area's findings, sorted.</summary>
    public static List<string> FiringRules(ComplianceArea area)
    {
        var set = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var f in area.Findings) set.Add(f.Rule.Id);
        return [.. set];
    }

    public const string Disclaimer = "Which principles and controls the findings bear on, from each rule's declared mapping. An area is checked when a rule mapped to it ran. Guidance for reviewers, not legal advice or a compliance determination.";

    /// <summary>The matrix as JSON: `{ framework, key, label, title, status, rulesRun, findings, rulesFiring }` per area.</summary>
    public static void WriteJson(IReadOnlyList<ComplianceArea> areas, Utf8JsonWriter w)
    {
        w.WriteStartArray();
        foreach (var a in areas)
        {
            w.WriteStartObject();
            w.WriteString("framework", a.Framework.Name());
            w.WriteString("key", a.Key);
            w.WriteString("label", a.Label);
            w.WriteString("title", a.Title);
            w.WriteString("status", a.Status);
            w.WriteBoolean("checked", a.Checked);
            w.WriteNumber("findings", a.Findings.Count);
            w.WriteStartArray("rulesRun");
            foreach (var r in a.RulesRun) w.WriteStringValue(r);
            w.WriteEndArray();
            w.WriteStartArray("rulesFiring");
            foreach (var r in FiringRules(a)) w.WriteStringValue(r);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    /// <summary>The matrix alone as an indented JSON document (`bulwark report compliance --format json`).</summary>
    public static void WriteJsonDocument(TextWriter output, IReadOnlyList<ComplianceArea> areas) =>
        ReportCommon.WriteJson(output, w => WriteJson(areas, w));

    /// <summary>The matrix as plain text (`markdown: false`) or a Markdown table per framework.</summary>
    public static string Render(IReadOnlyList<ComplianceArea> areas, bool markdown)
    {
        var sb = new StringBuilder();
        ComplianceFramework? current = null;
        foreach (var a in areas)
        {
            if (current != a.Framework)
            {
                if (current is not null) sb.Append('\n');
                current = a.Framework;
                if (markdown) sb.Append("## ").Append(a.Framework.Title()).Append("\n\n| Area | Description | Status | Findings | Rules firing |\n|---|---|---|---:|---|\n");
                else sb.Append(a.Framework.Title()).Append('\n');
            }
            var status = a.Status switch { "findings" => "FINDINGS", "clean" => "checked, none", _ => "not checked" };
            var firing = string.Join(", ", FiringRules(a));
            var count = a.Findings.Count.ToString(CultureInfo.InvariantCulture);
            if (markdown)
                sb.Append("| ").Append(MdCell(a.Label)).Append(" | ").Append(MdCell(a.Title)).Append(" | ").Append(status)
                  .Append(" | ").Append(count).Append(" | ").Append(MdCell(firing)).Append(" |\n");
            else
            {
                sb.Append("  ").Append(a.Label.PadRight(20)).Append(' ').Append(status.PadRight(15)).Append(' ').Append(count.PadLeft(5)).Append("  ").Append(a.Title);
                if (firing.Length > 0) sb.Append(" [").Append(firing).Append(']');
                sb.Append('\n');
            }
        }
        sb.Append('\n').Append(Disclaimer).Append('\n');
        return sb.ToString();
    }

    static string MdCell(string s) => s.Replace("|", "\\|");

    /// <summary>Short names of frameworks for the text report's compliance lines.</summary>
    static string ShortTitle(ComplianceFramework f) => f switch
    {
        ComplianceFramework.Principles => "Principles",
        ComplianceFramework.Owasp => "OWASP Top 10 2021",
        ComplianceFramework.CweTop25 => "CWE Top 25 " + CweTop25.Edition,
        ComplianceFramework.Gdpr => "GDPR",
        ComplianceFramework.Hipaa => "HIPAA",
        ComplianceFramework.Ccpa => "CCPA",
        ComplianceFramework.Pci => "PCI DSS 4.0 req. 6",
        _ => f.Title(),
    };

    /// <summary>How an area is cited in one line: the principle, `A03:2021`, `CWE-89`, or a control's label.</summary>
    public static string Citation(ComplianceArea a) =>
        a.Framework is ComplianceFramework.Principles or ComplianceFramework.Owasp or ComplianceFramework.CweTop25 ? a.Key : a.Label;

    /// <summary>
    /// The text report's short matrix: one line per framework with its counts of areas with findings, checked
    /// (findings or clean) and in all, and the areas with findings; the same areas as the JSON and HTML matrix.
    /// </summary>
    public static List<string> SummaryLines(IReadOnlyList<ComplianceArea> areas)
    {
        var lines = new List<string> { "Compliance (areas with findings / checked / in all; `bulwark report compliance` shows the matrix):" };
        foreach (var fw in Frameworks)
        {
            int total = 0, checkedAreas = 0;
            var firing = new List<string>();
            foreach (var a in areas)
            {
                if (a.Framework != fw) continue;
                total++;
                if (a.Checked) checkedAreas++;
                // Two CCPA controls share a label: each citation is listed once.
                if (a.Findings.Count > 0 && !firing.Contains(Citation(a))) firing.Add(Citation(a));
            }
            if (total == 0) continue;
            int withFindings = 0;
            foreach (var a in areas) if (a.Framework == fw && a.Findings.Count > 0) withFindings++;
            var counts = $"{withFindings.ToString(CultureInfo.InvariantCulture)} / {checkedAreas.ToString(CultureInfo.InvariantCulture)} / {total.ToString(CultureInfo.InvariantCulture)}";
            lines.Add($"  {ShortTitle(fw).PadRight(19)} {counts.PadRight(12)}{(firing.Count > 0 ? " " + string.Join(", ", firing) : "")}".TrimEnd());
        }
        return lines;
    }

    /// <summary>One rule's declared mapping, for `bulwark explain` (text) and its docs page (Markdown): one line per framework it maps to.</summary>
    public static List<(string Framework, string Areas)> RuleMapping(RuleInfo r)
    {
        var rows = new List<(string, string)>();
        var principles = new List<string>();
        foreach (var p in Compliance.AllPrinciples) if ((r.Compliance.Principles & p) != 0) principles.Add(p.Name());
        if (principles.Count > 0) rows.Add((ComplianceFramework.Principles.Title(), string.Join(", ", principles)));
        if (r.Compliance.Owasp is { } o) rows.Add((ComplianceFramework.Owasp.Title(), $"{o.Code()} {o.Title()}"));
        if (CweTop25.Rank(r.Cwe) is { } rank)
            rows.Add((ComplianceFramework.CweTop25.Title(), $"#{rank.ToString(CultureInfo.InvariantCulture)} CWE-{r.Cwe!.Value.ToString(CultureInfo.InvariantCulture)} {CweTop25.Entries[rank - 1].Name}"));
        foreach (var fw in new[] { ComplianceFramework.Gdpr, ComplianceFramework.Hipaa, ComplianceFramework.Ccpa, ComplianceFramework.Pci })
        {
            var controls = new List<string>();
            foreach (var c in r.Compliance.Controls) if (c.Framework == fw) controls.Add($"{c.Label} {c.Title}");
            if (controls.Count > 0) rows.Add((fw.Title(), string.Join("; ", controls)));
        }
        return rows;
    }
}
