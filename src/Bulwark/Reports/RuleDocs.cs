using System.Collections;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Bulwark.Core;
using Bulwark.Rules;

namespace Bulwark.Reports;

/// <summary>
/// Renders rule metadata for people: `bulwark explain`, `bulwark rules`, docs/rules/*.md and the SARIF help
/// text all come from here, so they cannot disagree with each other or with the rule.
/// </summary>
public static class RuleDocs
{
    /// <summary>First line of every generated page; marks files that <see cref="GenerateDocs(string)"/> may replace or delete.</summary>
    public const string GeneratedMarker = "<!-- Generated from the rule's metadata by `bulwark debug gen-docs`; do not edit by hand. -->";

    const int WrapWidth = 88;

    // ---------------------------------------------------------------- explain

    /// <summary>The plain-text page `bulwark explain ID` prints (also SARIF `help.text`).</summary>
    public static string Explain(RuleInfo r)
    {
        var sb = new StringBuilder();
        sb.Append(r.Id).Append(": ").Append(r.Name).Append('\n');
        sb.Append("Family: ").Append(r.Family.Name())
          .Append("   Severity: ").Append(r.Severity.Name())
          .Append("   Confidence: ").Append(r.Confidence.Name());
        if (r.Cwe is { } cwe) sb.Append("   CWE-").Append(cwe.ToString(CultureInfo.InvariantCulture));
        sb.Append('\n');
        if (r.Aliases.Count > 0) sb.Append("Aliases: ").Append(string.Join(", ", r.Aliases)).Append('\n');
        sb.Append("Profiles: ").Append(ProfilesText(r.Profiles)).Append('\n');

        Section(sb, "What it does", r.What);
        Section(sb, "Why it matters", r.Why);
        if (r.Example.Length > 0)
        {
            sb.Append("\nExample\n");
            foreach (var line in Lines(r.Example)) sb.Append(line.Length > 0 ? "    " + line : "").Append('\n');
        }
        Section(sb, "How to fix", r.Fix);
        if (r.Options.Count > 0)
        {
            sb.Append("\nOptions ([tool.bulwark.rule-options.").Append(r.Id).Append("] in pyproject.toml)\n");
            foreach (var o in r.Options)
            {
                sb.Append("  ").Append(o.Name).Append(" (").Append(TypeName(o.Type)).Append(", default ").Append(TomlValue(o.Default)).Append(")\n");
                foreach (var line in Wrap(o.Description, WrapWidth - 6)) sb.Append("      ").Append(line).Append('\n');
            }
        }
        if (!string.IsNullOrWhiteSpace(r.DifferencesFromBandit)) Section(sb, "Differences from Bandit", r.DifferencesFromBandit);
        var mapping = ComplianceMatrix.RuleMapping(r);
        if (mapping.Count > 0)
        {
            sb.Append("\nCompliance (what a finding is evidence against; see docs/compliance.md)\n");
            foreach (var (framework, areas) in mapping)
            {
                sb.Append("  ").Append(framework).Append('\n');
                foreach (var line in Wrap(areas, WrapWidth - 6)) sb.Append("      ").Append(line).Append('\n');
            }
        }
        if (r.References.Count > 0 || r.Cwe is not null)
        {
            sb.Append("\nReferences\n");
            if (r.Cwe is { } n) sb.Append("  - ").Append(CweUri(n)).Append('\n');
            foreach (var reference in r.References) sb.Append("  - ").Append(reference).Append('\n');
        }
        return sb.ToString();
    }

    static void Section(StringBuilder sb, string title, string text)
    {
        if (string.IsNullOrWhiteSpace(text)) return;
        sb.Append('\n').Append(title).Append('\n');
        bool first = true;
        foreach (var paragraph in Paragraphs(text))
        {
            if (!first) sb.Append('\n');
            first = false;
            foreach (var line in WrapParagraph(paragraph)) sb.Append(line.Length > 0 ? "  " + line : "").Append('\n');
        }
    }

    /// <summary>Paragraphs are separated by blank lines; lists and indented code keep their line breaks.</summary>
    static IEnumerable<string> WrapParagraph(string paragraph)
    {
        var lines = Lines(paragraph);
        foreach (var line in lines)
            if (line.StartsWith(' ') || line.StartsWith('\t') || line.StartsWith("- ", StringComparison.Ordinal) || line.StartsWith("* ", StringComparison.Ordinal) || line.StartsWith("```", StringComparison.Ordinal))
                return lines;
        return Wrap(string.Join(' ', lines), WrapWidth - 2);
    }

