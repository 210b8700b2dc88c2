using System.Globalization;
using System.Text;

namespace Bulwark.Documents.GitHubActions;

/// <summary>Where a <c>${{ … }}</c> sits in a string: the whole fence and the expression inside it (offsets into that string).</summary>
public readonly record struct ExpressionSpan(int Start, int End, int InnerStart, int InnerEnd);

/// <summary>A node of a GitHub Actions expression; offsets are into the text that was parsed.</summary>
public abstract record Expr(int Start, int End);

public sealed record LiteralExpr(object? Value, int Start, int End) : Expr(Start, End);

/// <summary>A context name at the root of a property chain: `github`, `env`, `steps`, `secrets`…</summary>
public sealed record ContextExpr(string Name, int Start, int End) : Expr(Start, End);

/// <summary>`target.member`; `*` for the object filter `target.*`.</summary>
public sealed record MemberExpr(Expr Target, string Member, int Start, int End) : Expr(Start, End);

public sealed record IndexExpr(Expr Target, Expr Index, int Start, int End) : Expr(Start, End);

public sealed record CallExpr(string Function, IReadOnlyList<Expr> Arguments, int Start, int End) : Expr(Start, End);

public sealed record UnaryExpr(string Operator, Expr Operand, int Start, int End) : Expr(Start, End);

public sealed record BinaryExpr(string Operator, Expr Left, Expr Right, int Start, int End) : Expr(Start, End);

/// <summary>
/// A context reference as a path of lower-case segments (`github.event.commits[0].message` →
/// github/event/commits/*/message): numeric and `*` indexes become `*`; a computed index also becomes `*` and sets
/// <see cref="Dynamic"/>.
/// </summary>
public sealed record ContextPath(IReadOnlyList<string> Segments, bool Dynamic, Expr Node)
{
    public string Root => Segments[0];
    public override string ToString() => string.Join('.', Segments);

    public bool StartsWith(params string[] prefix)
    {
        if (Segments.Count < prefix.Length) return false;
        for (int i = 0; i < prefix.Length; i++)
            if (prefix[i] != "*" && Segments[i] != prefix[i]) return false;
        return true;
    }
}

/// <summary>Finds, parses and reads GitHub Actions expressions (the language of <c>${{ }}</c> and <c>if:</c>).</summary>
public static class Expressions
{
    /// <summary>Every <c>${{ … }}</c> in <paramref name="text"/>, in order; a fence that never closes is ignored.</summary>
    public static List<ExpressionSpan> Find(string text) => Find(text, 0, text.Length);

    public static List<ExpressionSpan> Find(string text, int from, int to)
    {
        var result = new List<ExpressionSpan>();
        int i = from;
        while (true)
        {
            int open = text.IndexOf("${{", i, to - i, StringComparison.Ordinal);
            if (open < 0) break;
            int p = open + 3;
            int close = -1;
            while (p + 1 < to)
            {
                char c = text[p];
                if (c == '\'')
                {
                    // A string literal may hold "}}"; '' is an escaped quote.
                    p++;
                    while (p < to && !(text[p] == '\'' && (p + 1 >= to || text[p + 1] != '\''))) p += text[p] == '\'' ? 2 : 1;
                    p++;
                    continue;
                }
                if (c == '}' && text[p + 1] == '}') { close = p; break; }
                p++;
            }
            if (close < 0) break;
            result.Add(new ExpressionSpan(open, close + 2, open + 3, close));
            i = close + 2;
        }
        return result;
    }

    /// <summary>The bare expression of a whole-value fence (`${{ x }}` → `x`), or null when the text is not one fence.</summary>
    public static string? Bare(string text)
    {
        var t = text.Trim();
        var spans = Find(t);
        return spans.Count == 1 && spans[0].Start == 0 && spans[0].End == t.Length ? t[spans[0].InnerStart..spans[0].InnerEnd].Trim() : null;
    }

    /// <summary>Parses <paramref name="text"/>[start..end); offsets in the result are into <paramref name="text"/>. Null on a syntax error.</summary>
    public static Expr? Parse(string text, int start, int end)
    {
        try
        {
            var p = new ExpressionParser(text, start, end);
            var e = p.ParseOr();
            p.SkipSpace();
            return p.AtEnd ? e : null;
        }
        catch (FormatException) { return null; }
    }

    public static Expr? Parse(string text) => Parse(text, 0, text.Length);

