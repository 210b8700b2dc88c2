using System.Text;

namespace Bulwark.Python.Parsing;

/// <summary>
/// Hand-written tokenizer following CPython's tokenizer.c: INDENT/DEDENT with tab columns (and the
/// tab/space consistency check), implicit line joining in brackets, PEP 701 f-string tokens.
/// Tokens are structs holding spans. By default the first error stops tokenizing (as CPython's tokenizer does);
/// with recovery on, the rest of the erroneous line becomes one Error token and tokenizing goes on at the next
/// line, so that the statements after a Python 2 literal or a stray character are still analysed.
/// </summary>
internal sealed class Lexer
{
    const int MaxParenLevel = 200;   // CPython MAXLEVEL
    const int MaxIndent = 100;       // CPython MAXINDENT
    const int MaxFStringLevel = 150; // CPython MAX_EXPR_NESTING-ish bound on nested f-strings

    enum FMode : byte { Literal, Expr, Spec }
    struct FFrame { public FMode Mode; public char Quote; public bool Triple; public bool Raw; public int ParenDepth; }

    readonly string _s;
    readonly int _len;
    int _pos;
    Token[] _toks;
    int _count;

    char[] _parenChar = new char[16];
    int[] _parenPos = new int[16];
    int _parenDepth;

    readonly int[] _indents = new int[MaxIndent + 1];
    readonly int[] _altIndents = new int[MaxIndent + 1];
    int _indentTop;
    bool _atLineStart = true;

    FFrame[] _frames = new FFrame[4];
    int _frameCount;

    readonly bool _recover;
    bool _stopped;          // an error ended the current Step run
    int _stoppedAt;         // where that error starts
    int _resumedAt = -1;    // where tokenizing last resumed after an error (progress guard)
    long _relexBudget;      // characters that may be tokenized a second time after an unclosed bracket
    const int MaxRecoveredErrors = 1000;

    /// <summary>With recovery: every error after the first, in the order found.</summary>
    public List<SyntaxDiagnostic> LaterErrors { get; } = [];

    public string? ErrorMessage { get; private set; }
    public int ErrorStart { get; private set; }
    public int ErrorEnd { get; private set; }
    /// <summary>Where tokenizing stopped: parser complaints at or after this point are consequences of the lexer error.</summary>
    public int ErrorDetectedAt { get; private set; }

    public Lexer(string source, bool recover = false)
    {
        _s = source;
        _len = source.Length;
        _recover = recover;
        _relexBudget = 4L * source.Length + 4096;
        _toks = RentTokens(Math.Max(64, source.Length / 5));
    }

    /// <summary>Gives the token buffer back to the pool; the lexer and its tokens must not be used afterwards.</summary>
    public void ReleaseTokens()
    {
        ReturnTokens(_toks);
        _toks = [];
    }

    // A token buffer is large (often on the large-object heap) and dead as soon as the tree is built: each thread keeps
    // its largest one for the next file. The shared array pool did this before, but its buckets and the trimming it
    // does on every full collection made it allocate a fresh buffer for many files.
    [ThreadStatic] static Token[]? t_spare;
    /// <summary>Buffers up to 512 Ki tokens (6 MB) are kept; a larger file's buffer is left to the collector.</summary>
    const int MaxSpareTokens = 512 * 1024;

    static Token[] RentTokens(int minimum)
    {
        var spare = t_spare;
        if (spare is not null && spare.Length >= minimum)
        {
            t_spare = null; // a nested lexer (error recovery) takes a buffer of its own
            return spare;
        }
        // A power of two, so that the kept buffer grows in few steps to what this thread's files need.
        return GC.AllocateUninitializedArray<Token>((int)Math.Min(Array.MaxLength, System.Numerics.BitOperations.RoundUpToPowerOf2((uint)minimum)));
    }

    static void ReturnTokens(Token[] tokens)
    {
        if (tokens.Length <= MaxSpareTokens && (t_spare is null || t_spare.Length < tokens.Length)) t_spare = tokens;
    }

    public Token[] Tokens => _toks;
    public int Count => _count;