    static List<string> Paragraphs(string text)
    {
        var result = new List<string>();
        var current = new List<string>();
        foreach (var line in Lines(text.Trim('\n', '\r')))
        {
            if (line.Trim().Length == 0)
            {
                if (current.Count > 0) { result.Add(string.Join('\n', current)); current.Clear(); }
            }
            else current.Add(line.TrimEnd());
        }
        if (current.Count > 0) result.Add(string.Join('\n', current));
        return result;
    }

    static List<string> Wrap(string text, int width)
    {
        var lines = new List<string>();
        var line = new StringBuilder();
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > width)
            {
                lines.Add(line.ToString());
                line.Clear();
            }
            if (line.Length > 0) line.Append(' ');
            line.Append(word);
        }
        if (line.Length > 0) lines.Add(line.ToString());
        return lines;
    }

    static List<string> Lines(string text)
    {
        var lines = new List<string>(text.Replace("\r\n", "\n").Split('\n'));
        while (lines.Count > 0 && lines[^1].Trim().Length == 0) lines.RemoveAt(lines.Count - 1);
        return lines;
    }

    // ---------------------------------------------------------------- markdown

    /// <summary>The file docs/rules/ID.md: <see cref="Markdown"/> under the generated-file marker.</summary>
    public static string Page(RuleInfo r) => GeneratedMarker + "\n\n" + Markdown(r);

    /// <summary>A rule's documentation as markdown (SARIF `help.markdown`, and the body of docs/rules/ID.md).</summary>
    public static string Markdown(RuleInfo r)
    {
        var sb = new StringBuilder();
        sb.Append("# ").Append(r.Id).Append(": ").Append(r.Name).Append("\n\n");
        sb.Append("| Family | Severity | Confidence | CWE | Aliases | Profiles |\n");
        sb.Append("|---|---|---|---|---|---|\n");
        sb.Append("| ").Append(r.Family.Name())
          .Append(" | ").Append(r.Severity.Name())
          .Append(" | ").Append(r.Confidence.Name())
          .Append(" | ").Append(r.Cwe is { } cwe ? $"[CWE-{cwe.ToString(CultureInfo.InvariantCulture)}]({CweUri(cwe)})" : "—")
          .Append(" | ").Append(r.Aliases.Count > 0 ? string.Join(", ", r.Aliases.Select(a => "`" + a + "`")) : "—")
          .Append(" | ").Append(ProfilesText(r.Profiles)).Append(" |\n");

        MarkdownSection(sb, "What it does", r.What);
        MarkdownSection(sb, "Why it matters", r.Why);
        if (r.Example.Trim().Length > 0)
        {
            var fence = r.Example.Contains("```", StringComparison.Ordinal) ? "~~~~" : "```";
            sb.Append("\n## Example\n\n").Append(fence).Append(r.ExampleLanguage ?? ExampleLanguage(r.Family)).Append('\n');
            foreach (var line in Lines(r.Example)) sb.Append(line).Append('\n');
            sb.Append(fence).Append('\n');
        }
        MarkdownSection(sb, "How to fix", r.Fix);
        if (r.Options.Count > 0)
        {
            sb.Append("\n## Options\n\n");
            sb.Append("| Option | Type | Default | Description |\n|---|---|---|---|\n");
            foreach (var o in r.Options)
                sb.Append("| `").Append(o.Name).Append("` | ").Append(TypeName(o.Type)).Append(" | `").Append(TomlValue(o.Default).Replace("|", "\\|"))
                  .Append("` | ").Append(o.Description.Replace("|", "\\|").Replace('\n', ' ')).Append(" |\n");
            sb.Append("\nSet them in `pyproject.toml`:\n\n```toml\n[tool.bulwark.rule-options.").Append(r.Id).Append("]\n");
            foreach (var o in r.Options) sb.Append(o.Name).Append(" = ").Append(TomlValue(o.Default)).Append('\n');
            sb.Append("```\n");
        }
        if (!string.IsNullOrWhiteSpace(r.DifferencesFromBandit)) MarkdownSection(sb, "Differences from Bandit", r.DifferencesFromBandit);
        var mapping = ComplianceMatrix.RuleMapping(r);
        if (mapping.Count > 0)
        {
            sb.Append("\n## Compliance\n\nWhat a finding of this rule is evidence against ([compliance.md](../compliance.md)).\n\n| Framework | Areas |\n|---|---|\n");
            foreach (var (framework, areas) in mapping)
                sb.Append("| ").Append(framework.Replace("|", "\\|")).Append(" | ").Append(areas.Replace("|", "\\|")).Append(" |\n");
        }
        if (r.References.Count > 0 || r.Cwe is not null)
        {
            sb.Append("\n## References\n\n");
            if (r.Cwe is { } n) sb.Append("- [CWE-").Append(n.ToString(CultureInfo.InvariantCulture)).Append("](").Append(CweUri(n)).Append(")\n");
            foreach (var reference in r.References) sb.Append("- <").Append(reference).Append(">\n");
        }
        return sb.ToString();
    }

    static void MarkdownSection(StringBuilder sb, string title, string text)
    {
        if (string.IsNullOrWhiteSpace(text)) return;
        sb.Append("\n## ").Append(title).Append("\n\n");
        foreach (var line in Lines(text.Trim('\n', '\r'))) sb.Append(line.TrimEnd()).Append('\n');
    }

    /// <summary>docs/rules/README.md: every rule by family, linking to its page.</summary>
    public static string IndexMarkdown(IReadOnlyList<RuleInfo> rules)
    {
        var sb = new StringBuilder();
        sb.Append(GeneratedMarker).Append("\n\n# Rules\n\n");
        sb.Append(rules.Count == 1 ? "Bulwark has 1 rule." : $"Bulwark has {rules.Count.ToString(CultureInfo.InvariantCulture)} rules.")
          .Append(" `bulwark rules` lists them and `bulwark explain ID` prints a rule's page in the terminal.\n");
        foreach (var family in Enum.GetValues<Family>())
        {
            var members = rules.Where(r => r.Family == family).OrderBy(r => r.Id, StringComparer.Ordinal).ToList();
            if (members.Count == 0) continue;
            sb.Append("\n## ").Append(family.Name()).Append("\n\n");
            sb.Append("| ID | Name | Severity | Confidence | CWE | Aliases |\n|---|---|---|---|---|---|\n");
            foreach (var r in members)
                sb.Append("| [").Append(r.Id).Append("](").Append(r.Id).Append(".md) | ").Append(r.Name)
                  .Append(" | ").Append(r.Severity.Name()).Append(" | ").Append(r.Confidence.Name())
                  .Append(" | ").Append(r.Cwe is { } cwe ? "CWE-" + cwe.ToString(CultureInfo.InvariantCulture) : "—")
                  .Append(" | ").Append(r.Aliases.Count > 0 ? string.Join(", ", r.Aliases) : "—").Append(" |\n");
        }
        return sb.ToString();
    }

    // ---------------------------------------------------------------- docs/rules generation

    /// <summary>File name → content of every generated page under docs/rules for these rules.</summary>
    public static SortedDictionary<string, string> ExpectedDocs(IReadOnlyList<RuleInfo> rules)
    {
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var r in rules)
        {
            if (r.Id.Length == 0 || r.Id.IndexOfAny(['/', '\\', '.', ':']) >= 0 || r.Id.Any(char.IsWhiteSpace))
                throw new InvalidOperationException($"rule id '{r.Id}' cannot name a documentation file");
            files[r.Id + ".md"] = Page(r);
        }
        files["README.md"] = IndexMarkdown(rules);
        files["secret-types.md"] = GeneratedMarker + "\n\n" + SecretTypeDocs.Markdown();
        return files;
    }

    /// <summary>
    /// Writes DOCSDIR/rules/ID.md for every rule in <see cref="RuleCatalog.All"/> plus the README index, and
    /// deletes generated pages of rules that no longer exist. Returns how many files were created, changed or deleted.
    /// </summary>
    public static int GenerateDocs(string docsDir) => GenerateDocs(docsDir, RuleCatalog.All.Select(r => r.Info).ToList());

    public static int GenerateDocs(string docsDir, IReadOnlyList<RuleInfo> rules)
    {
        var dir = Path.Combine(docsDir, "rules");
        Directory.CreateDirectory(dir);
        var expected = ExpectedDocs(rules);
        int changed = 0;
        foreach (var (name, content) in expected)
        {
            var path = Path.Combine(dir, name);
            // Unchanged pages are left alone so their timestamps and the git index stay quiet.
            if (File.Exists(path) && File.ReadAllText(path) == content) continue;
            File.WriteAllText(path, content, new UTF8Encoding(false));
            changed++;
        }
        foreach (var path in Directory.EnumerateFiles(dir, "*.md"))
        {
            if (expected.ContainsKey(Path.GetFileName(path))) continue;
            if (!IsGenerated(path)) continue; // hand-written notes are not ours to delete
            File.Delete(path);
            changed++;
        }
        return changed;
    }

    internal static bool IsGenerated(string path)
    {
        using var reader = new StreamReader(path);
        return reader.ReadLine() == GeneratedMarker;
    }

    // ---------------------------------------------------------------- `bulwark rules`

    /// <summary>The aligned table `bulwark rules` prints.</summary>
    public static string RulesTable(IReadOnlyList<RuleInfo> rules)
    {
        string[] header = ["ID", "FAMILY", "SEVERITY", "CONFIDENCE", "CWE", "NAME", "ALIASES"];
        var rows = new List<string[]> { header };
        foreach (var r in rules)
            rows.Add([r.Id, r.Family.Name(), r.Severity.Name(), r.Confidence.Name(),
                      r.Cwe is { } cwe ? "CWE-" + cwe.ToString(CultureInfo.InvariantCulture) : "-", r.Name, string.Join(",", r.Aliases)]);
        var widths = new int[header.Length];
        foreach (var row in rows)
            for (int i = 0; i < row.Length; i++) widths[i] = Math.Max(widths[i], row[i].Length);
        var sb = new StringBuilder();
        foreach (var row in rows)
        {
            var line = new StringBuilder();
            for (int i = 0; i < row.Length; i++)
            {
                if (i > 0) line.Append("  ");
                line.Append(i < row.Length - 1 ? row[i].PadRight(widths[i]) : row[i]);
            }
            sb.Append(line.ToString().TrimEnd()).Append('\n');
        }
        sb.Append(rules.Count == 1 ? "1 rule.\n" : $"{rules.Count.ToString(CultureInfo.InvariantCulture)} rules.\n");
        return sb.ToString();
    }

    /// <summary>`bulwark rules --format json`: {"schemaVersion": 1, "rules": [...]}, each rule as in the JSON report.</summary>
    public static void WriteRulesJson(IReadOnlyList<RuleInfo> rules, TextWriter output) => ReportCommon.WriteJson(output, w =>
    {
        w.WriteStartObject();
        w.WriteNumber("schemaVersion", JsonReporter.SchemaVersion);
        w.WriteStartArray("rules");
        foreach (var r in rules) WriteRuleJson(r, w);
        w.WriteEndArray();
        w.WriteEndObject();
    });

    /// <summary>One rule's metadata object (`$defs/rule` in the report schema).</summary>
    public static void WriteRuleJson(RuleInfo r, Utf8JsonWriter w)
    {
        w.WriteStartObject();
        w.WriteString("id", r.Id);
        w.WriteString("name", r.Name);
        w.WriteString("family", r.Family.Name());
        w.WriteString("severity", r.Severity.Name());
        w.WriteString("confidence", r.Confidence.Name());
        if (r.Cwe is { } cwe) w.WriteNumber("cwe", cwe); else w.WriteNull("cwe");
        w.WriteStartArray("aliases");
        foreach (var a in r.Aliases) w.WriteStringValue(a);
        w.WriteEndArray();
        w.WriteStartArray("profiles");
        foreach (var p in ProfileNames(r.Profiles)) w.WriteStringValue(p);
        w.WriteEndArray();
        w.WriteString("shortDescription", ShortDescription(r));
        w.WriteString("what", r.What);
        w.WriteString("why", r.Why);
        w.WriteString("example", r.Example);
        w.WriteString("fix", r.Fix);
        if (r.DifferencesFromBandit is { } diff) w.WriteString("differencesFromBandit", diff); else w.WriteNull("differencesFromBandit");
        w.WriteStartArray("options");
        foreach (var o in r.Options)
        {
            w.WriteStartObject();
            w.WriteString("name", o.Name);
            w.WriteString("type", o.Type == RuleOptionType.StringList ? "stringList" : TypeName(o.Type));
            w.WritePropertyName("default");
            WriteOptionValue(o.Default, w);
            w.WriteString("description", o.Description);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("references");
        foreach (var reference in r.References) w.WriteStringValue(reference);
        w.WriteEndArray();
        w.WriteString("docs", DocsPath(r.Id));
        w.WritePropertyName("compliance");
        WriteComplianceJson(r, w);
        w.WriteEndObject();
    }

    /// <summary>A rule's declared compliance mapping: `{ principles, owasp, cweTop25Rank, controls }` (`$defs/compliance`).</summary>
    public static void WriteComplianceJson(RuleInfo r, Utf8JsonWriter w)
    {
        w.WriteStartObject();
        w.WriteStartArray("principles");
        foreach (var p in Compliance.AllPrinciples)
            if ((r.Compliance.Principles & p) != 0) w.WriteStringValue(p.Name());
        w.WriteEndArray();
        if (r.Compliance.Owasp is { } o) w.WriteString("owasp", o.Code()); else w.WriteNull("owasp");
        if (CweTop25.Rank(r.Cwe) is { } rank) w.WriteNumber("cweTop25Rank", rank); else w.WriteNull("cweTop25Rank");
        w.WriteStartArray("controls");
        foreach (var c in r.Compliance.Controls) w.WriteStringValue(c.Key);
        w.WriteEndArray();
        w.WriteEndObject();
    }

    static void WriteOptionValue(object value, Utf8JsonWriter w)
    {
        switch (value)
        {
            case bool b: w.WriteBooleanValue(b); break;
            case int i: w.WriteNumberValue(i); break;
            case long l: w.WriteNumberValue(l); break;
            case double d when double.IsFinite(d): w.WriteNumberValue(d); break;
            case string s: w.WriteStringValue(s); break;
            case IEnumerable list:
                w.WriteStartArray();
                foreach (var item in list) w.WriteStringValue(Convert.ToString(item, CultureInfo.InvariantCulture));
                w.WriteEndArray();
                break;
            default: w.WriteStringValue(Convert.ToString(value, CultureInfo.InvariantCulture)); break;
        }
    }

    // ---------------------------------------------------------------- small pieces

    /// <summary>The repository-relative page of a rule.</summary>
    public static string DocsPath(string id) => $"docs/rules/{id}.md";

    public static string CweUri(int cwe) => $"https://cwe.mitre.org/data/definitions/{cwe.ToString(CultureInfo.InvariantCulture)}.html";

    /// <summary>The first sentence of What: SARIF shortDescription and one-line listings.</summary>
    public static string ShortDescription(RuleInfo r)
    {
        var what = string.Join(' ', r.What.Split(['\n', '\r'], StringSplitOptions.RemoveEmptyEntries).Select(s => s.Trim()));
        for (int i = 0; i < what.Length - 1; i++)
            if (what[i] == '.' && what[i + 1] == ' ') return what[..(i + 1)];
        return what.Length > 0 ? what : r.Name;
    }

    static IEnumerable<string> ProfileNames(RuleProfile p)
    {
        if (p.HasFlag(RuleProfile.Default)) yield return "default";
        if (p.HasFlag(RuleProfile.Bandit)) yield return "bandit";
    }

    static string ProfilesText(RuleProfile p)
    {
        var names = string.Join(", ", ProfileNames(p));
        return names.Length > 0 ? names : "none (runs only when selected explicitly)";
    }

    static string TypeName(RuleOptionType t) => t switch
    {
        RuleOptionType.Bool => "bool", RuleOptionType.Int => "int", RuleOptionType.String => "string", RuleOptionType.StringList => "string list",
        _ => throw new ArgumentOutOfRangeException(nameof(t)),
    };

    /// <summary>An option value as it would be written in pyproject.toml.</summary>
    static string TomlValue(object value) => value switch
    {
        bool b => b ? "true" : "false",
        int or long or double => Convert.ToString(value, CultureInfo.InvariantCulture)!,
        string s => TomlString(s),
        IEnumerable list => "[" + string.Join(", ", list.Cast<object?>().Select(x => TomlString(Convert.ToString(x, CultureInfo.InvariantCulture) ?? ""))) + "]",
        _ => TomlString(Convert.ToString(value, CultureInfo.InvariantCulture) ?? ""),
    };

    static string TomlString(string s) => "\"" + s.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";

    static string ExampleLanguage(Family family) => family switch
    {
        Family.Ci => "yaml",
        Family.Dependencies => "text",
        _ => "python",
    };
}
