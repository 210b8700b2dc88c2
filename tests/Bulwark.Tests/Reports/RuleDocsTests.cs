using System.Text.Json;
using Bulwark.Core;
using Bulwark.Reports;
using Bulwark.Rules;
using Bulwark.Tests.Support;
using static Bulwark.Tests.Reports.ReportFixtures;

namespace Bulwark.Tests.Reports;

public class RuleDocsTests
{
    [Fact]
    public void Explain_shows_metadata_then_each_section_in_order()
    {
        var text = RuleDocs.Explain(ShellTrue);
        Assert.StartsWith("B602: subprocess-popen-with-shell-equals-true\nFamily: code   Severity: high   Confidence: high   CWE-78\nAliases: S602\nProfiles: default, bandit\n", text);
        string[] sections = ["\nWhat it does\n", "\nWhy it matters\n", "\nExample\n", "\nHow to fix\n", "\nOptions (", "\nDifferences from Bandit\n", "\nReferences\n"];
        int at = 0;
        foreach (var s in sections)
        {
            int i = text.IndexOf(s, at, StringComparison.Ordinal);
            Assert.True(i >= at, $"section '{s.Trim()}' missing or out of order");
            at = i;
        }
        Assert.Contains("\n    subprocess.Popen(cmd, shell=True)\n", text);
        Assert.Contains("  shell-functions (string list, default [\"os.system\", \"os.popen\"])\n      Extra callables treated like a shell.\n", text);
        Assert.Contains("  check-literals (bool, default false)\n", text);
        Assert.Contains("  - https://cwe.mitre.org/data/definitions/78.html\n  - https://docs.python.org/3/library/subprocess.html#security-considerations\n", text);
        // A markdown list in Fix keeps its line breaks instead of being re-wrapped.
        Assert.Contains("\n  - `subprocess.run([\"ls\", path])`\n  - quote with", text);
    }

    [Fact]
    public void Explain_wraps_long_prose_and_omits_empty_sections()
    {
        var text = RuleDocs.Explain(SqlInjection with { Why = string.Join(' ', Enumerable.Repeat("word", 60)) });
        foreach (var line in text.Split('\n')) Assert.True(line.Length <= 88, $"line too long: {line}");
        Assert.DoesNotContain("Options", text);
        Assert.DoesNotContain("Differences from Bandit", text);
        Assert.DoesNotContain("Aliases", text);
        Assert.Contains("Profiles: default\n", text);
        Assert.Contains("Profiles: none (runs only when selected explicitly)\n", RuleDocs.Explain(VulnerableDependency));
    }

    [Fact]
    public void Markdown_page_has_a_metadata_table_fenced_example_options_and_references()
    {
        var md = RuleDocs.Markdown(ShellTrue);
        Assert.StartsWith("# B602: subprocess-popen-with-shell-equals-true\n\n| Family | Severity | Confidence | CWE | Aliases | Profiles |\n|---|---|---|---|---|---|\n" +
                          "| code | high | high | [CWE-78](https://cwe.mitre.org/data/definitions/78.html) | `S602` | default, bandit |\n", md);
        Assert.Contains("\n## Example\n\n```python\nimport subprocess\nsubprocess.Popen(cmd, shell=True)\n```\n", md);
        Assert.Contains("| `shell-functions` | string list | `[\"os.system\", \"os.popen\"]` | Extra callables treated like a shell. |\n", md);
        Assert.Contains("```toml\n[tool.bulwark.rule-options.B602]\nshell-functions = [\"os.system\", \"os.popen\"]\ncheck-literals = false\n```\n", md);
        Assert.Contains("\n## Differences from Bandit\n\n", md);
        Assert.EndsWith("## References\n\n- [CWE-78](https://cwe.mitre.org/data/definitions/78.html)\n- <https://docs.python.org/3/library/subprocess.html#security-considerations>\n", md);
        Assert.Equal(RuleDocs.GeneratedMarker + "\n\n" + md, RuleDocs.Page(ShellTrue));
    }

    [Fact]
    public void Markdown_examples_use_the_family_language_and_a_fence_the_example_cannot_close()
    {
        Assert.Contains("```yaml\n- uses: actions/checkout@v4\n```", RuleDocs.Markdown(Quiet));
        var tricky = RuleDocs.Markdown(ShellTrue with { Example = "s = '''\n```\n'''" });
        Assert.Contains("~~~~python\ns = '''\n```\n'''\n~~~~\n", tricky);
    }

    [Fact]
    public void Rules_table_aligns_columns_and_counts_rules()
    {
        var lines = RuleDocs.RulesTable(AllRules).TrimEnd('\n').Split('\n');
        Assert.Equal(AllRules.Count + 2, lines.Length);
        Assert.Equal("5 rules.", lines[^1]);
        int nameColumn = lines[0].IndexOf("NAME", StringComparison.Ordinal);
        Assert.Equal(nameColumn, lines[3].IndexOf("subprocess-popen-with-shell-equals-true", StringComparison.Ordinal));
        Assert.Equal(nameColumn, lines[1].IndexOf("unpinned-action", StringComparison.Ordinal));
        Assert.EndsWith("  S602", lines[3]);
        Assert.All(lines, l => Assert.Equal(l.TrimEnd(), l));
    }