    void Emit(TokenKind kind, int start, int end)
    {
        if (_count == _toks.Length)
        {
            var bigger = RentTokens(_toks.Length * 2);
            Array.Copy(_toks, bigger, _count);
            ReturnTokens(_toks);
            _toks = bigger;
        }
        _toks[_count++] = new Token(kind, start, end);
    }

    bool Fail(string message, int start, int end)
    {
        Record(message, start, end);
        _stopped = true;
        _stoppedAt = start;
        return false;
    }

    void Record(string message, int start, int end)
    {
        if (ErrorMessage is null) { ErrorMessage = message; ErrorStart = start; ErrorEnd = Math.Max(start, end); ErrorDetectedAt = Math.Min(start, _pos); }
        else if (_recover && LaterErrors.Count < MaxRecoveredErrors) LaterErrors.Add(new SyntaxDiagnostic(message, start, Math.Max(start, end)));
    }

    /// <summary>An error the tokenizer can step over in place (indentation): recorded, and with recovery not fatal.</summary>
    bool Complain(string message, int start, int end) => _recover ? Recovered(message, start, end) : Fail(message, start, end);

    bool Recovered(string message, int start, int end)
    {
        Record(message, start, end);
        return true;
    }

    int LineAt(int offset)
    {
        int line = 1;
        for (int i = 0; i < offset && i < _len; i++)
        {
            char c = _s[i];
            if (c == '\n') line++;
            else if (c == '\r') { if (i + 1 < _len && _s[i + 1] == '\n') i++; line++; }
        }
        return line;
    }

    int LastLine() => LineAt(_len > 0 ? _len - 1 : 0);

    public void Run()
    {
        while (true)
        {
            while (Step()) { }
            if (!_stopped)
            {
                if (_frameCount > 0)
                {
                    if (ErrorMessage is null || _recover) Fail("unterminated f-string literal (detected at line " + LineAt(_len) + ")", _len, _len);
                }
                else if (_parenDepth > 0 && (ErrorMessage is null || _recover))
                {
                    bool first = ErrorMessage is null;
                    Fail("'" + _parenChar[_parenDepth - 1] + "' was never closed", _parenPos[_parenDepth - 1], _parenPos[_parenDepth - 1] + 1);
                    if (first) ErrorDetectedAt = _len;
                    if (_recover && ResumeAfterUnclosedBracket()) continue;
                }
                break;
            }
            if (!_recover || !ResumeAfterError()) break;
        }
        if (ErrorMessage is not null && !_recover)
        {
            Emit(TokenKind.EndOfFile, ErrorDetectedAt, ErrorDetectedAt);
            return;
        }
        if (_count > 0 && _toks[_count - 1].Kind != TokenKind.Newline) Emit(TokenKind.Newline, _len, _len);
        while (_indentTop > 0) { _indentTop--; Emit(TokenKind.Dedent, _len, _len); }
        Emit(TokenKind.EndOfFile, _len, _len);
    }

    // ───────────── error recovery ─────────────

    /// <summary>The rest of the erroneous line becomes an Error token; tokenizing resumes at the next line.</summary>
    bool ResumeAfterError()
    {
        _stopped = false;
        if (LaterErrors.Count >= MaxRecoveredErrors) return false;
        int errorAt = Math.Min(_stoppedAt, _len);
        int lineEnd = errorAt;
        while (lineEnd < _len && _s[lineEnd] != '\n' && _s[lineEnd] != '\r') lineEnd++;
        return ResumeAt(errorAt, lineEnd);
    }

    /// <summary>
    /// A bracket still open at the end swallowed every later line: the statement it starts is broken, and the lines
    /// after the bracket's are tokenized again (within a budget, so that many unclosed brackets stay linear).
    /// </summary>
    bool ResumeAfterUnclosedBracket()
    {
        _stopped = false;
        int open = _parenPos[0];
        int lineEnd = open;
        while (lineEnd < _len && _s[lineEnd] != '\n' && _s[lineEnd] != '\r') lineEnd++;
        _relexBudget -= _len - lineEnd;
        if (_relexBudget < 0) return false;
        return ResumeAt(open + 1, lineEnd);
    }

