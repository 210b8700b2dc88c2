using System.Globalization;
using System.Numerics;
using System.Text;
using Bulwark.Python.Syntax;

namespace Bulwark.Python.Parsing;

internal sealed partial class Parser
{
    const int MaxIntDigits = 4300; // CPython's default int_max_str_digits

    Constant ParseNumber(in Token t)
    {
        var text = _s.AsSpan(t.Start, t.End - t.Start);
        Span<char> buf = text.Length <= 256 ? stackalloc char[text.Length] : new char[text.Length];
        int n = 0;
        foreach (char c in text) if (c != '_') buf[n++] = c;
        var s = buf[..n];
        char last = (char)(s[^1] | 0x20);
        if (last == 'j')
        {
            double im = double.Parse(s[..^1], NumberStyles.Float, CultureInfo.InvariantCulture);
            return At(new Constant(ConstantKind.Complex, im), t.Start, t.End);
        }
        if (s.Length > 1 && s[0] == '0' && (s[1] | 0x20) is 'x' or 'o' or 'b')
        {
            int radix = (s[1] | 0x20) == 'x' ? 16 : (s[1] | 0x20) == 'o' ? 8 : 2;
            BigInteger v = BigInteger.Zero;
            var digits = s[2..];
            if (digits.Length <= 15)
            {
                long lv = 0;
                foreach (char c in digits) lv = lv * radix + HexVal(c);
                v = lv;
            }
            else foreach (char c in digits) v = v * radix + HexVal(c);
            return At(new Constant(ConstantKind.Int, IntValue(v)), t.Start, t.End);
        }
        bool isFloat = false;
        foreach (char c in s) if (c == '.' || c == 'e' || c == 'E') { isFloat = true; break; }
        if (isFloat)
        {
            double d = double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture);
            return At(new Constant(ConstantKind.Float, d), t.Start, t.End);
        }
        if (s.Length <= 18)
        {
            long value = long.Parse(s, NumberStyles.None, CultureInfo.InvariantCulture);
            return At(new Constant(ConstantKind.Int, IntValue(value)), t.Start, t.End);
        }
        int significant = s.TrimStart('0').Length;
        if (significant > MaxIntDigits)
            throw Fail($"Exceeds the limit ({MaxIntDigits} digits) for integer string conversion: value has {significant} digits; use sys.set_int_max_str_digits() to increase the limit - Consider hexadecimal for huge integer literals to avoid decimal conversion limits.", t.Start, t.End);
        return At(new Constant(ConstantKind.Int, IntValue(BigInteger.Parse(s, NumberStyles.None, CultureInfo.InvariantCulture))), t.Start, t.End);
    }

    static readonly object BoxedTrue = true, BoxedFalse = false;

    // Most integer literals are small: their boxed values are made once and shared by every tree (a box is immutable).
    static readonly object[] SmallInts = MakeSmallInts();

    static object[] MakeSmallInts()
    {
        var boxes = new object[257];
        for (int i = 0; i < boxes.Length; i++) boxes[i] = new BigInteger(i);
        return boxes;
    }

    /// <summary>A literal's value, boxed (literals have no sign: `-1` is a unary minus applied to one).</summary>
    static object IntValue(BigInteger value) => value < SmallInts.Length ? SmallInts[(int)value] : value;

    static int HexVal(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;

    /// <summary>Prefix flags of a string token: returns the index of the opening quote.</summary>
    int ParsePrefix(in Token t, out bool raw, out bool bytes, out bool u, out bool f, out bool tmpl)
    {
        raw = bytes = u = f = tmpl = false;
        int p = t.Start;
        while (true)
        {
            char c = (char)(_s[p] | 0x20);
            if (c == 'r') raw = true;
            else if (c == 'b') bytes = true;
            else if (c == 'u') u = true;
            else if (c == 'f') f = true;
            else if (c == 't') tmpl = true;
            else break;
            p++;
        }
        return p;
    }

    /// <summary>Implicitly concatenated string literals: a Constant, or a JoinedStr/TemplateStr when f-/t-strings take part.</summary>
    Expr ParseStrings()
    {
        int start = Cur.Start;
        // classify first
        bool anyF = false, anyT = false, anyBytes = false, anyStr = false, firstU = false;
        int scan = _p;
        int count = 0;
        while (scan < _n && (_t[scan].Kind == TokenKind.String || _t[scan].Kind == TokenKind.FStringStart))
        {
            ParsePrefix(_t[scan], out _, out bool b, out bool u, out bool f, out bool tm);
            if (count == 0) firstU = u;
            count++;
            if (b) anyBytes = true; else anyStr = true;
            if (f) anyF = true;
            if (tm) anyT = true;
            if (_t[scan].Kind == TokenKind.FStringStart)
            {
                // skip to the matching FStringEnd
                int depth = 0;
                for (; scan < _n; scan++)
                {
                    var k = _t[scan].Kind;
                    if (k == TokenKind.FStringStart) depth++;
                    else if (k == TokenKind.FStringEnd && --depth == 0) break;
                    else if (k == TokenKind.EndOfFile) break;
                }
            }
            scan++;
        }
        if (anyBytes && anyStr) throw Fail("cannot mix bytes and nonbytes literals", _t[Math.Min(scan, _n - 1)].Start, _t[Math.Min(scan, _n - 1)].End);
        if (anyT && (anyStr && CountNonT(scan) > 0 || anyBytes)) throw Fail("cannot mix t-string literals with string or bytes literals", start, _t[scan - 1].End);
        if (!anyF && !anyT)
        {
            if (anyBytes)
            {
                if (count == 1)
                {
                    var b = DecodeBytesToken(Cur);
                    Next();
                    return Span(new Constant(ConstantKind.Bytes, b), start);
                }
                var ms = new MemoryStream();
                while (K == TokenKind.String) { ms.Write(DecodeBytesToken(Cur)); Next(); }
                return Span(new Constant(ConstantKind.Bytes, ms.ToArray()), start);
            }
            _surrogates = null;
            _decodeBase = 0;
            Constant result;
            if (count == 1)
            {
                string v = DecodeStrToken(Cur);
                Next();
                result = Span(new Constant(ConstantKind.Str, v, firstU ? "u" : null), start);
            }
            else
            {
                var sb = new StringBuilder();
                while (K == TokenKind.String) { _decodeBase = sb.Length; sb.Append(DecodeStrToken(Cur)); Next(); }
                result = Span(new Constant(ConstantKind.Str, sb.ToString(), firstU ? "u" : null), start);
            }
            result.EscapedSurrogates = _surrogates?.ToArray();
            _surrogates = null;
            return result;
        }
        var parts = Rent<Expr>();
        var pending = new StringBuilder();
        int pendStart = -1, pendEnd = -1;
        while (K == TokenKind.String || K == TokenKind.FStringStart)
        {
            if (K == TokenKind.String)
            {
                string v = DecodeStrToken(Cur);
                if (v.Length > 0)
                {
                    if (pendStart < 0) pendStart = Cur.Start;
                    pending.Append(v);
                    pendEnd = Cur.End;
                }
                Next();
            }
            else ParseFString(parts, pending, ref pendStart, ref pendEnd, anyT);
        }
        FlushPending(parts, pending, ref pendStart, ref pendEnd);
        var sealedParts = Seal(parts);
        return anyT ? Span(new TemplateStr(sealedParts), start) : Span(new JoinedStr(sealedParts), start);
    }

    int CountNonT(int scanEnd)
    {
        int c = 0, depth = 0;
        for (int i = _p; i < scanEnd; i++)
        {
            var k = _t[i].Kind;
            if (k == TokenKind.FStringStart) { if (depth == 0) { ParsePrefix(_t[i], out _, out _, out _, out _, out bool tm); if (!tm) c++; } depth++; }
            else if (k == TokenKind.FStringEnd) depth--;
            else if (k == TokenKind.String && depth == 0) c++;
        }
        return c;
    }

    void FlushPending(List<Expr> parts, StringBuilder pending, ref int pendStart, ref int pendEnd)
    {
        if (pending.Length > 0)
        {
            parts.Add(At(new Constant(ConstantKind.Str, pending.ToString()), pendStart, pendEnd));
            pending.Clear();
        }
        pendStart = pendEnd = -1;
    }

    /// <summary>One f-string/t-string: FStringStart (middle | replacement field)* FStringEnd.</summary>
    void ParseFString(List<Expr> parts, StringBuilder pending, ref int pendStart, ref int pendEnd, bool template)
    {
        Enter();
        try
        {
            ParsePrefix(Cur, out bool raw, out _, out _, out _, out _);
            Next();
            while (true)
            {
                if (K == TokenKind.FStringMiddle)
                {
                    string v = DecodeFStringMiddle(Cur, raw);
                    if (v.Length > 0)
                    {
                        if (pendStart < 0) pendStart = Cur.Start;
                        pending.Append(v);
                        pendEnd = Cur.End;
                    }
                    Next();
                    continue;
                }
                if (K == TokenKind.LBrace)
                {
                    var field = ParseReplacementField(raw, template, out var debugText);
                    if (debugText is not null)
                    {
                        if (pendStart < 0) pendStart = debugText.Start;
                        pending.Append(debugText.Value as string);
                        pendEnd = debugText.End;
                    }
                    FlushPending(parts, pending, ref pendStart, ref pendEnd);
                    parts.Add(field);
                    continue;
                }
                if (K == TokenKind.FStringEnd) { Next(); return; }
                throw InvalidSyntax();
            }
        }
        finally { Leave(); }
    }

    Expr ParseReplacementField(bool raw, bool template, out Constant? debugText)
    {
        int lbrace = Cur.Start;
        int exprStart = Cur.End;
        Next();
        if (K == TokenKind.RBrace) throw Fail(template ? "t-string: valid expression required before '}'" : "f-string: valid expression required before '}'");
        if (K == TokenKind.Lambda) throw Fail((template ? "t" : "f") + "-string: lambda expressions are not allowed without parentheses", Cur.Start, Cur.End);
        Expr value = K == TokenKind.Yield ? ParseYieldExpr() : ParseStarExpressions();
        int exprEnd = PrevEnd;
        debugText = null;
        int delimStart = Cur.Start;
        if (K == TokenKind.Equal)
        {
            Next();
            int textEnd = Cur.Start;
            string text = _s.Substring(exprStart, textEnd - exprStart);
            if (text.Contains('\r')) text = text.Replace("\r\n", "\n").Replace('\r', '\n');
            if (text.Contains('#')) text = StripComments(text);
            debugText = At(new Constant(ConstantKind.Str, text), exprStart, textEnd);
        }
        int conversion = -1;
        if (K == TokenKind.Exclamation)
        {
            int bangStart = Cur.Start, bang = Cur.End;
            Next();
            if (K == TokenKind.Name && Cur.Start != bang)
                throw Fail((template ? "t" : "f") + "-string: conversion type must come right after the exclamanation mark", bangStart, bang);
            if (K != TokenKind.Name) throw Fail("f-string: invalid conversion character: expected 's', 'r', or 'a'");
            var conv = TokText(Cur);
            if (conv.Length != 1 || conv[0] is not ('s' or 'r' or 'a')) throw Fail($"f-string: invalid conversion character {conv.ToString()!}: expected 's', 'r', or 'a'".Replace("character ", "character '").Replace(": expected", "': expected"));
            conversion = conv[0];
            Next();
        }
        Expr? spec = null;
        if (K == TokenKind.Colon)
        {
            int specStart = Cur.Start;
            Next();
            var specParts = new List<Expr>();
            var pending = new StringBuilder();
            int ps = -1, pe = -1;
            while (K != TokenKind.RBrace)
            {
                if (K == TokenKind.FStringMiddle)
                {
                    string v = DecodeFStringMiddle(Cur, raw);
                    if (v.Length > 0)
                    {
                        if (ps < 0) ps = Cur.Start;
                        pending.Append(v);
                        pe = Cur.End;
                    }
                    Next();
                }
                else if (K == TokenKind.LBrace)
                {
                    Enter();
                    try
                    {
                        // fields nested in a format spec are evaluated eagerly, even in a t-string
                        var inner = ParseReplacementField(raw, false, out var innerDebug);
                        if (innerDebug is not null)
                        {
                            if (ps < 0) ps = innerDebug.Start;
                            pending.Append(innerDebug.Value as string);
                            pe = innerDebug.End;
                        }
                        FlushPending(specParts, pending, ref ps, ref pe);
                        specParts.Add(inner);
                    }
                    finally { Leave(); }
                }
                else throw Fail(template ? "t-string: expecting '}'" : "f-string: expecting '}'");
            }
            FlushPending(specParts, pending, ref ps, ref pe);
            spec = At(new JoinedStr(specParts), specStart, Cur.Start);
        }
        if (K != TokenKind.RBrace)
        {
            if (conversion != -1 && spec is null) throw Fail((template ? "t" : "f") + "-string: expecting ':' or '}'");
            throw Fail(template ? "t-string: expecting '}'" : "f-string: expecting '}'");
        }
        Next();
        if (debugText is not null && conversion == -1 && spec is null) conversion = 'r';
        if (template)
        {
            string str = _s.Substring(exprStart, Math.Max(0, Math.Min(delimStart, exprEnd) - exprStart));
            return At(new Interpolation(value, str, conversion, spec), lbrace, PrevEnd);
        }
        return At(new FormattedValue(value, conversion, spec), lbrace, PrevEnd);
    }

    /// <summary>CPython drops comments from the `=` debug text of a multi-line replacement field.</summary>
    static string StripComments(string text)
    {
        var sb = new StringBuilder(text.Length);
        char quote = '\0';
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (quote != '\0')
            {
                sb.Append(c);
                if (c == '\\' && i + 1 < text.Length) sb.Append(text[++i]);
                else if (c == quote) quote = '\0';
                continue;
            }
            if (c == '\'' || c == '"') { quote = c; sb.Append(c); continue; }
            if (c == '#')
            {
                while (i < text.Length && text[i] != '\n') i++;
                if (i < text.Length) sb.Append('\n');
                continue;
            }
            sb.Append(c);
        }
        return sb.ToString();
    }

    // ───────────── literal decoding ─────────────

    string DecodeStrToken(in Token t)
    {
        int q = ParsePrefix(t, out bool raw, out _, out _, out _, out _);
        char quote = _s[q];
        bool triple = q + 2 < t.End && _s[q + 1] == quote && _s[q + 2] == quote && t.End - q >= 6;
        int bodyStart = q + (triple ? 3 : 1);
        int bodyEnd = t.End - (triple ? 3 : 1);
        return DecodeStr(bodyStart, bodyEnd, raw, fstring: false, t.Start);
    }

    string DecodeFStringMiddle(in Token t, bool raw) => DecodeStr(t.Start, t.End, raw, fstring: true, t.Start);

    string DecodeStr(int start, int end, bool raw, bool fstring, int tokStart)
    {
        var body = _s.AsSpan(start, end - start);
        int special = fstring ? body.IndexOfAny('\\', '\r', '{') : body.IndexOfAny('\\', '\r');
        if (fstring && special < 0) special = body.IndexOf('}');
        if (special < 0) return body.ToString();
        var sb = new StringBuilder(body.Length);
        for (int i = 0; i < body.Length; i++)
        {
            char c = body[i];
            if (c == '\r')
            {
                sb.Append('\n');
                if (i + 1 < body.Length && body[i + 1] == '\n') i++;
                continue;
            }
            if (fstring && (c == '{' || c == '}'))
            {
                sb.Append(c);
                if (i + 1 < body.Length && body[i + 1] == c) i++;
                continue;
            }
            if (c != '\\') { sb.Append(c); continue; }
            if (i + 1 >= body.Length) { sb.Append(c); continue; }
            char e = body[i + 1];
            if (raw)
            {
                sb.Append('\\');
                continue;
            }
            i++;
            switch (e)
            {
                case '\n': break;
                case '\r': if (i + 1 < body.Length && body[i + 1] == '\n') i++; break;
                case '\\': sb.Append('\\'); break;
                case '\'': sb.Append('\''); break;
                case '"': sb.Append('"'); break;
                case 'a': sb.Append('\a'); break;
                case 'b': sb.Append('\b'); break;
                case 'f': sb.Append('\f'); break;
                case 'n': sb.Append('\n'); break;
                case 'r': sb.Append('\r'); break;
                case 't': sb.Append('\t'); break;
                case 'v': sb.Append('\v'); break;
                case >= '0' and <= '7':
                {
                    int v = e - '0';
                    int k = 1;
                    while (k < 3 && i + 1 < body.Length && body[i + 1] is >= '0' and <= '7') { v = v * 8 + (body[i + 1] - '0'); i++; k++; }
                    AppendCodePoint(sb, v);
                    break;
                }
                case 'x':
                case 'u':
                case 'U':
                {
                    int digits = e == 'x' ? 2 : e == 'u' ? 4 : 8;
                    int v = 0;
                    for (int k = 0; k < digits; k++)
                    {
                        if (i + 1 >= body.Length || !char.IsAsciiHexDigit(body[i + 1]))
                            throw Fail($"(unicode error) 'unicodeescape' codec can't decode bytes in position {i - 1}-{i + k}: truncated {(e == 'x' ? "\\xXX" : e == 'u' ? "\\uXXXX" : "\\UXXXXXXXX")} escape", tokStart, end);
                        v = v * 16 + HexVal(body[i + 1]);
                        i++;
                    }
                    if (e == 'U' && (uint)v > 0x10FFFF)
                        throw Fail($"(unicode error) 'unicodeescape' codec can't decode bytes in position {i - 9}-{i}: illegal Unicode character", tokStart, end);
                    AppendCodePoint(sb, v);
                    break;
                }
                case 'N':
                {
                    int close = i + 1 < body.Length && body[i + 1] == '{' ? body[(i + 1)..].IndexOf('}') : -1;
                    if (close < 0) throw Fail($"(unicode error) 'unicodeescape' codec can't decode bytes in position {i - 1}-{i}: malformed \\N character escape", tokStart, end);
                    var name = body.Slice(i + 2, close - 1);
                    int cp = UnicodeNames.Lookup(name);
                    if (cp < 0) throw Fail($"(unicode error) 'unicodeescape' codec can't decode bytes in position {i - 1}-{i + close}: unknown Unicode character name", tokStart, end);
                    AppendCodePoint(sb, cp);
                    i += close + 1;
                    break;
                }
                default:
                    sb.Append('\\');
                    i--;
                    break;
            }
        }
        return sb.ToString();
    }

    List<int>? _surrogates;
    int _decodeBase;

    void AppendCodePoint(StringBuilder sb, int v)
    {
        if (v >= 0xD800 && v <= 0xDFFF) (_surrogates ??= new()).Add(_decodeBase + sb.Length);
        if (v < 0x10000) sb.Append((char)v);
        else
        {
            v -= 0x10000;
            sb.Append((char)(0xD800 + (v >> 10)));
            sb.Append((char)(0xDC00 + (v & 0x3FF)));
        }
    }

    byte[] DecodeBytesToken(in Token t)
    {
        int q = ParsePrefix(t, out bool raw, out _, out _, out _, out _);
        char quote = _s[q];
        bool triple = q + 2 < t.End && _s[q + 1] == quote && _s[q + 2] == quote && t.End - q >= 6;
        int bodyStart = q + (triple ? 3 : 1);
        int bodyEnd = t.End - (triple ? 3 : 1);
        var body = _s.AsSpan(bodyStart, bodyEnd - bodyStart);
        var outb = new List<byte>(body.Length);
        for (int i = 0; i < body.Length; i++)
        {
            char c = body[i];
            if (c >= 128) throw Fail("bytes can only contain ASCII literal characters", t.Start, t.End);
            if (c == '\r')
            {
                outb.Add((byte)'\n');
                if (i + 1 < body.Length && body[i + 1] == '\n') i++;
                continue;
            }
            if (c != '\\' || i + 1 >= body.Length) { outb.Add((byte)c); continue; }
            char e = body[i + 1];
            if (raw) { outb.Add((byte)'\\'); continue; }
            i++;
            switch (e)
            {
                case '\n': break;
                case '\r': if (i + 1 < body.Length && body[i + 1] == '\n') i++; break;
                case '\\': outb.Add((byte)'\\'); break;
                case '\'': outb.Add((byte)'\''); break;
                case '"': outb.Add((byte)'"'); break;
                case 'a': outb.Add(7); break;
                case 'b': outb.Add(8); break;
                case 'f': outb.Add(12); break;
                case 'n': outb.Add(10); break;
                case 'r': outb.Add(13); break;
                case 't': outb.Add(9); break;
                case 'v': outb.Add(11); break;
                case >= '0' and <= '7':
                {
                    int v = e - '0';
                    int k = 1;
                    while (k < 3 && i + 1 < body.Length && body[i + 1] is >= '0' and <= '7') { v = v * 8 + (body[i + 1] - '0'); i++; k++; }
                    outb.Add((byte)v);
                    break;
                }
                case 'x':
                {
                    if (i + 2 >= body.Length || !char.IsAsciiHexDigit(body[i + 1]) || !char.IsAsciiHexDigit(body[i + 2]))
                        throw Fail($"(value error) invalid \\x escape at position {i - 1}", t.Start, t.End);
                    outb.Add((byte)(HexVal(body[i + 1]) * 16 + HexVal(body[i + 2])));
                    i += 2;
                    break;
                }
                default:
                    if (e >= 128) throw Fail("bytes can only contain ASCII literal characters", t.Start, t.End);
                    outb.Add((byte)'\\');
                    i--;
                    break;
            }
        }
        return outb.ToArray();
    }
}
