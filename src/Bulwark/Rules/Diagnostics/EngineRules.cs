using Bulwark.Engine;
using Bulwark.Model;

namespace Bulwark.Rules.Diagnostics;

/// <summary>A Python file that does not parse: the findings after its first error may be missing.</summary>
public sealed class SyntaxErrorRule : FileRule
{
    public static readonly SyntaxErrorRule Instance = new();

    public override RuleInfo Info { get; } = new(
        Id: "BW001", Name: "syntax-error", Family: Family.Code,
        Severity: Severity.Low, Confidence: Confidence.High, Cwe: null,
        What: "Python files that Bulwark could not parse completely.",
        Why: "Code that does not parse is only partly analysed: statements Bulwark could not recover are not checked, so a real problem may hide there. It may also be Python 2 code, or a template with a .py name.",
        Example: "def f(:\n    pass",
        Fix: "Fix the syntax error, or exclude the file from the scan (`--exclude`, `exclude` in the configuration) if it is not Python.",
        References: ["https://docs.python.org/3/reference/grammar.html"])
    { Aliases = ["E999"] };

    // Reported by the scanner from the parser's diagnostics, not by a check of its own.
    public override bool AppliesTo(DiscoveredFile file) => false;
    public override void Check(SourceFile file, Rules.FileContext context) { }
}

/// <summary>A file that could not be read or decoded per PEP 263.</summary>
public sealed class UndecodableFileRule : FileRule
{
    public static readonly UndecodableFileRule Instance = new();

    public override RuleInfo Info { get; } = new(
        Id: "BW002", Name: "undecodable-file", Family: Family.Code,
        Severity: Severity.Low, Confidence: Confidence.High, Cwe: null,
        What: "Python files whose bytes are not valid in their declared encoding (a PEP 263 coding cookie, or UTF-8 by default), or that could not be read.",
        Why: "A file Bulwark cannot decode is not analysed at all.",
        Example: "# -*- coding: utf-8 -*-\nname = '\\xff'  # saved as Latin-1 bytes",
        Fix: "Save the file in the encoding it declares, or declare the encoding it is saved in.",
        References: ["https://peps.python.org/pep-0263/"]);

    public override bool AppliesTo(DiscoveredFile file) => false;
    public override void Check(SourceFile file, Rules.FileContext context) { }
}

/// <summary>A document (workflow, YAML configuration…) that rules read but that could not be parsed, or was too large or alias-heavy to load.</summary>
public sealed class UnparsableDocumentRule : FileRule
{
    public static readonly UnparsableDocumentRule Instance = new();

    public override RuleInfo Info { get; } = new(
        Id: "BW003", Name: "unparsable-document", Family: Family.Code,
        Severity: Severity.Low, Confidence: Confidence.High, Cwe: null,
        What: "A workflow, CI configuration or other document that Bulwark's rules read, but that is not well-formed, or that exceeds the loader's limits (size, nesting depth, alias expansion).",
        Why: "A document that cannot be parsed is not checked at all. GitHub, GitLab or pre-commit would reject a malformed file too; a file built to exhaust a parser (a YAML alias bomb) deserves a look of its own.",
        Example: "on: push\njobs:\n  build: [unclosed",
        Fix: "Fix the syntax error the message points at, or exclude the file from the scan if it is not what its name says.",
        References: ["https://yaml.org/spec/1.2.2/"]);

    // Reported by the scanner when a document rule's file does not parse, not by a check of its own.
    public override bool AppliesTo(DiscoveredFile file) => false;
    public override void Check(SourceFile file, Rules.FileContext context) { }
}