    bool ResumeAt(int errorAt, int lineEnd)
    {
        int next = lineEnd;
        if (next < _len) next = _s[next] == '\r' && next + 1 < _len && _s[next + 1] == '\n' ? next + 2 : next + 1;
        if (next <= _resumedAt) return false; // no progress: give up rather than loop
        // tokens of the broken part go; indentation tokens stay, so blocks still nest
        while (_count > 0 && _toks[_count - 1].Start >= errorAt && _toks[_count - 1].Kind is not (TokenKind.Indent or TokenKind.Dedent)) _count--;
        Emit(TokenKind.Error, errorAt, Math.Max(errorAt, lineEnd));
        Emit(TokenKind.Newline, lineEnd, next);
        _pos = next;
        _resumedAt = next;
        _parenDepth = 0;
        _frameCount = 0;
        _atLineStart = true;
        return true;
    }

    /// <summary>Produces the next token(s). False at end of input or on error.</summary>
    bool Step()
    {
        if (_frameCount > 0)
        {
            var mode = _frames[_frameCount - 1].Mode;
            if (mode != FMode.Expr) return LexFStringLiteral();
        }
        if (_atLineStart && _parenDepth == 0)
        {
            if (!HandleIndentation()) return false;
            if (_pos >= _len) return false;
        }
        string s = _s;
        // whitespace, comments, explicit line joining
        while (_pos < _len)
        {
            char c = s[_pos];
            if (c == ' ' || c == '\t' || c == '\f') { _pos++; continue; }
            if (c == '#')
            {
                while (_pos < _len && s[_pos] != '\n' && s[_pos] != '\r') _pos++;
                continue;
            }
            if (c == '\\')
            {
                int p = _pos + 1;
                if (p < _len && s[p] == '\n') { _pos = p + 1; continue; }
                if (p < _len && s[p] == '\r') { _pos = p + 1 < _len && s[p + 1] == '\n' ? p + 2 : p + 1; continue; }
                if (p >= _len) return Fail("unexpected EOF while parsing", _pos, _pos + 1);
                return Fail("unexpected character after line continuation character", _pos + 1, _pos + 2);
            }
            break;
        }
        if (_pos >= _len) return false;
        int start = _pos;
        char ch = s[start];
        if (ch == '\n' || ch == '\r')
        {
            _pos = ch == '\r' && start + 1 < _len && s[start + 1] == '\n' ? start + 2 : start + 1;
            if (_parenDepth == 0)
            {
                Emit(TokenKind.Newline, start, _pos);
                _atLineStart = true;
            }
            return true;
        }
        if (ch < 128)
        {
            if ((uint)((ch | 0x20) - 'a') <= 'z' - 'a' || ch == '_') return LexName(start);
            if ((uint)(ch - '0') <= 9) return LexNumber(start);
            if (ch == '.' && start + 1 < _len && (uint)(s[start + 1] - '0') <= 9) return LexNumber(start);
            if (ch == '"' || ch == '\'') return LexString(start, start, false, false, false);
            return LexOperator(start, ch);
        }
        return LexName(start);
    }

    // ───────────── indentation ─────────────

