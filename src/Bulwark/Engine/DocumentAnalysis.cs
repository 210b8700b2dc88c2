using Bulwark.Documents;
using Bulwark.Core;
using Bulwark.Rules;
using Bulwark.Rules.Code.Diagnostics;

namespace Bulwark.Engine;

/// <summary>
/// The document pass of one file: parses the file once per document format its rules read, hands the document to
/// each rule, and reports a file that does not parse once (a BW004 finding when that rule is selected, else a warning).
/// </summary>
public static class DocumentAnalysis
{
    public static void Run(SourceFile file, FileKind kind, RuleSet rules, ScanSettings settings, List<Finding> sink, List<string> warnings)
    {
        var documentRules = rules.DocumentRulesFor(kind);
        if (documentRules.Count == 0) return;
        var source = new DocumentSource(file.RelativePath, file.Text.Text);
        var context = new DocumentContext(file, kind, settings, sink);
        HashSet<DocumentFormat>? failed = null;
        foreach (var rule in documentRules)
        {
            var format = rule.FormatFor(kind);
            if (failed is not null && failed.Contains(format)) continue;
            object document;
            try { document = source.GetUntyped(format); }
            catch (DocumentException ex)
            {
                (failed ??= new HashSet<DocumentFormat>(ReferenceEqualityComparer.Instance)).Add(format);
                ReportUnparsable(file, format, ex, rules, sink, warnings);
                continue;
            }
            try { rule.CheckDocument(document, context); }
            catch (Exception ex)
            {
                warnings.Add($"internal error in rule {rule.Info.Id} on {file.RelativePath}: {ex.GetType().Name}: {ex.Message}");
            }
        }
    }

    static void ReportUnparsable(SourceFile file, DocumentFormat format, DocumentException ex, RuleSet rules, List<Finding> sink, List<string> warnings)
    {
        var where = ex.Line > 0 ? $"line {ex.Line}, column {ex.Column}: " : "";
        var message = $"not a valid {format.Name}, so it was not checked: {where}{ex.Message}";
        var rule = UnparsableDocumentRule.Instance.Info;
        if (!rules.Contains(rule.Id))
        {
            warnings.Add($"{file.RelativePath}: {message}");
            return;
        }
        var location = ex.Line > 0 && ex.Line <= file.Text.LineCount
            ? new Location(file.RelativePath, ex.Line, Math.Max(1, ex.Column), ex.Line, Math.Max(1, ex.Column) + 1)
            : Location.WholeFile(file.RelativePath);
        sink.Add(new Finding
        {
            Rule = rule, Message = message, Location = location, Severity = rule.Severity, Confidence = rule.Confidence,
            FingerprintKey = format.Name + ": " + ex.Message,
        });
    }
}
