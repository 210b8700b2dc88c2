using System.Text.Json;
using Bulwark.Core;
using Bulwark.Engine;
using Bulwark.Reports;
using Bulwark.Tests.Support;
using Json.Schema;
using static Bulwark.Tests.Reports.ReportFixtures;

namespace Bulwark.Tests.Reports;

/// <summary>
/// GitLab's report formats, validated with JsonSchema.Net against schemas this project wrote from GitLab's documented
/// requirements. GitLab publishes its security report schemas in its own repository and as a Ruby gem, and the
/// Code Quality format only as documentation: none is on a registry these tests may fetch from (npm, NuGet, Debian),
/// and nothing fetched is committed, so the schemas below are ours, each constraint taken from GitLab's documentation
/// of schema 15.x (SAST) and of Code Quality reports. They are stricter than GitLab where Bulwark always writes a field.
/// </summary>
public class GitLabSchemaTests
{
    /// <summary>SAST report, schema 15.x: what GitLab requires to ingest a report, and the limits it enforces.</summary>
    const string SastSchema = """
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "type": "object",
          "required": ["version", "scan", "vulnerabilities"],
          "properties": {
            "version": {"type": "string", "pattern": "^15\\.[0-9]+\\.[0-9]+$"},
            "scan": {
              "type": "object",
              "required": ["analyzer", "scanner", "type", "start_time", "end_time", "status"],
              "properties": {
                "analyzer": {"$ref": "#/$defs/tool"},
                "scanner": {"$ref": "#/$defs/tool"},
                "type": {"const": "sast"},
                "start_time": {"$ref": "#/$defs/time"},
                "end_time": {"$ref": "#/$defs/time"},
                "status": {"enum": ["success", "failure"]}
              }
            },
            "vulnerabilities": {
              "type": "array",
              "items": {
                "type": "object",
                "required": ["id", "name", "description", "severity", "identifiers", "location"],
                "properties": {
                  "id": {"type": "string", "minLength": 1},
                  "name": {"type": "string", "minLength": 1, "maxLength": 255},
                  "description": {"type": "string", "minLength": 1, "maxLength": 1048576},
                  "severity": {"enum": ["Info", "Unknown", "Low", "Medium", "High", "Critical"]},
                  "identifiers": {
                    "type": "array", "minItems": 1, "maxItems": 20,
                    "items": {
                      "type": "object",
                      "required": ["type", "name", "value"],
                      "properties": {
                        "type": {"type": "string", "minLength": 1},
                        "name": {"type": "string", "minLength": 1},
                        "value": {"type": "string", "minLength": 1},
                        "url": {"type": "string", "pattern": "^https?://"}
                      }
                    }
                  },
                  "location": {
                    "type": "object",
                    "required": ["file"],
                    "properties": {
                      "file": {"type": "string", "minLength": 1, "not": {"pattern": "^/"}},
                      "start_line": {"type": "integer", "minimum": 1},
                      "end_line": {"type": "integer", "minimum": 1}
                    },
                    "dependentRequired": {"end_line": ["start_line"]}
                  }
                }
              }
            }
          },
          "$defs": {
            "time": {"type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}$"},
            "tool": {
              "type": "object",
              "required": ["id", "name", "version", "vendor"],
              "properties": {
                "id": {"type": "string", "minLength": 1},
                "name": {"type": "string", "minLength": 1},
                "version": {"type": "string", "minLength": 1},
                "vendor": {"type": "object", "required": ["name"], "properties": {"name": {"type": "string", "minLength": 1}}}
              }
            }
          }
        }
        """;

    /// <summary>Code Quality report: an array of issues with the fields GitLab reads to show them in merge requests.</summary>
    const string CodeQualitySchema = """
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "type": "array",
          "items": {
            "type": "object",
            "required": ["description", "check_name", "fingerprint", "severity", "location"],
            "properties": {
              "type": {"const": "issue"},
              "description": {"type": "string", "minLength": 1},
              "check_name": {"type": "string", "minLength": 1},
              "fingerprint": {"type": "string", "minLength": 1},
              "severity": {"enum": ["info", "minor", "major", "critical", "blocker"]},
              "categories": {"type": "array", "items": {"type": "string"}},
              "location": {
                "type": "object",
                "required": ["path"],
                "properties": {
                  "path": {"type": "string", "minLength": 1, "not": {"pattern": "^(/|[A-Za-z]:)"}},
                  "lines": {
                    "type": "object", "required": ["begin"],
                    "properties": {"begin": {"type": "integer", "minimum": 1}, "end": {"type": "integer", "minimum": 1}}
                  },
                  "positions": {
                    "type": "object", "required": ["begin"],
                    "properties": {"begin": {"type": "object", "required": ["line"], "properties": {"line": {"type": "integer", "minimum": 1}}}}
                  }
                },
                "oneOf": [{"required": ["lines"]}, {"required": ["positions"]}]
              }
            }
          }
        }
        """;

    static JsonSchema Schema(string text) => JsonSchema.FromText(text, new BuildOptions { SchemaRegistry = new SchemaRegistry() });