    bool HandleIndentation()
    {
        string s = _s;
        while (true)
        {
            int col = 0, alt = 0, p = _pos;
            while (p < _len)
            {
                char c = s[p];
                if (c == ' ') { col++; alt++; }
                else if (c == '\t') { col = (col / 8 + 1) * 8; alt++; }
                else if (c == '\f') { col = alt = 0; }
                else break;
                p++;
            }
            if (p >= _len) { _pos = p; _atLineStart = false; return true; }
            char ch = s[p];
            if (ch == '#' || ch == '\n' || ch == '\r')
            {
                // blank or comment-only line: no NEWLINE/INDENT
                while (p < _len && s[p] != '\n' && s[p] != '\r') p++;
                if (p >= _len) { _pos = p; _atLineStart = false; return true; }
                p = s[p] == '\r' && p + 1 < _len && s[p + 1] == '\n' ? p + 2 : p + 1;
                _pos = p;
                continue;
            }
            if (ch == '\\')
            {
                // a continuation line starting with a backslash: CPython treats the indentation normally
            }
            _pos = p;
            _atLineStart = false;
            int top = _indents[_indentTop];
            if (col == top)
            {
                if (alt != _altIndents[_indentTop]) return Complain("inconsistent use of tabs and spaces in indentation", LineStartOf(p), p);
            }
            else if (col > top)
            {
                if (_indentTop + 1 >= MaxIndent) return Fail("too many levels of indentation", p, p);
                if (alt <= _altIndents[_indentTop] && !Complain("inconsistent use of tabs and spaces in indentation", LineStartOf(p), p)) return false;
                _indentTop++;
                _indents[_indentTop] = col;
                _altIndents[_indentTop] = alt;
                Emit(TokenKind.Indent, p - (p - LineStartOf(p)), p);
            }
            else
            {
                while (_indentTop > 0 && col < _indents[_indentTop])
                {
                    _indentTop--;
                    Emit(TokenKind.Dedent, p, p);
                }
                if (col != _indents[_indentTop])
                {
                    int e = p;
                    while (e < _len && s[e] != '\n' && s[e] != '\r') e++;
                    // recovering, the line counts as being at the enclosing level it fell back to
                    return Complain("unindent does not match any outer indentation level", e, e);
                }
                if (alt != _altIndents[_indentTop]) return Complain("inconsistent use of tabs and spaces in indentation", LineStartOf(p), p);
            }
            return true;
        }
    }

    int LineStartOf(int p)
    {
        while (p > 0 && _s[p - 1] != '\n' && _s[p - 1] != '\r') p--;
        return p;
    }

    // ───────────── names ─────────────

    bool LexName(int start)
    {
        string s = _s;
        int p = start;
        bool ascii = true;
        while (p < _len)
        {
            char c = s[p];
            if (c < 128)
            {
                if ((uint)((c | 0x20) - 'a') <= 'z' - 'a' || c == '_' || (uint)(c - '0') <= 9) { p++; continue; }
                break;
            }
            var status = Rune.DecodeFromUtf16(s.AsSpan(p), out Rune r, out int n);
            if (status != System.Buffers.OperationStatus.Done) break;
            if (p == start ? !IsIdStart(r) : !IsIdContinue(r)) break;
            ascii = false;
            p += n;
        }
        if (p == start)
        {
            // not an identifier character at all
            Rune.DecodeFromUtf16(s.AsSpan(start), out Rune bad, out int bn);
            if (bn == 0) bn = 1;
            string msg = IsPrintable(bad)
                ? $"invalid character '{bad}' (U+{bad.Value:X4})"
                : $"invalid non-printable character U+{bad.Value:X4}";
            return Fail(msg, start, start + bn);
        }
        _pos = p;
        int len = p - start;
        if (p < _len && len <= 2 && (s[p] == '"' || s[p] == '\''))
        {
            if (TryStringPrefix(s.AsSpan(start, len), out bool raw, out bool bytes, out bool f, out bool t))
                return LexString(start, p, raw, f, t, bytes);
        }
        if (ascii)
        {
            Emit(len <= 8 ? Keywords.Classify(s.AsSpan(start, len)) : TokenKind.Name, start, p);
        }
        else
        {
            Emit(TokenKind.Name, start, p);
        }
        return true;
    }

    static bool TryStringPrefix(ReadOnlySpan<char> p, out bool raw, out bool bytes, out bool f, out bool t)
    {
        raw = bytes = f = t = false;
        bool u = false;
        foreach (char c0 in p)
        {
            char c = (char)(c0 | 0x20);
            if (c == 'r') { if (raw) return false; raw = true; }
            else if (c == 'b') { if (bytes) return false; bytes = true; }
            else if (c == 'f') { if (f) return false; f = true; }
            else if (c == 't') { if (t) return false; t = true; }
            else if (c == 'u') { if (u) return false; u = true; }
            else return false;
        }
        int kinds = (bytes ? 1 : 0) + (f ? 1 : 0) + (t ? 1 : 0) + (u ? 1 : 0);
        if (kinds > 1) return false;
        if (u && raw) return false;
        return true;
    }

