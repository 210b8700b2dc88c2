using Bulwark.Python.Syntax;

namespace Bulwark.Python.Parsing;

internal sealed partial class Parser
{
    /// <summary>star_expressions: `a, *b, c` becomes an unparenthesized Tuple.</summary>
    Expr ParseStarExpressions()
    {
        int start = Cur.Start;
        var first = ParseStarExpression();
        if (K != TokenKind.Comma) return first;
        var elts = Rent<Expr>(first);
        while (Eat(TokenKind.Comma))
        {
            if (!CanStartExpression(K)) break;
            elts.Add(ParseStarExpression());
        }
        return Span(new TupleExpr(Seal(elts), ExprContext.Load), start);
    }

    static bool CanStartExpression(TokenKind k) => k switch
    {
        TokenKind.Name or TokenKind.Number or TokenKind.String or TokenKind.FStringStart or TokenKind.LPar or TokenKind.LSqb
            or TokenKind.LBrace or TokenKind.Minus or TokenKind.Plus or TokenKind.Tilde or TokenKind.Star or TokenKind.Not
            or TokenKind.Await or TokenKind.Lambda or TokenKind.True or TokenKind.False or TokenKind.None or TokenKind.Ellipsis
            or TokenKind.Yield => true,
        _ => false,
    };

    Expr ParseStarExpression()
    {
        if (K == TokenKind.Star)
        {
            int start = Cur.Start;
            Next();
            var v = ParseBinary(1);
            return Span(new Starred(v, ExprContext.Load), start);
        }
        return ParseExpression();
    }

    Expr ParseStarNamedExpression()
    {
        if (K == TokenKind.Star)
        {
            int start = Cur.Start;
            Next();
            var v = ParseBinary(1);
            return Span(new Starred(v, ExprContext.Load), start);
        }
        return ParseNamedExpression();
    }

    Expr ParseNamedExpression()
    {
        if (K == TokenKind.Name && PeekKind(1) == TokenKind.ColonEqual)
        {
            ref Token t = ref Cur;
            int start = t.Start;
            var target = At(new Name(NameText(t), ExprContext.Store), t.Start, t.End);
            Next();
            Next();
            var value = ParseExpression();
            return Span(new NamedExpr(target, value), start);
        }
        var e = ParseExpression();
        if (K == TokenKind.ColonEqual) throw Fail($"cannot use assignment expressions with {Describe(e)}", e.Start, e.End);
        return e;
    }

    /// <summary>expression: disjunction ['if' disjunction 'else' expression] | lambdef.</summary>
    Expr ParseExpression()
    {
        Enter();
        try
        {
            if (K == TokenKind.Lambda) return ParseLambda();
            int start = Cur.Start;
            var body = ParseOr();
            if (K != TokenKind.If) return body;
            Next();
            var test = ParseOr();
            if (K != TokenKind.Else) throw Fail("expected 'else' after 'if' expression", Cur.Start, Cur.End);
            Next();
            var orelse = ParseExpression();
            return Span(new IfExp(test, body, orelse), start);
        }
        finally { Leave(); }
    }

    Expr ParseLambda()
    {
        int start = Cur.Start;
        Next();
        var args = ParseParameters(TokenKind.Colon, annotations: false);
        Expect(TokenKind.Colon, ":");
        var body = ParseExpression();
        return Span(new Lambda(args, body), start);
    }

    Expr ParseOr()
    {
        int start = Cur.Start;
        var first = ParseAnd();
        if (K != TokenKind.Or) return first;
        var values = Rent<Expr>(first);
        while (Eat(TokenKind.Or)) values.Add(ParseAnd());
        return Span(new BoolOp(BoolOperator.Or, Seal(values)), start);
    }

    Expr ParseAnd()
    {
        int start = Cur.Start;
        var first = ParseNot();
        if (K != TokenKind.And) return first;
        var values = Rent<Expr>(first);
        while (Eat(TokenKind.And)) values.Add(ParseNot());
        return Span(new BoolOp(BoolOperator.And, Seal(values)), start);
    }