    static List<string> Errors(string schema, string json)
    {
        using var doc = JsonDocument.Parse(json);
        var results = Schema(schema).Evaluate(doc.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        return results.IsValid ? [] : SchemaValidation.Errors(Schema(schema), json);
    }

    /// <summary>The sample plus findings at the limits: a whole-file finding, an advisory with many aliases, a long rule name.</summary>
    static ScanResult Edges()
    {
        var sample = Sample();
        var aliases = Enumerable.Range(1, 30).Select(i => $"CVE-2024-{i:D5}").ToArray();
        var longRule = sample.Findings[2].Rule with { Name = new string('n', 300) };
        return sample with
        {
            Findings =
            [
                .. sample.Findings,
                new Finding
                {
                    Rule = sample.Findings[1].Rule, Severity = Severity.Low, Confidence = Confidence.High,
                    Message = "urllib3 1.24.1 is vulnerable", Location = new Location("requirements.txt", 3, 1, 3, 15), Fingerprint = "f-many",
                    Properties = new Dictionary<string, PropertyValue> { ["advisory"] = "PYSEC-2019-132", ["aliases"] = aliases, ["package"] = "urllib3" },
                },
                new Finding
                {
                    Rule = longRule, Severity = Severity.Medium, Confidence = Confidence.Low,
                    Message = "a long-named rule", Location = new Location("src/app.py", 30, 1, 30, 2), Fingerprint = "f-long",
                },
            ],
        };
    }

    [Fact]
    public void Sast_report_is_valid_against_the_documented_schema()
    {
        foreach (var result in new[] { Sample(), Empty(), Edges() })
        {
            var json = Render(ReportFormat.GitLabSast, result);
            Assert.Empty(Errors(SastSchema, json));
        }
        using var doc = JsonDocument.Parse(Render(ReportFormat.GitLabSast, Edges()));
        var vulns = doc.RootElement.GetProperty("vulnerabilities").EnumerateArray().ToList();
        Assert.Equal(vulns.Count, vulns.Select(v => v.GetProperty("id").GetString()).Distinct().Count());
        // Identifiers are capped at GitLab's 20, the rule's own id first; the advisory's page is linked.
        var many = vulns.Single(v => v.GetProperty("description").GetString() == "urllib3 1.24.1 is vulnerable").GetProperty("identifiers");
        Assert.Equal(20, many.GetArrayLength());
        Assert.Equal("bulwark_rule_id", many[0].GetProperty("type").GetString());
        Assert.Contains(many.EnumerateArray(), i => i.TryGetProperty("url", out var u) && u.GetString() == "https://osv.dev/vulnerability/PYSEC-2019-132");
    }

    [Fact]
    public void Code_quality_report_is_valid_against_the_documented_schema()
    {
        foreach (var result in new[] { Sample(), Empty(), Edges() })
        {
            var json = Render(ReportFormat.GitLab, result);
            Assert.Empty(Errors(CodeQualitySchema, json));
            using var doc = JsonDocument.Parse(json);
            var fingerprints = doc.RootElement.EnumerateArray().Select(i => i.GetProperty("fingerprint").GetString()).ToList();
            Assert.Equal(fingerprints.Count, fingerprints.Distinct().Count()); // GitLab keys issues by fingerprint
        }
    }

    [Fact]
    public void The_schemas_reject_what_gitlab_rejects()
    {
        // The test is only as good as its schemas: each documented violation must fail.
        Assert.NotEmpty(Errors(SastSchema, """{"version": "2.0", "vulnerabilities": []}"""));
        var valid = Render(ReportFormat.GitLabSast, Sample());
        Assert.NotEmpty(Errors(SastSchema, valid.Replace("\"High\"", "\"high\"")));
        Assert.NotEmpty(Errors(SastSchema, valid.Replace("\"identifiers\": [", "\"identifiers_\": [")));
        Assert.NotEmpty(Errors(SastSchema, valid.Replace("\"src/app.py\"", "\"/abs/src/app.py\"")));
        Assert.NotEmpty(Errors(CodeQualitySchema, """[{"description": "d", "check_name": "c", "fingerprint": "f", "severity": "high", "location": {"path": "a.py", "lines": {"begin": 1}}}]"""));
        Assert.NotEmpty(Errors(CodeQualitySchema, """[{"description": "d", "check_name": "c", "fingerprint": "f", "severity": "minor", "location": {"path": "a.py"}}]"""));
        Assert.NotEmpty(Errors(CodeQualitySchema, """[{"description": "d", "check_name": "c", "severity": "minor", "location": {"path": "a.py", "lines": {"begin": 1}}}]"""));
    }

    [Fact]
    public void A_real_scan_of_a_sub_folder_writes_valid_gitlab_reports()
    {
        using var repo = new TempDir();
        Directory.CreateDirectory(Path.Combine(repo.Path, ".git"));
        repo.Write("app/db.py", "import subprocess\ndef f(cmd):\n    subprocess.Popen(cmd, shell=True)\n    assert cmd\n");
        repo.Write("app/requirements.txt", "fixturepkg==1.0\n");
        repo.Write("osv/PYSEC-1.json", """
            {"id": "PYSEC-1", "modified": "2026-01-01T00:00:00Z", "aliases": ["CVE-2026-1", "GHSA-aaaa-bbbb-cccc"], "summary": "s",
             "affected": [{"package": {"ecosystem": "PyPI", "name": "fixturepkg"}, "ranges": [{"type": "ECOSYSTEM", "events": [{"introduced": "0"}, {"fixed": "2.0"}]}]}]}
            """);
        foreach (var (format, schema) in new[] { ("gitlab-sast", SastSchema), ("gitlab", CodeQualitySchema) })
        {
            var output = Path.Combine(repo.Path, format + ".json");
            var (code, _, err) = Cli.ExitCodeTests.Run("scan", Path.Combine(repo.Path, "app"), "--vuln-db", Path.Combine(repo.Path, "osv"), "-f", format, "-o", output, "--no-progress");
            Assert.True(code == 1, err);
            var json = File.ReadAllText(output);
            Assert.Empty(Errors(schema, json));
            Assert.Contains("\"app/db.py\"", json);
            Assert.Contains("\"app/requirements.txt\"", json);
        }
    }
}
