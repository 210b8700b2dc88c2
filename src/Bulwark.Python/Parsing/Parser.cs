using System.Runtime.CompilerServices;
using System.Text;
using Bulwark.Python.Syntax;

namespace Bulwark.Python.Parsing;

/// <summary>Thrown inside the parser to abandon the current statement; caught at statement level for recovery.</summary>
internal sealed class ParseError(string message, int start, int end) : Exception(message)
{
    public int Start { get; } = start;
    public int End { get; } = end;
}

/// <summary>
/// Recursive-descent parser for CPython 3.14's grammar (PEG semantics reproduced with bounded look-ahead and a few
/// speculative parses). Node spans follow CPython: a node starts at the first token of its production and ends at the
/// last token consumed.
/// </summary>
internal sealed partial class Parser
{
    const int MaxNesting = 1000;
    const int MaxAstDepth = 5000;

    readonly string _s;
    readonly Token[] _t;
    readonly int _n;
    int _p;
    int _depth;
    readonly NameTable _names;
    readonly List<SyntaxDiagnostic> _errors = new();
    readonly List<Expr> _scratch = new();
    readonly StringBuilder _sb = new();

    public Parser(string source, Token[] tokens, int count)
    {
        _s = source;
        _t = tokens;
        _n = count;
        // The identifier table is the thread's, reused from file to file: a name common to many files (`self`, `os`)
        // is one string, and the table is not rebuilt for every file. It is emptied once it is large: kept small (a few hundred KB),
        // its probes stay in the cache.
        t_names ??= new NameTable();
        if (t_names.Count > MaxSharedNames) t_names.Clear();
        _names = t_names;
    }

    const int MaxSharedNames = 8192;
    [ThreadStatic] static NameTable? t_names;

    public List<SyntaxDiagnostic> Errors => _errors;

    // ───────────── token helpers ─────────────