    Expr ParseNot()
    {
        if (K == TokenKind.Not)
        {
            Enter();
            try
            {
                int start = Cur.Start;
                Next();
                var operand = ParseNot();
                return Span(new UnaryOp(UnaryOperator.Not, operand), start);
            }
            finally { Leave(); }
        }
        return ParseComparison();
    }

    Expr ParseComparison()
    {
        int start = Cur.Start;
        var left = ParseBinary(1);
        var op = CompOp(out int width);
        if (op is null) return left;
        var ops = Rent<CmpOperator>();
        var comparators = Rent<Expr>();
        while (op is { } o)
        {
            if (K == TokenKind.NotEqual && TokText(Cur).SequenceEqual("<>")) throw InvalidSyntax();
            for (int i = 0; i < width; i++) Next();
            ops.Add(o);
            comparators.Add(ParseBinary(1));
            op = CompOp(out width);
        }
        return Span(new Compare(left, Seal(ops), Seal(comparators)), start);
    }

    CmpOperator? CompOp(out int width)
    {
        width = 1;
        switch (K)
        {
            case TokenKind.EqEqual: return CmpOperator.Eq;
            case TokenKind.NotEqual: return CmpOperator.NotEq;
            case TokenKind.Less: return CmpOperator.Lt;
            case TokenKind.LessEqual: return CmpOperator.LtE;
            case TokenKind.Greater: return CmpOperator.Gt;
            case TokenKind.GreaterEqual: return CmpOperator.GtE;
            case TokenKind.In: return CmpOperator.In;
            case TokenKind.Is:
                if (PeekKind(1) == TokenKind.Not) { width = 2; return CmpOperator.IsNot; }
                return CmpOperator.Is;
            case TokenKind.Not:
                if (PeekKind(1) == TokenKind.In) { width = 2; return CmpOperator.NotIn; }
                return null;
        }
        return null;
    }

    static int BinaryPrecedence(TokenKind k, out Operator op)
    {
        switch (k)
        {
            case TokenKind.VBar: op = Operator.BitOr; return 1;
            case TokenKind.Circumflex: op = Operator.BitXor; return 2;
            case TokenKind.Amper: op = Operator.BitAnd; return 3;
            case TokenKind.LeftShift: op = Operator.LShift; return 4;
            case TokenKind.RightShift: op = Operator.RShift; return 4;
            case TokenKind.Plus: op = Operator.Add; return 5;
            case TokenKind.Minus: op = Operator.Sub; return 5;
            case TokenKind.Star: op = Operator.Mult; return 6;
            case TokenKind.Slash: op = Operator.Div; return 6;
            case TokenKind.DoubleSlash: op = Operator.FloorDiv; return 6;
            case TokenKind.Percent: op = Operator.Mod; return 6;
            case TokenKind.At: op = Operator.MatMult; return 6;
        }
        op = default;
        return 0;
    }

    /// <summary>Precedence climbing over the left-associative binary operators (bitwise_or … term).</summary>
    Expr ParseBinary(int minPrec)
    {
        int start = Cur.Start;
        var left = ParseUnary();
        while (true)
        {
            int prec = BinaryPrecedence(K, out var op);
            if (prec == 0 || prec < minPrec) return left;
            Next();
            var right = ParseBinary(prec + 1);
            left = Span(new BinOp(left, op, right), start);
        }
    }

    Expr ParseUnary()
    {
        UnaryOperator op;
        switch (K)
        {
            case TokenKind.Minus: op = UnaryOperator.USub; break;
            case TokenKind.Plus: op = UnaryOperator.UAdd; break;
            case TokenKind.Tilde: op = UnaryOperator.Invert; break;
            default: return ParsePower();
        }
        Enter();
        try
        {
            int start = Cur.Start;
            Next();
            var operand = ParseUnary();
            return Span(new UnaryOp(op, operand), start);
        }
        finally { Leave(); }
    }

    Expr ParsePower()
    {
        int start = Cur.Start;
        Expr left;
        if (K == TokenKind.Await)
        {
            Enter();
            try
            {
                Next();
                var v = ParsePrimary();
                left = Span(new Await(v), start);
            }
            finally { Leave(); }
        }
        else left = ParsePrimary();
        if (K != TokenKind.DoubleStar) return left;
        Next();
        var right = ParseUnary();
        return Span(new BinOp(left, Operator.Pow, right), start);
    }