    /// <summary>The context path an expression names (`github.event.issue.title`), or null when it is not a property chain on a context.</summary>
    public static ContextPath? PathOf(Expr e)
    {
        var segments = new List<string>();
        bool dynamic = false;
        var node = e;
        while (true)
        {
            switch (node)
            {
                case MemberExpr m:
                    segments.Add(m.Member.ToLowerInvariant());
                    node = m.Target;
                    continue;
                case IndexExpr ix:
                    if (ix.Index is LiteralExpr { Value: string s }) segments.Add(s.ToLowerInvariant());
                    else
                    {
                        segments.Add("*");
                        if (ix.Index is not LiteralExpr) dynamic = true;
                    }
                    node = ix.Target;
                    continue;
                case ContextExpr c:
                    segments.Add(c.Name.ToLowerInvariant());
                    segments.Reverse();
                    return new ContextPath(segments, dynamic, e);
                default:
                    return null;
            }
        }
    }

    /// <summary>
    /// The context references whose value can become (part of) the expression's value: `a || b` yields either,
    /// `a &amp;&amp; b` yields b (or a falsy a), comparisons, `!` and predicates (`contains`, `startsWith`…) yield booleans,
    /// `format`, `join`, `toJSON` and `fromJSON` pass their arguments through.
    /// </summary>
    public static List<ContextPath> ValueSources(Expr e)
    {
        var result = new List<ContextPath>();
        Collect(e, result);
        return result;
    }

    static void Collect(Expr e, List<ContextPath> into)
    {
        if (PathOf(e) is { } path) { into.Add(path); return; }
        switch (e)
        {
            case LiteralExpr or UnaryExpr:
                return;
            case BinaryExpr { Operator: "||" } b:
                Collect(b.Left, into); Collect(b.Right, into);
                return;
            case BinaryExpr { Operator: "&&" } b:
                Collect(b.Right, into);
                return;
            case BinaryExpr:
                return; // comparisons
            case CallExpr c:
                switch (c.Function.ToLowerInvariant())
                {
                    case "contains" or "startswith" or "endswith" or "success" or "failure" or "always" or "cancelled" or "hashfiles":
                        return;
                    default:
                        foreach (var a in c.Arguments) Collect(a, into);
                        return;
                }
            case MemberExpr m:
                Collect(m.Target, into); // fromJSON(x).y carries x's data
                return;
            case IndexExpr ix:
                Collect(ix.Target, into);
                return;
        }
    }

    /// <summary>Every node of the expression, depth first.</summary>
    public static IEnumerable<Expr> Walk(Expr e)
    {
        var stack = new Stack<Expr>();
        stack.Push(e);
        while (stack.Count > 0)
        {
            var n = stack.Pop();
            yield return n;
            switch (n)
            {
                case MemberExpr m: stack.Push(m.Target); break;
                case IndexExpr ix: stack.Push(ix.Index); stack.Push(ix.Target); break;
                case CallExpr c: for (int i = c.Arguments.Count - 1; i >= 0; i--) stack.Push(c.Arguments[i]); break;
                case UnaryExpr u: stack.Push(u.Operand); break;
                case BinaryExpr b: stack.Push(b.Right); stack.Push(b.Left); break;
            }
        }
    }

    /// <summary>Recursive descent over the expression grammar; nesting is bounded so hostile text cannot exhaust the stack.</summary>
    sealed class ExpressionParser(string text, int start, int end)
    {
        const int MaxDepth = 64;
        int _pos = start;
        int _depth;

        public bool AtEnd => _pos >= end;

        public void SkipSpace()
        {
            while (_pos < end && char.IsWhiteSpace(text[_pos])) _pos++;
        }

        bool Accept(string op)
        {
            SkipSpace();
            if (_pos + op.Length > end || string.CompareOrdinal(text, _pos, op, 0, op.Length) != 0) return false;
            _pos += op.Length;
            return true;
        }

        public Expr ParseOr()
        {
            if (++_depth > MaxDepth) throw new FormatException("expression nested too deeply");
            var left = ParseAnd();
            while (Accept("||")) { var right = ParseAnd(); left = new BinaryExpr("||", left, right, left.Start, right.End); }
            _depth--;
            return left;
        }

        Expr ParseAnd()
        {
            var left = ParseEquality();
            while (Accept("&&")) { var right = ParseEquality(); left = new BinaryExpr("&&", left, right, left.Start, right.End); }
            return left;
        }

        Expr ParseEquality()
        {
            var left = ParseComparison();
            while (true)
            {
                string? op = Accept("==") ? "==" : Accept("!=") ? "!=" : null;
                if (op is null) return left;
                var right = ParseComparison();
                left = new BinaryExpr(op, left, right, left.Start, right.End);
            }
        }

        Expr ParseComparison()
        {
            var left = ParseUnary();
            while (true)
            {
                string? op = Accept("<=") ? "<=" : Accept(">=") ? ">=" : Accept("<") ? "<" : Accept(">") ? ">" : null;
                if (op is null) return left;
                var right = ParseUnary();
                left = new BinaryExpr(op, left, right, left.Start, right.End);
            }
        }

