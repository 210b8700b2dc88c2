using Bulwark.Python.Parsing;
using Bulwark.Python.Syntax;

namespace Bulwark.Python;

/// <summary>A syntax error: CPython-like message and a character-offset range.</summary>
public sealed record SyntaxDiagnostic(string Message, int Start, int End);

public sealed class ParseResult(Module module, SourceText text, IReadOnlyList<SyntaxDiagnostic> errors)
{
    /// <summary>The tree; with errors it holds the statements that could be recovered.</summary>
    public Module Module { get; } = module;
    public SourceText Text { get; } = text;
    public IReadOnlyList<SyntaxDiagnostic> Errors { get; } = errors;
    public bool Ok => Errors.Count == 0;
}

public static class PythonParser
{
    /// <summary>A garbage file can have an error on every line; past this many, the rest are not worth keeping.</summary>
    const int MaxDiagnostics = 1000;

    /// <summary>Parses a module. Never throws on bad input: syntax errors come back in <see cref="ParseResult.Errors"/>.</summary>
    public static ParseResult Parse(string source) => Parse(new SourceText(source));

    /// <summary>Parses a module whose line table is already built (a scan has one for every file it reads).</summary>
    public static ParseResult Parse(SourceText text)
    {
        string source = text.Text;
        int nul = source.IndexOf('\0');
        if (nul >= 0)
        {
            var empty = new Module(Array.Empty<Stmt>(), Array.Empty<TypeIgnore>()) { Start = 0, End = source.Length };
            return new ParseResult(empty, text, [new SyntaxDiagnostic("source code cannot contain null bytes", nul, nul + 1)]);
        }
        var lexer = new Lexer(source);
        lexer.Run();
        var parser = new Parser(source, lexer.Tokens, lexer.Count);
        Module module;
        try
        {
            module = parser.ParseModule();
        }
        catch (InsufficientExecutionStackException)
        {
            module = new Module(Array.Empty<Stmt>(), Array.Empty<TypeIgnore>()) { Start = 0, End = source.Length };
            parser.Errors.Add(new SyntaxDiagnostic("too many nested parentheses", 0, 0));
        }
        lexer.ReleaseTokens();
        var errors = parser.Errors;
        if (lexer.ErrorMessage is { } msg)
        {
            // the parser stops at the token where the tokenizer failed; its own complaint about that spot is noise
            errors.RemoveAll(e => e.Start >= lexer.ErrorDetectedAt);
            // An unclosed bracket swallows the following lines; CPython then reports the bracket rather than the
            // generic complaint about a later line.
            if (msg.EndsWith("was never closed", StringComparison.Ordinal) && errors.Count > 0 && errors[0].Start > lexer.ErrorStart && IsGeneric(errors[0].Message)
                && text.LineOf(errors[0].Start) != text.LineOf(lexer.ErrorStart))
                errors.Clear();
            errors.Add(new SyntaxDiagnostic(msg, lexer.ErrorStart, lexer.ErrorEnd));
            // The errors above are CPython's (the first is what CPython reports). The tree comes from a second pass
            // that steps over each line the tokenizer cannot read, so the code after it is still analysed.
            module = ParseRecovering(source, errors, lexer.ErrorStart);
        }
        return new ParseResult(module, text, errors);
    }

    static Module ParseRecovering(string source, List<SyntaxDiagnostic> errors, int firstLexerError)
    {
        var lexer = new Lexer(source, recover: true);
        lexer.Run();
        var parser = new Parser(source, lexer.Tokens, lexer.Count);
        Module module;
        try { module = parser.ParseModule(); }
        catch (InsufficientExecutionStackException)
        {
            module = new Module(Array.Empty<Stmt>(), Array.Empty<TypeIgnore>()) { Start = 0, End = source.Length };
        }
        // Later diagnostics: the tokenizer's own, and the parser's where they are not about the unreadable text.
        var unreadable = new List<(int Start, int End)>();
        for (int i = 0; i < lexer.Count; i++)
            if (lexer.Tokens[i].Kind == TokenKind.Error) unreadable.Add((lexer.Tokens[i].Start, lexer.Tokens[i].End));
        lexer.ReleaseTokens();
        var later = new List<SyntaxDiagnostic>(lexer.LaterErrors);
        foreach (var e in parser.Errors)
            if (e.Start > firstLexerError && !Within(unreadable, e.Start)) later.Add(e);
        later.Sort((a, b) => a.Start.CompareTo(b.Start));
        var known = new HashSet<int>();
        foreach (var e in errors) known.Add(e.Start);
        foreach (var e in later)
        {
            if (errors.Count >= MaxDiagnostics) break;
            if (known.Add(e.Start)) errors.Add(e);
        }
        return module;
    }

    static bool Within(List<(int Start, int End)> spans, int offset)
    {
        foreach (var (start, end) in spans)
            if (offset >= start && offset <= end) return true;
        return false;
    }

    static bool IsGeneric(string message) => message == "invalid syntax" || message.StartsWith("expected '", StringComparison.Ordinal);
}
