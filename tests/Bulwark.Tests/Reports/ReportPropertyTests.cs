using System.Text.Json;
using System.Text.RegularExpressions;
using Bulwark.Core;
using Bulwark.Reports;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using static Bulwark.Tests.Reports.ReportFixtures;

namespace Bulwark.Tests.Reports;

/// <summary>Whatever text a scanned project contains, every format stays well-formed and safe.</summary>
public class ReportPropertyTests
{
    static readonly Lazy<Json.Schema.JsonSchema> Schema = new(() =>
        SchemaValidation.Load(Path.Combine(RepoRoot(), "docs", "schemas", "bulwark-report-v1.schema.json")));

    static Bulwark.Engine.ScanResult WithText(string text, int column) => Empty() with
    {
        Root = "/r/" + text,
        Warnings = [text],
        Findings =
        [
            new Finding
            {
                Rule = ShellTrue, Severity = Severity.Medium, Confidence = Confidence.Low, Message = text,
                Location = new Location("p/" + text + ".py", 3, column, 3, column + 4), Snippet = text, Sensitive = true,
                Related = [new FlowStep(new Location("r/" + text, 1, 1, 1, 1), text)],
                Flow = [new FlowStep(new Location("a.py", 2, 1, 2, 3), text)],
                Properties = new Dictionary<string, PropertyValue> { [text] = text, ["list"] = new[] { text } },
                Fingerprint = text,
            },
        ],
    };

    [Property(MaxTest = 200)]
    public void Json_report_parses_and_round_trips_any_text(NonNull<string> text, PositiveInt column)
    {
        var json = Render(ReportFormat.Json, WithText(text.Get, column.Get));
        using var doc = JsonDocument.Parse(json);
        var finding = doc.RootElement.GetProperty("findings")[0];
        Assert.Equal(Expected(text.Get), finding.GetProperty("message").GetString());
        Assert.Equal(Expected(text.Get), finding.GetProperty("snippet").GetString());
    }

    [Property(MaxTest = 50)]
    public void Json_report_stays_schema_valid_for_any_text(NonNull<string> text, PositiveInt column)
    {
        var errors = SchemaValidation.Errors(Schema.Value, Render(ReportFormat.Json, WithText(text.Get, column.Get)));
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Property(MaxTest = 200)]
    public void Sarif_report_parses_for_any_text(NonNull<string> text, PositiveInt column)
    {
        using var doc = JsonDocument.Parse(Render(ReportFormat.Sarif, WithText(text.Get, column.Get)));
        var result = doc.RootElement.GetProperty("runs")[0].GetProperty("results")[0];
        Assert.Equal(Expected(text.Get), result.GetProperty("message").GetProperty("text").GetString());
        var uri = result.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString()!;
        Assert.True(Uri.IsWellFormedUriString(uri, UriKind.Relative), uri);
    }

    [Property(MaxTest = 25)]
    public void Sarif_report_stays_valid_against_the_official_schema_for_any_text(NonNull<string> text, PositiveInt column)
    {
        var errors = SchemaValidation.Errors(SarifReporterTests.OfficialSchema.Value, Render(ReportFormat.Sarif, WithText(text.Get, column.Get)));
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Property(MaxTest = 200)]
    public void Html_report_never_lets_text_open_a_tag(NonNull<string> text, PositiveInt column)
    {
        var html = Render(ReportFormat.Html, WithText(text.Get, column.Get));
        var body = html[html.IndexOf("<body>", StringComparison.Ordinal)..html.IndexOf("<script>", StringComparison.Ordinal)];
        // With everything escaped, the only '<' left are the reporter's own tags.
        foreach (Match m in Regex.Matches(body, "<(/?)([^ >/]*)"))
            Assert.Contains(m.Groups[2].Value, AllowedTags);
    }

    [Property(MaxTest = 200)]
    public void Text_report_never_emits_control_characters_other_than_newline_and_tab(NonNull<string> text, PositiveInt column)
    {
        var report = Render(ReportFormat.Text, WithText(text.Get, column.Get));
        foreach (var c in report)
            Assert.False(c < ' ' && c != '\n' && c != '\t' || c == '\u007f' || c == '\u001b', $"control character U+{(int)c:X4}");
    }

    static readonly HashSet<string> AllowedTags =
        ["main", "section", "h2", "h3", "h4", "p", "ul", "ol", "li", "table", "thead", "tbody", "tr", "th", "td", "strong", "span",
         "article", "code", "a", "pre", "mark", "dl", "dt", "dd", "details", "summary", "body", "html",
         "div", "br", "form", "label", "select", "option", "input", "button", "figure", "figcaption", "svg", "rect", "text", "header", "h1", "title"];

    /// <summary>Lone surrogates cannot be encoded in UTF-8 JSON; the reporter replaces them with U+FFFD.</summary>
    static string Expected(string s)
    {
        var chars = s.ToCharArray();
        for (int i = 0; i < chars.Length; i++)
        {
            if (char.IsHighSurrogate(chars[i]) && i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1])) { i++; continue; }
            if (char.IsSurrogate(chars[i])) chars[i] = '\uFFFD';
        }
        return new string(chars);
    }
}