    Expr ParsePrimary()
    {
        int start = Cur.Start;
        var e = ParseAtom();
        while (true)
        {
            switch (K)
            {
                case TokenKind.Dot:
                {
                    Next();
                    if (K != TokenKind.Name) throw InvalidSyntax();
                    string attr = NameText(Cur);
                    Next();
                    e = Span(new AttributeExpr(e, attr, ExprContext.Load), start);
                    continue;
                }
                case TokenKind.LPar:
                {
                    int lp = Cur.Start;
                    Next();
                    ParseCallArguments(lp, out var args, out var kws);
                    e = Span(new Call(e, args, kws), start);
                    continue;
                }
                case TokenKind.LSqb:
                {
                    Next();
                    var slice = ParseSlices();
                    Expect(TokenKind.RSqb, "]");
                    e = Span(new Subscript(e, slice, ExprContext.Load), start);
                    continue;
                }
            }
            return e;
        }
    }

    /// <summary>Arguments after '(' up to and including ')'. A sole generator argument spans the call's parentheses.</summary>
    void ParseCallArguments(int lparStart, out IReadOnlyList<Expr> argsOut, out IReadOnlyList<Keyword> kwsOut)
    {
        List<Expr>? args = null;
        List<Keyword>? kws = null;
        bool seenKeyword = false, seenDoubleStar = false;
        while (K != TokenKind.RPar)
        {
            int start = Cur.Start;
            if (K == TokenKind.Star)
            {
                Next();
                var v = ParseExpression();
                if (seenDoubleStar) throw Fail("iterable argument unpacking follows keyword argument unpacking", start, PrevEnd);
                (args ??= Rent<Expr>()).Add(Span(new Starred(v, ExprContext.Load), start));
            }
            else if (K == TokenKind.DoubleStar)
            {
                Next();
                var v = ParseExpression();
                (kws ??= Rent<Keyword>()).Add(Span(new Keyword(null, v), start));
                seenDoubleStar = true;
            }
            else if (K == TokenKind.Name && PeekKind(1) == TokenKind.Equal)
            {
                string name = NameText(Cur);
                Next();
                Next();
                var v = ParseExpression();
                (kws ??= Rent<Keyword>()).Add(Span(new Keyword(name, v), start));
                seenKeyword = true;
            }
            else
            {
                var v = ParseNamedExpression();
                if (K == TokenKind.Equal)
                    throw Fail("expression cannot contain assignment, perhaps you meant \"==\"?", v.Start, Cur.End);
                if (K == TokenKind.For || (K == TokenKind.Async && PeekKind(1) == TokenKind.For))
                {
                    var gens = ParseComprehensions();
                    bool sole = args is null && kws is null && K == TokenKind.RPar;
                    if (!sole) throw Fail("Generator expression must be parenthesized", v.Start, PrevEnd);
                    Next();
                    var g = At(new GeneratorExp(v, gens), lparStart, PrevEnd);
                    argsOut = new Expr[] { g };
                    kwsOut = Array.Empty<Keyword>();
                    return;
                }
                if (seenDoubleStar) throw Fail("positional argument follows keyword argument unpacking");
                if (seenKeyword) throw Fail("positional argument follows keyword argument");
                (args ??= Rent<Expr>()).Add(v);
            }
            if (!Eat(TokenKind.Comma)) break;
        }
        Expect(TokenKind.RPar, ")");
        argsOut = args is null ? NoExprs : Seal(args);
        kwsOut = kws is null ? Array.Empty<Keyword>() : Seal(kws);
    }

    Expr ParseSlices()
    {
        int start = Cur.Start;
        var first = ParseSlice();
        if (K != TokenKind.Comma)
            return first is Starred ? Span(new TupleExpr(new[] { first }, ExprContext.Load), start) : first;
        var elts = Rent<Expr>(first);
        while (Eat(TokenKind.Comma))
        {
            if (K == TokenKind.RSqb) break;
            elts.Add(ParseSlice());
        }
        return Span(new TupleExpr(Seal(elts), ExprContext.Load), start);
    }

