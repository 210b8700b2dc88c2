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

    /// <summary>Parses a module. Never throws on bad input: syntax errors come back in <see cref="ParseResult.Errors"/>.</summary>
    public static ParseResult Parse(string source)
    {
        var text = new SourceText(source);
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
        }
        return new ParseResult(module, text, errors);
    }

    static bool IsGeneric(string message) => message == "invalid syntax" || message.StartsWith("expected '", StringComparison.Ordinal);
}
