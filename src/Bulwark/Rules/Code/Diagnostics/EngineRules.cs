using Bulwark.Core;

namespace Bulwark.Rules.Code.Diagnostics;

/// <summary>A Python file that does not parse: the findings after its first error may be missing.</summary>
public sealed class SyntaxErrorRule : FileRule
{
    public static readonly SyntaxErrorRule Instance = new();

    public override RuleInfo Info { get; } = new(
        Id: "BW001", Name: "syntax-error", Family: Family.Code,
        Severity: Severity.Low, Confidence: Confidence.High, Cwe: null,
        What: "Python files that Bulwark could not parse completely.",
        Why: """
            Code that does not parse is only partly analysed: statements Bulwark could not recover are not checked, so a
            real problem may hide there. It may also be Python 2 code, or a template with a .py name.
            """,
        Example: """
            def f(:
                pass
            """,
        Fix: "Fix the syntax error, or exclude the file from the scan (`--exclude`, `exclude` in the configuration) if it is not Python.",
        References: ["https://docs.python.org/3/reference/grammar.html"])
    {
        Aliases = ["E999"],
    };

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
        What: """
            Python files whose bytes are not valid in their declared encoding (a PEP 263 coding cookie, or UTF-8 by
            default), or that could not be read.
            """,
        Why: "A file Bulwark cannot decode is not analysed at all.",
        Example: """
            # -*- coding: utf-8 -*-
            name = '\xff'  # saved as Latin-1 bytes
            """,
        Fix: "Save the file in the encoding it declares, or declare the encoding it is saved in.",
        References: ["https://peps.python.org/pep-0263/"]);

    public override bool AppliesTo(DiscoveredFile file) => false;
    public override void Check(SourceFile file, Rules.FileContext context) { }
}