    Expr ParseSlice()
    {
        int start = Cur.Start;
        if (K == TokenKind.Star) return ParseStarExpression();
        Expr? lower = null;
        if (K != TokenKind.Colon)
        {
            lower = ParseNamedExpression();
            if (K != TokenKind.Colon) return lower;
        }
        Next(); // ':'
        Expr? upper = null, step = null;
        if (K is not (TokenKind.Colon or TokenKind.Comma or TokenKind.RSqb)) upper = ParseExpression();
        if (Eat(TokenKind.Colon))
        {
            if (K is not (TokenKind.Comma or TokenKind.RSqb)) step = ParseExpression();
        }
        return Span(new Slice(lower, upper, step), start);
    }

    Comprehension[] ParseComprehensions()
    {
        var gens = Rent<Comprehension>();
        while (K == TokenKind.For || (K == TokenKind.Async && PeekKind(1) == TokenKind.For))
        {
            int start = Cur.Start;
            bool isAsync = Eat(TokenKind.Async);
            Next(); // for
            var target = ParseTargetList();
            Expect(TokenKind.In, "in");
            var iter = ParseOr();
            List<Expr>? ifs = null;
            while (Eat(TokenKind.If)) (ifs ??= Rent<Expr>()).Add(ParseOr());
            gens.Add(Span(new Comprehension(target, iter, ifs is null ? NoExprs : Seal(ifs), isAsync), start));
        }
        return Seal(gens);
    }

    Expr ParseYieldExpr()
    {
        int start = Cur.Start;
        Next(); // yield
        if (Eat(TokenKind.From))
        {
            var v = ParseExpression();
            return Span(new YieldFrom(v), start);
        }
        Expr? value = null;
        if (CanStartExpression(K) && K != TokenKind.Yield) value = ParseStarExpressions();
        return Span(new Yield(value), start);
    }

    Expr ParseAtom()
    {
        ref Token t = ref Cur;
        int start = t.Start;
        switch (t.Kind)
        {
            case TokenKind.Name:
            {
                var n = At(new Name(NameText(t), ExprContext.Load), t.Start, t.End);
                Next();
                return n;
            }
            case TokenKind.Number:
            {
                var c = ParseNumber(t);
                Next();
                return c;
            }
            case TokenKind.String:
            case TokenKind.FStringStart:
                return ParseStrings();
            case TokenKind.True: Next(); return At(new Constant(ConstantKind.True, BoxedTrue), start, PrevEnd);
            case TokenKind.False: Next(); return At(new Constant(ConstantKind.False, BoxedFalse), start, PrevEnd);
            case TokenKind.None: Next(); return At(new Constant(ConstantKind.None, null), start, PrevEnd);
            case TokenKind.Ellipsis: Next(); return At(new Constant(ConstantKind.Ellipsis, null), start, PrevEnd);
            case TokenKind.LPar:
                Enter();
                try { return ParseParenAtom(); }
                finally { Leave(); }
            case TokenKind.LSqb:
                Enter();
                try { return ParseListAtom(); }
                finally { Leave(); }
            case TokenKind.LBrace:
                Enter();
                try { return ParseBraceAtom(); }
                finally { Leave(); }
            case TokenKind.Star:
                throw Fail("cannot use starred expression here");
        }
        throw InvalidSyntax();
    }

    Expr ParseParenAtom()
    {
        int start = Cur.Start;
        Next(); // (
        if (K == TokenKind.RPar) { Next(); return Span(new TupleExpr(NoExprs, ExprContext.Load), start); }
        if (K == TokenKind.Yield)
        {
            var y = ParseYieldExpr();
            Expect(TokenKind.RPar, ")");
            return y;
        }
        var first = ParseStarNamedExpression();
        if (K == TokenKind.For || (K == TokenKind.Async && PeekKind(1) == TokenKind.For))
        {
            if (first is Starred) throw Fail("iterable unpacking cannot be used in comprehension", first.Start, first.End);
            var gens = ParseComprehensions();
            Expect(TokenKind.RPar, ")");
            return Span(new GeneratorExp(first, gens), start);
        }
        if (K == TokenKind.Comma)
        {
            var elts = Rent<Expr>(first);
            while (Eat(TokenKind.Comma))
            {
                if (K == TokenKind.RPar) break;
                elts.Add(ParseStarNamedExpression());
            }
            Expect(TokenKind.RPar, ")");
            return Span(new TupleExpr(Seal(elts), ExprContext.Load), start);
        }
        if (K != TokenKind.RPar)
        {
            if (K == TokenKind.Equal && first is Name)
                throw Fail("invalid syntax. Maybe you meant '==' or ':=' instead of '='?", first.Start, Cur.End);
            throw InvalidSyntax();
        }
        Next();
        if (first is Starred) throw Fail("cannot use starred expression here", first.Start, first.End);
        return first;
    }