    internal static bool IsIdStart(Rune r) => UnicodeTables.IsIdStart(r.Value);
    internal static bool IsIdContinue(Rune r) => UnicodeTables.IsIdContinue(r.Value);
    internal static bool IsPrintable(Rune r) => UnicodeTables.IsPrintable(r.Value);

    // ───────────── numbers ─────────────

    bool LexNumber(int start)
    {
        string s = _s;
        int p = start;
        char c = s[p];
        if (c == '0' && p + 1 < _len && (s[p + 1] | 0x20) is 'x' or 'o' or 'b')
        {
            char kind = (char)(s[p + 1] | 0x20);
            p += 2;
            int digits = 0;
            while (p < _len)
            {
                char d = s[p];
                if (d == '_')
                {
                    p++;
                    if (p >= _len || !IsRadixDigit(s[p], kind))
                    {
                        if (p < _len && kind != 'x' && char.IsAsciiDigit(s[p]))
                            return Fail($"invalid digit '{s[p]}' in {RadixName(kind)} literal", p, p + 1);
                        return Fail($"invalid {RadixName(kind)} literal", p - 1, p);
                    }
                    continue;
                }
                if (IsRadixDigit(d, kind)) { digits++; p++; continue; }
                if (kind != 'x' && char.IsAsciiDigit(d)) return Fail($"invalid digit '{d}' in {RadixName(kind)} literal", p, p + 1);
                break;
            }
            if (digits == 0) return Fail($"invalid {RadixName(kind)} literal", p - 1, p);
            return FinishNumber(start, p, RadixName(kind));
        }
        if (c != '.')
        {
            bool leadingZero = c == '0';
            bool nonZero = false;
            if (!ScanDigits(ref p, start)) return false;
            for (int i = start; i < p; i++) if (s[i] != '0' && s[i] != '_') { nonZero = true; break; }
            if (p < _len && s[p] == '.') { p++; if (p < _len && char.IsAsciiDigit(s[p]) && !ScanDigits(ref p, start)) return false; }
            else if (leadingZero && nonZero && !(p < _len && (s[p] | 0x20) is 'e' or 'j'))
                return Fail("leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers", start, p);
        }
        else
        {
            p++;
            if (!ScanDigits(ref p, start)) return false;
        }
        if (p < _len && (s[p] | 0x20) == 'e')
        {
            int save = p;
            p++;
            if (p < _len && (s[p] == '+' || s[p] == '-')) p++;
            if (p < _len && char.IsAsciiDigit(s[p]))
            {
                if (!ScanDigits(ref p, start)) return false;
            }
            else
            {
                if (p > save + 1) return Fail("invalid decimal literal", p - 1, p);
                p = save;  // e.g. `1else`: the number ends before the keyword
                return FinishNumber(start, p, "decimal");
            }
        }
        if (p < _len && (s[p] | 0x20) == 'j') { p++; return FinishNumber(start, p, "imaginary"); }
        return FinishNumber(start, p, "decimal");
    }

    static string RadixName(char k) => k == 'x' ? "hexadecimal" : k == 'o' ? "octal" : "binary";

    static bool IsRadixDigit(char d, char kind) => kind switch
    {
        'x' => char.IsAsciiHexDigit(d),
        'o' => d >= '0' && d <= '7',
        _ => d == '0' || d == '1',
    };

    bool ScanDigits(ref int p, int start)
    {
        string s = _s;
        while (p < _len)
        {
            char d = s[p];
            if ((uint)(d - '0') <= 9) { p++; continue; }
            if (d == '_')
            {
                if (p + 1 < _len && (uint)(s[p + 1] - '0') <= 9) { p++; continue; }
                return Fail("invalid decimal literal", p, p + 1);
            }
            break;
        }
        return true;
    }