    TokenKind K
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => _t[_p].Kind;
    }

    ref Token Cur => ref _t[_p];
    TokenKind PeekKind(int n) => _t[Math.Min(_p + n, _n - 1)].Kind;
    int PrevEnd => _p > 0 ? _t[_p - 1].End : 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    void Next() { if (_p < _n - 1) _p++; }

    bool Eat(TokenKind k)
    {
        if (_t[_p].Kind == k) { Next(); return true; }
        return false;
    }

    void Expect(TokenKind k, string text)
    {
        if (_t[_p].Kind == k) { Next(); return; }
        throw Fail($"expected '{text}'");
    }

    ReadOnlySpan<char> TokText(in Token t) => _s.AsSpan(t.Start, t.End - t.Start);
    bool IsName(string text) => K == TokenKind.Name && TokText(Cur).SequenceEqual(text);
    bool IsNameAt(int i, string text) => i < _n && _t[i].Kind == TokenKind.Name && TokText(_t[i]).SequenceEqual(text);

    ParseError Fail(string message) => Fail(message, Cur.Start, Cur.End);

    ParseError Fail(string message, int start, int end) => new(message, start, end);

    ParseError InvalidSyntax()
    {
        ref Token t = ref Cur;
        if (t.Kind == TokenKind.Indent) return Fail("unexpected indent", Math.Max(t.Start, t.End - 1), t.End);
        if (t.Kind == TokenKind.Dedent) return Fail("unindent does not match any outer indentation level", t.Start, t.End);
        return Fail("invalid syntax", t.Start, t.End);
    }

    void Enter()
    {
        if (++_depth > MaxNesting || ((_depth & 15) == 0 && !RuntimeHelpers.TryEnsureSufficientExecutionStack()))
            throw Fail("too many nested parentheses");
    }

    void Leave() => _depth--;

    static T At<T>(T node, int start, int end) where T : Node
    {
        node.Start = start;
        node.End = end;
        return node;
    }

    T Span<T>(T node, int start) where T : Node
    {
        node.Start = start;
        node.End = PrevEnd;
        return node;
    }

    string NameText(in Token t)
    {
        var span = _s.AsSpan(t.Start, t.End - t.Start);
        foreach (char c in span)
        {
            if (c >= 128)
            {
                string raw = UnicodeTables.NormalizeIdentifier(span);
                return _names.Intern(raw, raw);
            }
        }
        return _names.Intern(span);
    }

    string ExpectName()
    {
        if (K != TokenKind.Name) throw K == TokenKind.EndOfFile || K == TokenKind.Newline ? InvalidSyntax() : Fail("invalid syntax");
        string s = NameText(Cur);
        Next();
        return s;
    }

    // Children are gathered in lists reused from node to node (the thread's, so from file to file too), and a node keeps
    // an array of the exact size: a fresh list per node cost the list object and a growing array with slack, ~2x the
    // bytes of the tree's child lists. A list rented while a statement throws a ParseError is left to the collector.
    static class Pool<T>
    {
        [ThreadStatic] public static Stack<List<T>>? Free;
    }

    /// <summary>Lists longer than this are not kept for reuse (a 100,000-statement module would pin its list).</summary>
    const int MaxPooledCapacity = 4096;

    static List<T> Rent<T>()
    {
        var free = Pool<T>.Free;
        return free is { Count: > 0 } ? free.Pop() : new List<T>();
    }

    static List<T> Rent<T>(T first)
    {
        var list = Rent<T>();
        list.Add(first);
        return list;
    }

    /// <summary>The list's items as an exact-size array; the list goes back to the pool.</summary>
    static T[] Seal<T>(List<T> list)
    {
        var items = list.Count == 0 ? Array.Empty<T>() : list.ToArray();
        list.Clear();
        if (list.Capacity <= MaxPooledCapacity) (Pool<T>.Free ??= new()).Push(list);
        return items;
    }

    static readonly Stmt[] NoStmts = [];
    static readonly Expr[] NoExprs = [];

    // ───────────── module and blocks ─────────────

    public Module ParseModule()
    {
        var body = Rent<Stmt>();
        while (K != TokenKind.EndOfFile)
        {
            if (K == TokenKind.Newline) { Next(); continue; }
            ParseStatementRecovering(body);
        }
        var m = new Module(Seal(body), Array.Empty<TypeIgnore>()) { Start = 0, End = _s.Length };
        return m;
    }

    void ParseStatementRecovering(List<Stmt> into)
    {
        int start = _p;
        try
        {
            if (K == TokenKind.Indent) throw Fail("unexpected indent", Math.Max(Cur.Start, Cur.End - 1), Cur.End);
            ParseStatement(into);
        }
        catch (ParseError e)
        {
            _errors.Add(new SyntaxDiagnostic(e.Message, e.Start, e.End));
            _depth = 0;
            Recover(start);
        }
    }

    /// <summary>Skips the rest of the logical line and any block indented under it.</summary>
    void Recover(int start)
    {
        if (_p == start && K != TokenKind.EndOfFile && K != TokenKind.Dedent) Next();
        while (K != TokenKind.EndOfFile && K != TokenKind.Newline)
        {
            if (K == TokenKind.Dedent && _p > start) return;
            Next();
        }
        Eat(TokenKind.Newline);
        if (K == TokenKind.Indent)
        {
            int level = 0;
            do
            {
                if (K == TokenKind.Indent) level++;
                else if (K == TokenKind.Dedent) level--;
                Next();
            } while (level > 0 && K != TokenKind.EndOfFile);
        }
    }

    /// <summary>block: NEWLINE INDENT statements DEDENT | simple_stmts.</summary>
    Stmt[] ParseBlock(string what, int headerStart)
    {
        var body = Rent<Stmt>();
        if (K == TokenKind.Newline)
        {
            Next();
            if (K != TokenKind.Indent)
                throw Fail($"expected an indented block after {what} on line {LineOf(headerStart)}", Cur.Start, Cur.End);
            Next();
            while (K != TokenKind.Dedent && K != TokenKind.EndOfFile)
            {
                if (K == TokenKind.Newline) { Next(); continue; }
                ParseStatementRecovering(body);
            }
            Eat(TokenKind.Dedent);
        }
        else
        {
            if (K == TokenKind.EndOfFile) throw InvalidSyntax();
            ParseSimpleStatements(body);
        }
        return Seal(body);
    }

    int LineOf(int offset)
    {
        int line = 1;
        for (int i = 0; i < offset && i < _s.Length; i++)
        {
            char c = _s[i];
            if (c == '\n') line++;
            else if (c == '\r') { if (i + 1 < _s.Length && _s[i + 1] == '\n') i++; line++; }
        }
        return line;
    }

    /// <summary>CPython ends a compound statement at its last non-whitespace token (a trailing ';' counts).</summary>
    int LastRealEnd()
    {
        int i = _p - 1;
        while (i > 0 && _t[i].Kind is TokenKind.Newline or TokenKind.Indent or TokenKind.Dedent) i--;
        return i >= 0 ? _t[i].End : 0;
    }

    // ───────────── statements ─────────────

    void ParseStatement(List<Stmt> into)
    {
        switch (K)
        {
            case TokenKind.Def: into.Add(ParseFunctionDef(NoExprs, Cur.Start, false)); return;
            case TokenKind.Class: into.Add(ParseClassDef(NoExprs)); return;
            case TokenKind.At: into.Add(ParseDecorated()); return;
            case TokenKind.If: into.Add(ParseIf()); return;
            case TokenKind.While: into.Add(ParseWhile()); return;
            case TokenKind.For: into.Add(ParseFor(Cur.Start, false)); return;
            case TokenKind.Try: into.Add(ParseTry()); return;
            case TokenKind.With: into.Add(ParseWith(Cur.Start, false)); return;
            case TokenKind.Async:
            {
                int start = Cur.Start;
                var k = PeekKind(1);
                if (k == TokenKind.Def) { Next(); into.Add(ParseFunctionDef(NoExprs, start, true)); return; }
                if (k == TokenKind.For) { Next(); into.Add(ParseFor(start, true)); return; }
                if (k == TokenKind.With) { Next(); into.Add(ParseWith(start, true)); return; }
                throw InvalidSyntax();
            }
            case TokenKind.Name:
                if (IsName("match") && LooksLikeExpressionStart(PeekKind(1)))
                {
                    var m = TryParseMatch();
                    if (m is not null) { into.Add(m); return; }
                }
                break;
        }
        ParseSimpleStatements(into);
    }

    static bool LooksLikeExpressionStart(TokenKind k) => k switch
    {
        TokenKind.Name or TokenKind.Number or TokenKind.String or TokenKind.FStringStart or TokenKind.LPar or TokenKind.LSqb
            or TokenKind.LBrace or TokenKind.Minus or TokenKind.Plus or TokenKind.Tilde or TokenKind.Star or TokenKind.Not
            or TokenKind.Await or TokenKind.Lambda or TokenKind.True or TokenKind.False or TokenKind.None or TokenKind.Ellipsis => true,
        _ => false,
    };

    void ParseSimpleStatements(List<Stmt> into)
    {
        while (true)
        {
            int startTok = _p;
            var st = ParseSimpleStatement();
            if (_p - startTok > 2000) CheckAstDepth(st);
            into.Add(st);
            if (K == TokenKind.Semi)
            {
                Next();
                if (K == TokenKind.Newline) { Next(); return; }
                continue;
            }
            if (K == TokenKind.Newline) { Next(); return; }
            if (K == TokenKind.EndOfFile) return;
            throw InvalidSyntax();
        }
    }

    Stmt ParseSimpleStatement()
    {
        int start = Cur.Start;
        switch (K)
        {
            case TokenKind.Pass: Next(); return Span(new Pass(), start);
            case TokenKind.Break: Next(); return Span(new Break(), start);
            case TokenKind.Continue: Next(); return Span(new Continue(), start);
            case TokenKind.Return:
            {
                Next();
                Expr? v = AtSimpleEnd() ? null : ParseStarExpressions();
                return Span(new Return(v), start);
            }
            case TokenKind.Raise:
            {
                Next();
                Expr? exc = null, cause = null;
                if (!AtSimpleEnd())
                {
                    exc = ParseExpression();
                    if (Eat(TokenKind.From)) cause = ParseExpression();
                }
                return Span(new Raise(exc, cause), start);
            }
            case TokenKind.Global:
            case TokenKind.Nonlocal:
            {
                bool global = K == TokenKind.Global;
                Next();
                var names = new List<string> { ExpectName() };
                while (Eat(TokenKind.Comma)) names.Add(ExpectName());
                return global ? Span(new Global(names), start) : Span(new Nonlocal(names), start);
            }
            case TokenKind.Del:
            {
                Next();
                var targets = Rent<Expr>();
                do
                {
                    if (AtSimpleEnd()) break;
                    if (K == TokenKind.Star) throw Fail("cannot delete starred");
                    var t = ParseBitOrTarget();
                    SetContext(t, ExprContext.Del);
                    targets.Add(t);
                } while (Eat(TokenKind.Comma));
                if (targets.Count == 0) throw InvalidSyntax();
                return Span(new Delete(Seal(targets)), start);
            }
            case TokenKind.Assert:
            {
                Next();
                var test = ParseExpression();
                Expr? msg = Eat(TokenKind.Comma) ? ParseExpression() : null;
                return Span(new Assert(test, msg), start);
            }
            case TokenKind.Import: return ParseImport();
            case TokenKind.From: return ParseFromImport();
            case TokenKind.Name:
                if (IsName("type") && PeekKind(1) == TokenKind.Name && PeekKind(2) is TokenKind.Equal or TokenKind.LSqb)
                    return ParseTypeAlias();
                break;
        }
        return ParseExpressionOrAssignment();
    }

    bool AtSimpleEnd() => K is TokenKind.Newline or TokenKind.Semi or TokenKind.EndOfFile;

    Stmt ParseTypeAlias()
    {
        int start = Cur.Start;
        Next();
        var nameTok = Cur;
        var name = At(new Name(ExpectName(), ExprContext.Store), nameTok.Start, nameTok.End);
        var tps = K == TokenKind.LSqb ? ParseTypeParams() : (IReadOnlyList<TypeParam>)Array.Empty<TypeParam>();
        Expect(TokenKind.Equal, "=");
        var value = ParseExpression();
        return Span(new TypeAlias(name, tps, value), start);
    }

    Stmt ParseExpressionOrAssignment()
    {
        int start = Cur.Start;
        var startKind = K;
        Expr first = K == TokenKind.Yield ? ParseYieldExpr() : ParseStarExpressions();
        switch (K)
        {
            case TokenKind.Equal:
            {
                var targets = Rent<Expr>();
                Expr value = first;
                while (Eat(TokenKind.Equal))
                {
                    if (value is not (Name or AttributeExpr or Subscript or TupleExpr or ListExpr or Starred
                        or Constant { ValueKind: ConstantKind.True or ConstantKind.False or ConstantKind.None }))
                        throw Fail($"cannot assign to {Describe(value)} here. Maybe you meant '==' instead of '='?", value.Start, value.End);
                    SetContext(value, ExprContext.Store);
                    targets.Add(value);
                    value = K == TokenKind.Yield ? ParseYieldExpr() : ParseStarExpressions();
                }
                return Span(new Assign(Seal(targets), value, null), start);
            }
            case TokenKind.Colon:
            {
                if (first is TupleExpr && startKind != TokenKind.LPar) throw Fail("only single target (not tuple) can be annotated", first.Start, first.End);
                if (first is TupleExpr) throw Fail("only single target (not tuple) can be annotated", first.Start, first.End);
                if (first is ListExpr) throw Fail("only single target (not list) can be annotated", first.Start, first.End);
                if (first is not (Name or AttributeExpr or Subscript)) throw Fail("illegal target for annotation", first.Start, first.End);
                Next();
                SetContext(first, ExprContext.Store);
                var ann = ParseExpression();
                Expr? value = null;
                if (Eat(TokenKind.Equal)) value = K == TokenKind.Yield ? ParseYieldExpr() : ParseStarExpressions();
                bool simple = first is Name && startKind == TokenKind.Name;
                return Span(new AnnAssign(first, ann, value, simple), start);
            }
        }
        var aug = AugOp(K);
        if (aug is { } op)
        {
            if (first is not (Name or AttributeExpr or Subscript))
                throw Fail($"'{Describe(first)}' is an illegal expression for augmented assignment", first.Start, first.End);
            Next();
            SetContext(first, ExprContext.Store);
            var value = K == TokenKind.Yield ? ParseYieldExpr() : ParseStarExpressions();
            return Span(new AugAssign(first, op, value), start);
        }
        if (first is Starred) throw Fail("can't use starred expression here", first.Start, first.End);
        if (first is Name { Id: "print" or "exec" } legacy && K is TokenKind.String or TokenKind.Name or TokenKind.Number or TokenKind.FStringStart)
            throw Fail($"Missing parentheses in call to '{legacy.Id}'. Did you mean {legacy.Id}(...)?", legacy.Start, PrevEnd);
        return Span(new ExprStmt(first), start);
    }

    static Operator? AugOp(TokenKind k) => k switch
    {
        TokenKind.PlusEqual => Operator.Add,
        TokenKind.MinEqual => Operator.Sub,
        TokenKind.StarEqual => Operator.Mult,
        TokenKind.AtEqual => Operator.MatMult,
        TokenKind.SlashEqual => Operator.Div,
        TokenKind.PercentEqual => Operator.Mod,
        TokenKind.AmperEqual => Operator.BitAnd,
        TokenKind.VBarEqual => Operator.BitOr,
        TokenKind.CircumflexEqual => Operator.BitXor,
        TokenKind.LeftShiftEqual => Operator.LShift,
        TokenKind.RightShiftEqual => Operator.RShift,
        TokenKind.DoubleStarEqual => Operator.Pow,
        TokenKind.DoubleSlashEqual => Operator.FloorDiv,
        _ => null,
    };

    Stmt ParseImport()
    {
        int start = Cur.Start;
        Next();
        var names = Rent<Alias>();
        do
        {
            int aStart = Cur.Start;
            string dotted = ParseDottedName();
            string? asName = null;
            if (Eat(TokenKind.As)) asName = ExpectName();
            names.Add(Span(new Alias(dotted, asName), aStart));
        } while (Eat(TokenKind.Comma));
        return Span(new Import(Seal(names)), start);
    }

    string ParseDottedName()
    {
        string first = ExpectName();
        if (K != TokenKind.Dot) return first;
        _sb.Clear();
        _sb.Append(first);
        while (Eat(TokenKind.Dot))
        {
            _sb.Append('.');
            _sb.Append(ExpectName());
        }
        return _sb.ToString();
    }

    Stmt ParseFromImport()
    {
        int start = Cur.Start;
        Next();
        int level = 0;
        while (true)
        {
            if (Eat(TokenKind.Dot)) level++;
            else if (Eat(TokenKind.Ellipsis)) level += 3;
            else break;
        }
        string? module = null;
        if (K != TokenKind.Import || level == 0) module = ParseDottedName();
        Expect(TokenKind.Import, "import");
        var names = Rent<Alias>();
        if (K == TokenKind.Star)
        {
            var st = Cur;
            Next();
            names.Add(At(new Alias("*", null), st.Start, st.End));
        }
        else
        {
            bool paren = Eat(TokenKind.LPar);
            while (true)
            {
                int aStart = Cur.Start;
                string n = ExpectName();
                string? asName = null;
                if (Eat(TokenKind.As)) asName = ExpectName();
                names.Add(Span(new Alias(n, asName), aStart));
                if (!Eat(TokenKind.Comma)) break;
                if (paren && K == TokenKind.RPar) break;
                if (!paren && AtSimpleEnd()) throw Fail("trailing comma not allowed without surrounding parentheses");
            }
            if (paren) Expect(TokenKind.RPar, ")");
        }
        return Span(new ImportFrom(module, Seal(names), level), start);
    }

    // ───────────── compound statements ─────────────

    Stmt ParseDecorated()
    {
        var list = Rent<Expr>();
        while (K == TokenKind.At)
        {
            Next();
            list.Add(ParseNamedExpression());
            Expect(TokenKind.Newline, "NEWLINE");
        }
        var decorators = Seal(list);
        if (K == TokenKind.Def) return ParseFunctionDef(decorators, Cur.Start, false);
        if (K == TokenKind.Async && PeekKind(1) == TokenKind.Def) { int s = Cur.Start; Next(); return ParseFunctionDef(decorators, s, true); }
        if (K == TokenKind.Class) return ParseClassDef(decorators);
        throw InvalidSyntax();
    }

    Stmt ParseFunctionDef(IReadOnlyList<Expr> decorators, int start, bool isAsync)
    {
        Next(); // def
        string name = ExpectName();
        var tps = K == TokenKind.LSqb ? ParseTypeParams() : (IReadOnlyList<TypeParam>)Array.Empty<TypeParam>();
        if (K != TokenKind.LPar) throw Fail("expected '('");
        Next();
        var args = ParseParameters(TokenKind.RPar, annotations: true);
        Expect(TokenKind.RPar, ")");
        Expr? returns = null;
        if (Eat(TokenKind.RArrow)) returns = ParseExpression();
        Expect(TokenKind.Colon, ":");
        var body = ParseBlock("function definition", start);
        return At(new FunctionDef(isAsync, name, args, body, decorators, returns, null, tps), start, LastRealEnd());
    }

    Stmt ParseClassDef(IReadOnlyList<Expr> decorators)
    {
        int start = Cur.Start;
        Next();
        string name = ExpectName();
        var tps = K == TokenKind.LSqb ? ParseTypeParams() : (IReadOnlyList<TypeParam>)Array.Empty<TypeParam>();
        IReadOnlyList<Expr> bases = NoExprs;
        IReadOnlyList<Keyword> keywords = Array.Empty<Keyword>();
        if (K == TokenKind.LPar)
        {
            int lp = Cur.Start;
            Next();
            ParseCallArguments(lp, out var a, out var kw);
            if (a.Count == 1 && a[0] is GeneratorExp g && g.Start == lp) throw Fail("invalid syntax", g.Start, g.End);
            bases = a;
            keywords = kw;
        }
        Expect(TokenKind.Colon, ":");
        var body = ParseBlock("class definition", start);
        return At(new ClassDef(name, bases, keywords, body, decorators, tps), start, LastRealEnd());
    }

    IReadOnlyList<TypeParam> ParseTypeParams()
    {
        Next(); // [
        var list = new List<TypeParam>();
        while (K != TokenKind.RSqb)
        {
            int start = Cur.Start;
            if (Eat(TokenKind.Star))
            {
                string n = ExpectName();
                Expr? def = Eat(TokenKind.Equal) ? ParseStarExpression() : null;
                list.Add(Span(new TypeVarTuple(n, def), start));
            }
            else if (Eat(TokenKind.DoubleStar))
            {
                string n = ExpectName();
                Expr? def = Eat(TokenKind.Equal) ? ParseExpression() : null;
                list.Add(Span(new ParamSpec(n, def), start));
            }
            else
            {
                string n = ExpectName();
                Expr? bound = Eat(TokenKind.Colon) ? ParseExpression() : null;
                Expr? def = Eat(TokenKind.Equal) ? ParseExpression() : null;
                list.Add(Span(new TypeVar(n, bound, def), start));
            }
            if (!Eat(TokenKind.Comma)) break;
        }
        if (list.Count == 0) throw Fail("Type parameter list cannot be empty");
        Expect(TokenKind.RSqb, "]");
        return list;
    }

    /// <summary>Parameters of a def (annotations allowed) or lambda, up to <paramref name="close"/>.</summary>
    Arguments ParseParameters(TokenKind close, bool annotations)
    {
        List<Arg>? posonly = null, args = null, kwonly = null;
        List<Expr?>? kwDefaults = null;
        List<Expr>? defaults = null;
        Arg? vararg = null, kwarg = null;
        bool seenStar = false, seenDefault = false;
        while (K != close)
        {
            if (K == TokenKind.Slash)
            {
                if (posonly is not null || seenStar) throw Fail(seenStar ? "/ must be ahead of *" : "/ may appear only once");
                if (args is null) throw Fail("at least one argument must precede /");
                Next();
                posonly = args;
                args = null;
            }
            else if (K == TokenKind.Star)
            {
                if (seenStar) throw Fail("* argument may appear only once");
                var starTok = Cur;
                Next();
                seenStar = true;
                if (K == TokenKind.Comma)
                {
                    if (PeekKind(1) == close || PeekKind(1) == TokenKind.DoubleStar) throw Fail("named arguments must follow bare *", starTok.Start, starTok.End);
                }
                else if (K == close) throw Fail("named arguments must follow bare *", starTok.Start, starTok.End);
                else
                {
                    vararg = ParseParam(annotations, starAnnotation: true);
                    if (K == TokenKind.Equal) throw Fail("var-positional argument cannot have default value");
                }
            }
            else if (K == TokenKind.DoubleStar)
            {
                Next();
                kwarg = ParseParam(annotations, false);
                if (K == TokenKind.Equal) throw Fail("var-keyword argument cannot have default value");
                Eat(TokenKind.Comma);
                if (K != close) throw Fail("arguments cannot follow var-keyword argument");
                break;
            }
            else
            {
                var a = ParseParam(annotations, false);
                Expr? def = null;
                if (Eat(TokenKind.Equal)) def = ParseExpression();
                if (seenStar)
                {
                    (kwonly ??= Rent<Arg>()).Add(a);
                    (kwDefaults ??= Rent<Expr?>()).Add(def);
                }
                else
                {
                    (args ??= Rent<Arg>()).Add(a);
                    if (def is not null) { (defaults ??= Rent<Expr>()).Add(def); seenDefault = true; }
                    else if (seenDefault) throw Fail("parameter without a default follows parameter with a default", a.Start, a.End);
                }
            }
            if (!Eat(TokenKind.Comma)) break;
        }
        if (seenStar && vararg is null && kwonly is null && K == close) throw Fail("named arguments must follow bare *");
        return new Arguments(
            posonly is null ? Array.Empty<Arg>() : Seal(posonly), args is null ? Array.Empty<Arg>() : Seal(args), vararg,
            kwonly is null ? Array.Empty<Arg>() : Seal(kwonly), kwDefaults is null ? Array.Empty<Expr?>() : Seal(kwDefaults), kwarg,
            defaults is null ? NoExprs : Seal(defaults));
    }

    Arg ParseParam(bool annotations, bool starAnnotation)
    {
        int start = Cur.Start;
        string name = ExpectName();
        Expr? ann = null;
        if (annotations && Eat(TokenKind.Colon)) ann = starAnnotation ? ParseStarExpression() : ParseExpression();
        return Span(new Arg(name, ann, null), start);
    }

    Stmt ParseIf()
    {
        int start = Cur.Start;
        bool isElif = K == TokenKind.Elif;
        Next();
        var test = ParseNamedExpression();
        Expect(TokenKind.Colon, ":");
        var body = ParseBlock(isElif ? "'elif' statement" : "'if' statement", start);
        IReadOnlyList<Stmt> orelse = NoStmts;
        if (K == TokenKind.Elif) orelse = new Stmt[] { ParseIf() };
        else if (K == TokenKind.Else)
        {
            int es = Cur.Start;
            Next();
            Expect(TokenKind.Colon, ":");
            orelse = ParseBlock("'else' statement", es);
        }
        return At(new If(test, body, orelse), start, LastRealEnd());
    }

    Stmt ParseWhile()
    {
        int start = Cur.Start;
        Next();
        var test = ParseNamedExpression();
        Expect(TokenKind.Colon, ":");
        var body = ParseBlock("'while' statement", start);
        var orelse = ParseElse();
        return At(new While(test, body, orelse), start, LastRealEnd());
    }

    IReadOnlyList<Stmt> ParseElse()
    {
        if (K != TokenKind.Else) return NoStmts;
        int es = Cur.Start;
        Next();
        Expect(TokenKind.Colon, ":");
        return ParseBlock("'else' statement", es);
    }

    Stmt ParseFor(int start, bool isAsync)
    {
        Next(); // for
        var target = ParseTargetList();
        Expect(TokenKind.In, "in");
        var iter = ParseStarExpressions();
        Expect(TokenKind.Colon, ":");
        var body = ParseBlock("'for' statement", start);
        var orelse = ParseElse();
        return At(new For(isAsync, target, iter, body, orelse, null), start, LastRealEnd());
    }

    Stmt ParseWith(int start, bool isAsync)
    {
        Next(); // with
        WithItem[]? items = null;
        if (K == TokenKind.LPar)
        {
            int save = _p;
            try
            {
                Next();
                var list = Rent<WithItem>();
                while (K != TokenKind.RPar)
                {
                    list.Add(ParseWithItem());
                    if (!Eat(TokenKind.Comma)) break;
                }
                Expect(TokenKind.RPar, ")");
                if (K != TokenKind.Colon || list.Count == 0) throw Fail("");
                items = Seal(list);
            }
            catch (ParseError)
            {
                _p = save;
                items = null;
            }
        }
        if (items is null)
        {
            var list = Rent<WithItem>();
            do list.Add(ParseWithItem());
            while (Eat(TokenKind.Comma));
            items = Seal(list);
        }
        Expect(TokenKind.Colon, ":");
        var body = ParseBlock("'with' statement", start);
        return At(new With(isAsync, items, body, null), start, LastRealEnd());
    }

    WithItem ParseWithItem()
    {
        int start = Cur.Start;
        var ctx = ParseExpression();
        Expr? vars = null;
        if (Eat(TokenKind.As))
        {
            vars = ParseStarTarget();
            if (K is not (TokenKind.Comma or TokenKind.RPar or TokenKind.Colon)) throw InvalidSyntax();
        }
        return Span(new WithItem(ctx, vars), start);
    }

    Stmt ParseTry()
    {
        int start = Cur.Start;
        Next();
        Expect(TokenKind.Colon, ":");
        var body = ParseBlock("'try' statement", start);
        var handlers = Rent<ExceptHandler>();
        bool? star = null;
        while (K == TokenKind.Except)
        {
            int hs = Cur.Start;
            Next();
            bool isStar = Eat(TokenKind.Star);
            if (star is { } st && st != isStar) throw Fail("cannot have both 'except' and 'except*' on the same 'try'", hs, PrevEnd);
            star = isStar;
            Expr? type = null;
            string? name = null;
            if (K != TokenKind.Colon)
            {
                int ts = Cur.Start;
                type = ParseExpression();
                if (K == TokenKind.Comma)
                {
                    // PEP 758 (3.14): `except A, B:` without parentheses
                    var elts = new List<Expr> { type };
                    while (Eat(TokenKind.Comma)) elts.Add(ParseExpression());
                    type = Span(new TupleExpr(elts, ExprContext.Load), ts);
                    if (K == TokenKind.As) throw Fail("multiple exception types must be parenthesized when using 'as'", ts, PrevEnd);
                }
                else if (Eat(TokenKind.As)) name = ExpectName();
            }
            else if (isStar) throw Fail("expected one or more exception types");
            Expect(TokenKind.Colon, ":");
            var hbody = ParseBlock(isStar ? "'except*' statement" : "'except' statement", hs);
            handlers.Add(At(new ExceptHandler(type, name, hbody), hs, LastRealEnd()));
        }
        bool anyHandler = handlers.Count > 0;
        var handled = Seal(handlers);
        var orelse = anyHandler ? ParseElse() : NoStmts;
        IReadOnlyList<Stmt> final = NoStmts;
        if (K == TokenKind.Finally)
        {
            int fs = Cur.Start;
            Next();
            Expect(TokenKind.Colon, ":");
            final = ParseBlock("'finally' statement", fs);
        }
        else if (!anyHandler) throw Fail("expected 'except' or 'finally' block");
        int end = LastRealEnd();
        return At(new Try(star == true, body, handled, orelse, final), start, end);
    }

    // ───────────── targets ─────────────

    /// <summary>star_targets for `for` and comprehensions: stops before `in`.</summary>
    Expr ParseTargetList()
    {
        int start = Cur.Start;
        var first = ParseStarTarget();
        if (K != TokenKind.Comma) { SetContext(first, ExprContext.Store); return first; }
        var elts = Rent(first);
        while (Eat(TokenKind.Comma))
        {
            if (K == TokenKind.In || K == TokenKind.Equal) break;
            elts.Add(ParseStarTarget());
        }
        var tuple = Span(new TupleExpr(Seal(elts), ExprContext.Store), start);
        SetContext(tuple, ExprContext.Store);
        return tuple;
    }

    Expr ParseStarTarget()
    {
        if (K == TokenKind.Star)
        {
            int start = Cur.Start;
            Next();
            var inner = ParseBitOrTarget();
            var st = Span(new Starred(inner, ExprContext.Store), start);
            SetContext(st, ExprContext.Store);
            return st;
        }
        var t = ParseBitOrTarget();
        SetContext(t, ExprContext.Store);
        return t;
    }

    Expr ParseBitOrTarget() => ParseBinary(1);

    void SetContext(Expr e, ExprContext ctx)
    {
        switch (e)
        {
            case Name n:
                n.Ctx = ctx;
                return;
            case AttributeExpr a: a.Ctx = ctx; return;
            case Subscript s: s.Ctx = ctx; return;
            case Starred st:
                if (ctx == ExprContext.Del) throw Fail("cannot delete starred", e.Start, e.End);
                st.Ctx = ctx;
                SetContext(st.Value, ctx);
                return;
            case TupleExpr t:
                t.Ctx = ctx;
                for (int i = 0; i < t.Elts.Count; i++) SetContext(t.Elts[i], ctx);
                return;
            case ListExpr l:
                l.Ctx = ctx;
                for (int i = 0; i < l.Elts.Count; i++) SetContext(l.Elts[i], ctx);
                return;
        }
        string verb = ctx == ExprContext.Del ? "delete" : "assign to";
        throw Fail($"cannot {verb} {Describe(e)}", e.Start, e.End);
    }

    static string Describe(Expr e) => e switch
    {
        Call => "function call",
        Constant c => c.ValueKind switch
        {
            ConstantKind.True => "True",
            ConstantKind.False => "False",
            ConstantKind.None => "None",
            ConstantKind.Ellipsis => "ellipsis",
            _ => "literal",
        },
        Compare => "comparison",
        Lambda => "lambda",
        IfExp => "conditional expression",
        NamedExpr => "named expression",
        Yield or YieldFrom => "yield expression",
        Await => "await expression",
        JoinedStr => "f-string expression",
        TemplateStr => "t-string expression",
        DictExpr => "dict literal",
        SetExpr => "set display",
        ListComp => "list comprehension",
        SetComp => "set comprehension",
        DictComp => "dict comprehension",
        GeneratorExp => "generator expression",
        Name => "name",
        AttributeExpr => "attribute",
        Subscript => "subscript",
        Starred => "starred",
        TupleExpr => "tuple",
        ListExpr => "list",
        _ => "expression",
    };

    // ───────────── AST depth guard ─────────────

    sealed class ChildCollector : AstWalker
    {
        public readonly List<Node> Children = new();
        public override void Visit(Node node) => Children.Add(node);
    }

    /// <summary>Long chains (a+b+c+…, a.b.c…) build deep trees without deep parser recursion; bound them for recursive walkers.</summary>
    void CheckAstDepth(Node root)
    {
        var collector = new ChildCollector();
        var stack = new Stack<(Node, int)>();
        stack.Push((root, 1));
        while (stack.Count > 0)
        {
            var (n, d) = stack.Pop();
            if (d > MaxAstDepth) throw Fail("too many nested expressions (maximum recursion depth exceeded during ast construction)", n.Start, n.End);
            collector.Children.Clear();
            n.WalkChildren(collector);
            foreach (var c in collector.Children) stack.Push((c, d + 1));
        }
    }
}