    Expr ParseListAtom()
    {
        int start = Cur.Start;
        Next(); // [
        if (K == TokenKind.RSqb) { Next(); return Span(new ListExpr(NoExprs, ExprContext.Load), start); }
        var first = ParseStarNamedExpression();
        if (K == TokenKind.For || (K == TokenKind.Async && PeekKind(1) == TokenKind.For))
        {
            if (first is Starred) throw Fail("iterable unpacking cannot be used in comprehension", first.Start, first.End);
            var gens = ParseComprehensions();
            Expect(TokenKind.RSqb, "]");
            return Span(new ListComp(first, gens), start);
        }
        var elts = Rent<Expr>(first);
        while (Eat(TokenKind.Comma))
        {
            if (K == TokenKind.RSqb) break;
            elts.Add(ParseStarNamedExpression());
        }
        Expect(TokenKind.RSqb, "]");
        return Span(new ListExpr(Seal(elts), ExprContext.Load), start);
    }

    Expr ParseBraceAtom()
    {
        int start = Cur.Start;
        Next(); // {
        if (K == TokenKind.RBrace) { Next(); return Span(new DictExpr(Array.Empty<Expr?>(), NoExprs), start); }
        Expr? firstKey;
        Expr firstValue;
        if (K == TokenKind.DoubleStar)
        {
            Next();
            firstKey = null;
            firstValue = ParseBinary(1);
        }
        else
        {
            var first = ParseStarNamedExpression();
            if (K != TokenKind.Colon)
            {
                // set or set comprehension
                if (K == TokenKind.For || (K == TokenKind.Async && PeekKind(1) == TokenKind.For))
                {
                    if (first is Starred) throw Fail("iterable unpacking cannot be used in comprehension", first.Start, first.End);
                    var gens = ParseComprehensions();
                    Expect(TokenKind.RBrace, "}");
                    return Span(new SetComp(first, gens), start);
                }
                var elts = Rent<Expr>(first);
                while (Eat(TokenKind.Comma))
                {
                    if (K == TokenKind.RBrace) break;
                    elts.Add(ParseStarNamedExpression());
                }
                Expect(TokenKind.RBrace, "}");
                return Span(new SetExpr(Seal(elts)), start);
            }
            if (first is Starred) throw InvalidSyntax();
            Next(); // :
            firstKey = first;
            firstValue = ParseExpression();
            if (K == TokenKind.For || (K == TokenKind.Async && PeekKind(1) == TokenKind.For))
            {
                var gens = ParseComprehensions();
                Expect(TokenKind.RBrace, "}");
                return Span(new DictComp(first, firstValue, gens), start);
            }
        }
        if (firstKey is null && (K == TokenKind.For || (K == TokenKind.Async && PeekKind(1) == TokenKind.For)))
            throw Fail("dict unpacking cannot be used in dict comprehension", start, PrevEnd);
        var keys = Rent<Expr?>(firstKey);
        var values = Rent<Expr>(firstValue);
        while (Eat(TokenKind.Comma))
        {
            if (K == TokenKind.RBrace) break;
            if (Eat(TokenKind.DoubleStar))
            {
                keys.Add(null);
                values.Add(ParseBinary(1));
            }
            else
            {
                keys.Add(ParseExpression());
                if (K != TokenKind.Colon) throw K == TokenKind.Comma || K == TokenKind.RBrace ? Fail("':' expected after dictionary key") : InvalidSyntax();
                Next();
                values.Add(ParseExpression());
            }
        }
        Expect(TokenKind.RBrace, "}");
        return Span(new DictExpr(Seal(keys), Seal(values)), start);
    }
}