    bool FinishNumber(int start, int p, string kind)
    {
        // CPython's verify_end_of_number: a letter may only follow when it starts a keyword that can follow
        if (p < _len)
        {
            char c = _s[p];
            if (c >= 128 || char.IsAsciiLetter(c) || c == '_')
            {
                var rest = _s.AsSpan(p);
                bool ok = rest.StartsWith("and") || rest.StartsWith("else") || rest.StartsWith("for") || rest.StartsWith("if")
                    || rest.StartsWith("in") || rest.StartsWith("is") || rest.StartsWith("not") || rest.StartsWith("or");
                if (!ok || c >= 128)
                {
                    int e = p;
                    while (e < _len && (char.IsAsciiLetterOrDigit(_s[e]) || _s[e] == '_')) e++;
                    return Fail($"invalid {kind} literal", p - 1, e);
                }
            }
        }
        _pos = p;
        Emit(TokenKind.Number, start, p);
        return true;
    }

    // ───────────── strings ─────────────

    bool LexString(int start, int quotePos, bool raw, bool f, bool t, bool bytes = false)
    {
        string s = _s;
        char q = s[quotePos];
        bool triple = quotePos + 2 < _len && s[quotePos + 1] == q && s[quotePos + 2] == q;
        int p = quotePos + (triple ? 3 : 1);
        if (f || t)
        {
            if (_frameCount >= MaxFStringLevel) return Fail("too many nested f-strings", start, p);
            if (_frameCount == _frames.Length) Array.Resize(ref _frames, _frames.Length * 2);
            _frames[_frameCount++] = new FFrame { Mode = FMode.Literal, Quote = q, Triple = triple, Raw = raw };
            Emit(TokenKind.FStringStart, start, p);
            _pos = p;
            return true;
        }
        while (true)
        {
            if (p >= _len)
            {
                return Fail(triple
                    ? "unterminated triple-quoted string literal (detected at line " + LastLine() + ")"
                    : "unterminated string literal (detected at line " + LineAt(start) + ")", start, start + 1);
            }
            char c = s[p];
            if (c == '\\')
            {
                p++;
                if (p < _len && s[p] == '\r' && p + 1 < _len && s[p + 1] == '\n') p += 2;
                else if (p < _len) p++;
                continue;
            }
            if (c == q)
            {
                if (!triple) { p++; break; }
                if (p + 2 < _len && s[p + 1] == q && s[p + 2] == q) { p += 3; break; }
                p++;
                continue;
            }
            if ((c == '\n' || c == '\r') && !triple)
                return Fail("unterminated string literal (detected at line " + LineAt(start) + ")", start, start + 1);
            p++;
        }
        _pos = p;
        Emit(TokenKind.String, start, p);
        return true;
    }

    bool LexFStringLiteral()
    {
        ref FFrame fr = ref _frames[_frameCount - 1];
        string s = _s;
        int start = _pos, p = _pos;
        char q = fr.Quote;
        while (true)
        {
            if (p >= _len)
            {
                int st = StartOfFString();
                return Fail(fr.Triple
                    ? "unterminated triple-quoted f-string literal (detected at line " + LastLine() + ")"
                    : "unterminated f-string literal (detected at line " + LineAt(st) + ")", st, st + 1);
            }
            char c = s[p];
            if (c == q && (!fr.Triple || (p + 2 < _len && s[p + 1] == q && s[p + 2] == q)))
            {
                if (fr.Mode == FMode.Spec) return Fail("f-string: expecting '}'", p, p + 1);
                if (p > start) Emit(TokenKind.FStringMiddle, start, p);
                int e = p + (fr.Triple ? 3 : 1);
                Emit(TokenKind.FStringEnd, p, e);
                _frameCount--;
                _pos = e;
                return true;
            }
            if ((c == '\n' || c == '\r') && !fr.Triple)
            {
                if (fr.Mode == FMode.Spec)
                    return Fail("f-string: newlines are not allowed in format specifiers for single quoted f-strings", p, p + 1);
                int st = StartOfFString();
                return Fail("unterminated f-string literal (detected at line " + LineAt(st) + ")", st, st + 1);
            }
            if (c == '\\')
            {
                if (!fr.Raw && p + 2 < _len && s[p + 1] == 'N' && s[p + 2] == '{')
                {
                    p += 3;
                    while (p < _len && s[p] != '}' && s[p] != q && s[p] != '\n') p++;
                    if (p < _len && s[p] == '}') p++;
                    continue;
                }
                if (p + 1 < _len && (s[p + 1] == '{' || s[p + 1] == '}')) { p++; continue; }
                p += 2;
                if (p - 1 < _len && s[p - 1] == '\r' && p < _len && s[p] == '\n') p++;
                continue;
            }
            if (c == '{')
            {
                if (fr.Mode == FMode.Literal && p + 1 < _len && s[p + 1] == '{') { p += 2; continue; }
                if (p > start) Emit(TokenKind.FStringMiddle, start, p);
                if (!PushParen('{', p)) return false;
                Emit(TokenKind.LBrace, p, p + 1);
                if (_frameCount == _frames.Length) Array.Resize(ref _frames, _frames.Length * 2);
                var outer = _frames[_frameCount - 1];
                _frames[_frameCount++] = new FFrame { Mode = FMode.Expr, Quote = outer.Quote, Triple = outer.Triple, Raw = outer.Raw, ParenDepth = _parenDepth };
                _pos = p + 1;
                return true;
            }
            if (c == '}')
            {
                if (fr.Mode == FMode.Literal)
                {
                    if (p + 1 < _len && s[p + 1] == '}') { p += 2; continue; }
                    return Fail("f-string: single '}' is not allowed", p, p + 1);
                }
                if (p > start) Emit(TokenKind.FStringMiddle, start, p);
                Emit(TokenKind.RBrace, p, p + 1);
                _parenDepth--;
                _frameCount--;
                _pos = p + 1;
                return true;
            }
            p++;
        }
    }