    [Fact]
    public void Rules_json_listing_matches_the_report_schema_rule_definition()
    {
        var sw = new StringWriter();
        RuleDocs.WriteRulesJson(AllRules, sw);
        using var doc = JsonDocument.Parse(sw.ToString());
        Assert.Equal(1, doc.RootElement.GetProperty("schemaVersion").GetInt32());
        Assert.Equal(AllRules.Select(r => r.Id), doc.RootElement.GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("id").GetString()));

        // Validate each listed rule with the report schema by embedding them in a minimal report.
        var report = Render(ReportFormat.Json, Empty() with { Rules = AllRules });
        using var reportDoc = JsonDocument.Parse(report);
        Assert.Equal(reportDoc.RootElement.GetProperty("rules").GetRawText(), doc.RootElement.GetProperty("rules").GetRawText());
        var schema = SchemaValidation.Load(Path.Combine(RepoRoot(), "docs", "schemas", "bulwark-report-v1.schema.json"));
        var errors = SchemaValidation.Errors(schema, report);
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public void Short_description_is_the_first_sentence_of_what()
    {
        Assert.Equal("Flags subprocess calls that pass shell=True.", RuleDocs.ShortDescription(ShellTrue));
        Assert.Equal("No full stop here", RuleDocs.ShortDescription(ShellTrue with { What = "No full stop here" }));
        Assert.Equal(ShellTrue.Name, RuleDocs.ShortDescription(ShellTrue with { What = "" }));
    }

    [Fact]
    public void Generate_docs_writes_pages_and_index_then_is_idempotent_and_removes_stale_pages()
    {
        using var tmp = new TempDir();
        tmp.Write("rules/OLD1.md", RuleDocs.GeneratedMarker + "\n\n# OLD1\n");
        tmp.Write("rules/notes.md", "# Hand-written notes\n");

        int changed = RuleDocs.GenerateDocs(tmp.Path, AllRules);
        Assert.Equal(AllRules.Count + 1 + 1 + 1, changed); // pages, README, secret-types.md, deleted stale page
        Assert.Equal(RuleDocs.Page(ShellTrue), File.ReadAllText(Path.Combine(tmp.Path, "rules", "B602.md")));
        Assert.Equal(RuleDocs.IndexMarkdown(AllRules), File.ReadAllText(Path.Combine(tmp.Path, "rules", "README.md")));
        Assert.False(File.Exists(Path.Combine(tmp.Path, "rules", "OLD1.md")));
        Assert.True(File.Exists(Path.Combine(tmp.Path, "rules", "notes.md")));

        Assert.Equal(0, RuleDocs.GenerateDocs(tmp.Path, AllRules));
    }

    [Fact]
    public void Rule_ids_that_cannot_name_a_file_are_rejected()
    {
        Assert.Throws<InvalidOperationException>(() => RuleDocs.ExpectedDocs([ShellTrue with { Id = "../B602" }]));
    }

    /// <summary>
    /// docs/rules must be exactly what the renderer produces for the catalog. After changing a rule's metadata run
    /// docs/regenerate.sh (or this test with BULWARK_UPDATE_DOCS=1) and commit the result.
    /// </summary>
    [Fact]
    public void Docs_rules_match_the_rule_catalog()
    {
        var docs = Path.Combine(RepoPaths.RepoRoot, "docs");
        var rules = RuleCatalog.All.Select(r => r.Info).ToList();
        if (Environment.GetEnvironmentVariable("BULWARK_UPDATE_DOCS") == "1") RuleDocs.GenerateDocs(docs, rules);

        var expected = RuleDocs.ExpectedDocs(rules);
        var problems = new List<string>();
        foreach (var (name, content) in expected)
        {
            var path = Path.Combine(docs, "rules", name);
            if (!File.Exists(path)) problems.Add($"missing docs/rules/{name}");
            else if (File.ReadAllText(path).ReplaceLineEndings("\n") != content) problems.Add($"out of date: docs/rules/{name}");
        }
        foreach (var path in Directory.EnumerateFiles(Path.Combine(docs, "rules"), "*.md"))
            if (!expected.ContainsKey(Path.GetFileName(path)) && RuleDocs.IsGenerated(path))
                problems.Add($"stale: docs/rules/{Path.GetFileName(path)} (no such rule)");
        Assert.True(problems.Count == 0,
            string.Join("\n", problems) + "\nRegenerate with docs/regenerate.sh (or BULWARK_UPDATE_DOCS=1 dotnet test --filter Docs_rules_match_the_rule_catalog).");
    }
}