        Expr ParseUnary()
        {
            SkipSpace();
            int s = _pos;
            if (_pos < end && text[_pos] == '!' && !(_pos + 1 < end && text[_pos + 1] == '='))
            {
                _pos++;
                if (++_depth > MaxDepth) throw new FormatException("expression nested too deeply");
                var operand = ParseUnary();
                _depth--;
                return new UnaryExpr("!", operand, s, operand.End);
            }
            return ParsePostfix(ParsePrimary());
        }

        Expr ParsePostfix(Expr e)
        {
            while (true)
            {
                SkipSpace();
                if (_pos < end && text[_pos] == '.')
                {
                    _pos++;
                    SkipSpace();
                    if (_pos < end && text[_pos] == '*') { _pos++; e = new MemberExpr(e, "*", e.Start, _pos); continue; }
                    var name = Identifier() ?? throw new FormatException("property name expected");
                    e = new MemberExpr(e, name, e.Start, _pos);
                    continue;
                }
                if (_pos < end && text[_pos] == '[')
                {
                    _pos++;
                    SkipSpace();
                    Expr index;
                    if (_pos < end && text[_pos] == '*') { int s = _pos++; index = new LiteralExpr("*", s, _pos); }
                    else index = ParseOr();
                    if (!Accept("]")) throw new FormatException("']' expected");
                    e = new IndexExpr(e, index, e.Start, _pos);
                    continue;
                }
                return e;
            }
        }

        Expr ParsePrimary()
        {
            SkipSpace();
            if (_pos >= end) throw new FormatException("expression expected");
            int s = _pos;
            char c = text[_pos];
            if (c == '(')
            {
                _pos++;
                var inner = ParseOr();
                if (!Accept(")")) throw new FormatException("')' expected");
                return inner;
            }
            if (c == '\'') return new LiteralExpr(StringLiteral(), s, _pos);
            if (char.IsAsciiDigit(c) || ((c is '-' or '+' or '.') && _pos + 1 < end && (char.IsAsciiDigit(text[_pos + 1]) || text[_pos + 1] == '.')))
                return new LiteralExpr(Number(), s, _pos);
            var name = Identifier() ?? throw new FormatException($"unexpected '{c}'");
            switch (name)
            {
                case "true": return new LiteralExpr(true, s, _pos);
                case "false": return new LiteralExpr(false, s, _pos);
                case "null": return new LiteralExpr(null, s, _pos);
                case "NaN" or "Infinity": return new LiteralExpr(double.NaN, s, _pos);
            }
            SkipSpace();
            if (_pos < end && text[_pos] == '(')
            {
                _pos++;
                var args = new List<Expr>();
                SkipSpace();
                if (!Accept(")"))
                {
                    while (true)
                    {
                        args.Add(ParseOr());
                        if (Accept(")")) break;
                        if (!Accept(",")) throw new FormatException("',' or ')' expected");
                    }
                }
                return new CallExpr(name, args, s, _pos);
            }
            return new ContextExpr(name, s, _pos);
        }

        string? Identifier()
        {
            int s = _pos;
            if (_pos >= end || !(char.IsAsciiLetter(text[_pos]) || text[_pos] == '_')) return null;
            while (_pos < end && (char.IsAsciiLetterOrDigit(text[_pos]) || text[_pos] is '_' or '-')) _pos++;
            return text[s.._pos];
        }

        string StringLiteral()
        {
            var sb = new StringBuilder();
            _pos++; // opening quote
            while (true)
            {
                if (_pos >= end) throw new FormatException("unterminated string");
                char c = text[_pos++];
                if (c == '\'')
                {
                    if (_pos < end && text[_pos] == '\'') { sb.Append('\''); _pos++; continue; }
                    return sb.ToString();
                }
                sb.Append(c);
            }
        }

        double Number()
        {
            int s = _pos;
            if (text[_pos] is '-' or '+') _pos++;
            if (_pos + 1 < end && text[_pos] == '0' && text[_pos + 1] is 'x' or 'X')
            {
                _pos += 2;
                int h = _pos;
                while (_pos < end && char.IsAsciiHexDigit(text[_pos])) _pos++;
                return long.TryParse(text.AsSpan(h, _pos - h), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var hv) ? hv : double.NaN;
            }
            while (_pos < end && (char.IsAsciiDigit(text[_pos]) || text[_pos] is '.' or 'e' or 'E' ||
                   (text[_pos] is '-' or '+' && text[_pos - 1] is 'e' or 'E'))) _pos++;
            return double.TryParse(text.AsSpan(s, _pos - s), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : double.NaN;
        }
    }
}