    int StartOfFString()
    {
        for (int i = _count - 1; i >= 0; i--) if (_toks[i].Kind == TokenKind.FStringStart) return _toks[i].Start;
        return _pos;
    }

    bool PushParen(char c, int pos)
    {
        if (_parenDepth >= MaxParenLevel) return Fail("too many nested parentheses", pos, pos + 1);
        if (_parenDepth == _parenChar.Length)
        {
            Array.Resize(ref _parenChar, _parenDepth * 2);
            Array.Resize(ref _parenPos, _parenDepth * 2);
        }
        _parenChar[_parenDepth] = c;
        _parenPos[_parenDepth] = pos;
        _parenDepth++;
        return true;
    }

    bool PopParen(char close, int pos)
    {
        if (_parenDepth == 0) return Fail($"unmatched '{close}'", pos, pos + 1);
        char open = _parenChar[_parenDepth - 1];
        char expected = open == '(' ? ')' : open == '[' ? ']' : '}';
        if (close != expected)
        {
            int openPos = _parenPos[_parenDepth - 1];
            if (_frameCount > 0 && _frames[_frameCount - 1].Mode == FMode.Expr && _frames[_frameCount - 1].ParenDepth == _parenDepth)
                return Fail($"f-string: unmatched '{close}'", pos, pos + 1);
            int l1 = LineAt(openPos), l2 = LineAt(pos);
            return Fail(l1 != l2
                ? $"closing parenthesis '{close}' does not match opening parenthesis '{open}' on line {l1}"
                : $"closing parenthesis '{close}' does not match opening parenthesis '{open}'", pos, pos + 1);
        }
        _parenDepth--;
        return true;
    }

    // ───────────── operators ─────────────

