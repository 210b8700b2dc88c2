using Bulwark.Python.Syntax;

namespace Bulwark.Engine;

/// <summary>Where the string literals of a module are, so that a `#` inside one is not taken for a comment.</summary>
public sealed class StringSpans : AstWalker
{
    readonly List<(int Start, int End)> _spans = [];
    readonly string _text;

    StringSpans(string text) => _text = text;

    public static StringSpans Of(Module module, string text)
    {
        var s = new StringSpans(text);
        s.Visit(module);
        s._spans.Sort();
        return s;
    }

    public override void Visit(Node node)
    {
        switch (node)
        {
            case Constant { ValueKind: ConstantKind.Str or ConstantKind.Bytes } c: _spans.Add((c.Start, c.End)); return;
            case JoinedStr or TemplateStr: _spans.Add((node.Start, node.End)); return;
        }
        node.WalkChildren(this);
    }

    public bool Contains(int offset)
    {
        int lo = 0, hi = _spans.Count - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            if (_spans[mid].Start > offset) hi = mid - 1;
            else lo = mid + 1;
        }
        // Spans do not overlap (nested strings are skipped), so only the last one starting before offset can hold it.
        if (hi < 0 || offset >= _spans[hi].End) return false;
        // Implicitly concatenated parts may have comments between them (`("SELECT "  # nosec` ⏎ `"FROM t")`).
        return InLiteralPart(_text, _spans[hi].Start, _spans[hi].End, offset);
    }

    /// <summary>Re-reads a string node's source: is the offset inside one of its literal parts, not in a gap between them?</summary>
    static bool InLiteralPart(string text, int start, int end, int offset)
    {
        int p = start;
        while (p < end)
        {
            char c = text[p];
            if (c is ' ' or '\t' or '\f' or '\r' or '\n' or '\\') { p++; continue; }
            if (c == '#')
            {
                int eol = p;
                while (eol < end && text[eol] is not ('\n' or '\r')) eol++;
                if (offset >= p && offset < eol) return false;
                p = eol;
                continue;
            }
            int q = p;
            bool raw = false, formatted = false;
            while (q < end && char.IsAsciiLetter(text[q]))
            {
                raw |= text[q] is 'r' or 'R';
                formatted |= text[q] is 'f' or 'F' or 't' or 'T';
                q++;
            }
            if (q >= end || text[q] is not ('"' or '\'')) return false; // not a literal we understand: treat as code
            int close = LiteralEnd(text, q, end, raw, formatted);
            if (close < 0) return false;
            if (offset >= p && offset < close) return true;
            p = close;
        }
        return false;
    }

    /// <summary>The offset just past the literal whose opening quote is at <paramref name="q"/>; -1 when it does not close.</summary>
    static int LiteralEnd(string text, int q, int end, bool raw, bool formatted)
    {
        char quote = text[q];
        bool triple = q + 2 < end && text[q + 1] == quote && text[q + 2] == quote;
        int i = q + (triple ? 3 : 1);
        while (i < end)
        {
            char c = text[i];
            if (c == '\\' && !raw) { i += 2; continue; }
            if (formatted && c == '{')
            {
                if (i + 1 < end && text[i + 1] == '{') { i += 2; continue; }
                int depth = 1;
                i++;
                while (i < end && depth > 0)
                {
                    char e = text[i];
                    if (e is '"' or '\'')
                    {
                        int nested = LiteralEnd(text, i, end, raw: false, formatted: true);
                        if (nested < 0) return -1;
                        i = nested;
                        continue;
                    }
                    if (e == '{') depth++;
                    else if (e == '}') depth--;
                    i++;
                }
                continue;
            }
            if (c == quote && (!triple || (i + 2 < end && text[i + 1] == quote && text[i + 2] == quote)))
                return i + (triple ? 3 : 1);
            i++;
        }
        return -1;
    }
}
