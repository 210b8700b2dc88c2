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
        throw new NotImplementedException("parser issue #3");
    }
}

/// <summary>Renders a tree exactly as CPython 3.13's `ast.dump(tree, include_attributes=True)`.</summary>
public static class AstDump
{
    public static string Dump(Node node, SourceText text, bool includeAttributes = true)
    {
        throw new NotImplementedException("parser issue #3");
    }
}