    bool LexOperator(int start, char c)
    {
        string s = _s;
        char c1 = start + 1 < _len ? s[start + 1] : '\0';
        char c2 = start + 2 < _len ? s[start + 2] : '\0';
        TokenKind k;
        int n = 1;
        // f-string replacement-field delimiters at the field's own bracket level
        if (_frameCount > 0)
        {
            ref FFrame fr = ref _frames[_frameCount - 1];
            if (fr.Mode == FMode.Expr && _parenDepth == fr.ParenDepth)
            {
                if (c == '}')
                {
                    _parenDepth--;
                    _frameCount--;
                    Emit(TokenKind.RBrace, start, start + 1);
                    _pos = start + 1;
                    return true;
                }
                if (c == ':')
                {
                    fr.Mode = FMode.Spec;
                    Emit(TokenKind.Colon, start, start + 1);
                    _pos = start + 1;
                    return true;
                }
            }
        }
        switch (c)
        {
            case '(': if (!PushParen('(', start)) return false; k = TokenKind.LPar; break;
            case '[': if (!PushParen('[', start)) return false; k = TokenKind.LSqb; break;
            case '{': if (!PushParen('{', start)) return false; k = TokenKind.LBrace; break;
            case ')': if (!PopParen(')', start)) return false; k = TokenKind.RPar; break;
            case ']': if (!PopParen(']', start)) return false; k = TokenKind.RSqb; break;
            case '}': if (!PopParen('}', start)) return false; k = TokenKind.RBrace; break;
            case ':': if (c1 == '=') { k = TokenKind.ColonEqual; n = 2; } else k = TokenKind.Colon; break;
            case ',': k = TokenKind.Comma; break;
            case ';': k = TokenKind.Semi; break;
            case '+': if (c1 == '=') { k = TokenKind.PlusEqual; n = 2; } else k = TokenKind.Plus; break;
            case '-':
                if (c1 == '=') { k = TokenKind.MinEqual; n = 2; }
                else if (c1 == '>') { k = TokenKind.RArrow; n = 2; }
                else k = TokenKind.Minus;
                break;
            case '*':
                if (c1 == '*') { if (c2 == '=') { k = TokenKind.DoubleStarEqual; n = 3; } else { k = TokenKind.DoubleStar; n = 2; } }
                else if (c1 == '=') { k = TokenKind.StarEqual; n = 2; }
                else k = TokenKind.Star;
                break;
            case '/':
                if (c1 == '/') { if (c2 == '=') { k = TokenKind.DoubleSlashEqual; n = 3; } else { k = TokenKind.DoubleSlash; n = 2; } }
                else if (c1 == '=') { k = TokenKind.SlashEqual; n = 2; }
                else k = TokenKind.Slash;
                break;
            case '|': if (c1 == '=') { k = TokenKind.VBarEqual; n = 2; } else k = TokenKind.VBar; break;
            case '&': if (c1 == '=') { k = TokenKind.AmperEqual; n = 2; } else k = TokenKind.Amper; break;
            case '^': if (c1 == '=') { k = TokenKind.CircumflexEqual; n = 2; } else k = TokenKind.Circumflex; break;
            case '%': if (c1 == '=') { k = TokenKind.PercentEqual; n = 2; } else k = TokenKind.Percent; break;
            case '@': if (c1 == '=') { k = TokenKind.AtEqual; n = 2; } else k = TokenKind.At; break;
            case '~': k = TokenKind.Tilde; break;
            case '=': if (c1 == '=') { k = TokenKind.EqEqual; n = 2; } else k = TokenKind.Equal; break;
            case '!': if (c1 == '=') { k = TokenKind.NotEqual; n = 2; } else k = TokenKind.Exclamation; break;
            case '<':
                if (c1 == '<') { if (c2 == '=') { k = TokenKind.LeftShiftEqual; n = 3; } else { k = TokenKind.LeftShift; n = 2; } }
                else if (c1 == '=') { k = TokenKind.LessEqual; n = 2; }
                else if (c1 == '>') { k = TokenKind.NotEqual; n = 2; }  // Barry-as-FLUFL form; parser rejects it
                else k = TokenKind.Less;
                break;
            case '>':
                if (c1 == '>') { if (c2 == '=') { k = TokenKind.RightShiftEqual; n = 3; } else { k = TokenKind.RightShift; n = 2; } }
                else if (c1 == '=') { k = TokenKind.GreaterEqual; n = 2; }
                else k = TokenKind.Greater;
                break;
            case '.':
                if (c1 == '.' && c2 == '.') { k = TokenKind.Ellipsis; n = 3; }
                else k = TokenKind.Dot;
                break;
            default:
                if (c == '\0') return Fail("source code cannot contain null bytes", start, start + 1);
                if (c < ' ' || c == 127) return Fail($"invalid non-printable character U+{(int)c:X4}", start, start + 1);
                return Fail("invalid syntax", start, start + 1);
        }
        _pos = start + n;
        Emit(k, start, start + n);
        return true;
    }
}
