using Bulwark.Python.Syntax;

namespace Bulwark.Python.Parsing;

internal sealed partial class Parser
{
    /// <summary>Soft keyword `match`: parsed speculatively, since `match(x)` or `match = 1` are ordinary statements.</summary>
    Stmt? TryParseMatch()
    {
        int save = _p;
        int start = Cur.Start;
        Expr subject;
        try
        {
            Next(); // match
            int ss = Cur.Start;
            var first = ParseStarNamedExpression();
            if (K == TokenKind.Comma)
            {
                var elts = new List<Expr> { first };
                while (Eat(TokenKind.Comma))
                {
                    if (K == TokenKind.Colon) break;
                    elts.Add(ParseStarNamedExpression());
                }
                subject = Span(new TupleExpr(elts, ExprContext.Load), ss);
            }
            else subject = first;
            if (K != TokenKind.Colon) throw Fail("");
        }
        catch (ParseError)
        {
            _p = save;
            _depth = 0;
            return null;
        }
        Next(); // :
        if (K != TokenKind.Newline) throw InvalidSyntax();
        Next();
        if (K != TokenKind.Indent) throw Fail($"expected an indented block after 'match' statement on line {LineOf(start)}");
        Next();
        var cases = new List<MatchCase>();
        while (K != TokenKind.Dedent && K != TokenKind.EndOfFile)
        {
            if (!IsName("case")) throw InvalidSyntax();
            int cs = Cur.Start;
            Next();
            var pattern = ParsePatterns();
            Expr? guard = null;
            if (Eat(TokenKind.If)) guard = ParseNamedExpression();
            Expect(TokenKind.Colon, ":");
            var body = ParseBlock("'case' statement", cs);
            cases.Add(At(new MatchCase(pattern, guard, body), cs, LastRealEnd()));
        }
        Eat(TokenKind.Dedent);
        return At(new MatchStmt(subject, cases), start, LastRealEnd());
    }

    /// <summary>patterns: open_sequence_pattern | pattern.</summary>
    Pattern ParsePatterns()
    {
        int start = Cur.Start;
        var first = ParseMaybeStarPattern();
        if (K != TokenKind.Comma)
        {
            if (first is MatchStar) return Span(new MatchSequence(new Pattern[] { first }), start);
            return first;
        }
        var list = new List<Pattern> { first };
        while (Eat(TokenKind.Comma))
        {
            if (K == TokenKind.Colon || K == TokenKind.If) break;
            list.Add(ParseMaybeStarPattern());
        }
        return Span(new MatchSequence(list), start);
    }

    Pattern ParseMaybeStarPattern()
    {
        if (K == TokenKind.Star)
        {
            int start = Cur.Start;
            Next();
            if (K != TokenKind.Name) throw InvalidSyntax();
            string? name = IsName("_") ? null : NameText(Cur);
            Next();
            return Span(new MatchStar(name), start);
        }
        return ParsePattern();
    }

    /// <summary>pattern: or_pattern ['as' NAME].</summary>
    Pattern ParsePattern()
    {
        Enter();
        try
        {
            int start = Cur.Start;
            var p = ParseOrPattern();
            if (K != TokenKind.As) return p;
            Next();
            if (K != TokenKind.Name) throw InvalidSyntax();
            if (IsName("_")) throw Fail("cannot use '_' as a target");
            string name = NameText(Cur);
            Next();
            return Span(new MatchAs(p, name), start);
        }
        finally { Leave(); }
    }

    Pattern ParseOrPattern()
    {
        int start = Cur.Start;
        var first = ParseClosedPattern();
        if (K != TokenKind.VBar) return first;
        var list = new List<Pattern> { first };
        while (Eat(TokenKind.VBar)) list.Add(ParseClosedPattern());
        return Span(new MatchOr(list), start);
    }

    Pattern ParseClosedPattern()
    {
        int start = Cur.Start;
        switch (K)
        {
            case TokenKind.Name:
            {
                if (PeekKind(1) is TokenKind.Dot or TokenKind.LPar)
                {
                    Expr cls = At(new Name(NameText(Cur), ExprContext.Load), Cur.Start, Cur.End);
                    Next();
                    while (Eat(TokenKind.Dot))
                    {
                        if (K != TokenKind.Name) throw InvalidSyntax();
                        string attr = NameText(Cur);
                        Next();
                        cls = Span(new AttributeExpr(cls, attr, ExprContext.Load), start);
                    }
                    if (K == TokenKind.LPar) return ParseClassPattern(cls, start);
                    if (cls is Name) throw InvalidSyntax();
                    return Span(new MatchValue(cls), start);
                }
                if (IsName("_")) { Next(); return Span(new MatchAs(null, null), start); }
                string name = NameText(Cur);
                Next();
                return Span(new MatchAs(null, name), start);
            }
            case TokenKind.None:
                Next();
                return Span(new MatchSingleton(At(new Constant(ConstantKind.None, null), start, PrevEnd)), start);
            case TokenKind.True:
                Next();
                return Span(new MatchSingleton(At(new Constant(ConstantKind.True, BoxedTrue), start, PrevEnd)), start);
            case TokenKind.False:
                Next();
                return Span(new MatchSingleton(At(new Constant(ConstantKind.False, BoxedFalse), start, PrevEnd)), start);
            case TokenKind.String:
            case TokenKind.FStringStart:
            {
                var s = ParseStrings();
                if (s is JoinedStr or TemplateStr) throw Fail("patterns may only match literals and attribute lookups", s.Start, s.End);
                return Span(new MatchValue(s), start);
            }
            case TokenKind.Number:
            case TokenKind.Minus:
                return Span(new MatchValue(ParseSignedNumberPattern()), start);
            case TokenKind.LPar:
            {
                Next();
                if (K == TokenKind.RPar) { Next(); return Span(new MatchSequence(Array.Empty<Pattern>()), start); }
                var first = ParseMaybeStarPattern();
                if (K == TokenKind.RPar && first is not MatchStar)
                {
                    Next();
                    return first; // group pattern keeps the inner span
                }
                var list = new List<Pattern> { first };
                while (Eat(TokenKind.Comma))
                {
                    if (K == TokenKind.RPar) break;
                    list.Add(ParseMaybeStarPattern());
                }
                Expect(TokenKind.RPar, ")");
                return Span(new MatchSequence(list), start);
            }
            case TokenKind.LSqb:
            {
                Next();
                var list = new List<Pattern>();
                while (K != TokenKind.RSqb)
                {
                    list.Add(ParseMaybeStarPattern());
                    if (!Eat(TokenKind.Comma)) break;
                }
                Expect(TokenKind.RSqb, "]");
                return Span(new MatchSequence(list), start);
            }
            case TokenKind.LBrace:
                return ParseMappingPattern();
        }
        throw InvalidSyntax();
    }

    /// <summary>signed_number ['+'|'-' imaginary] — complex literals are BinOps as in CPython.</summary>
    Expr ParseSignedNumberPattern()
    {
        int start = Cur.Start;
        Expr left;
        if (K == TokenKind.Minus)
        {
            Next();
            if (K != TokenKind.Number) throw InvalidSyntax();
            var num = ParseNumber(Cur);
            Next();
            left = Span(new UnaryOp(UnaryOperator.USub, num), start);
        }
        else
        {
            if (K != TokenKind.Number) throw InvalidSyntax();
            left = ParseNumber(Cur);
            Next();
        }
        if (K is TokenKind.Plus or TokenKind.Minus)
        {
            var op = K == TokenKind.Plus ? Operator.Add : Operator.Sub;
            Next();
            if (K != TokenKind.Number) throw InvalidSyntax();
            var right = ParseNumber(Cur);
            if (right.ValueKind != ConstantKind.Complex) throw Fail("imaginary number required in complex literal", right.Start, right.End);
            if (left is Constant { ValueKind: ConstantKind.Complex } || left is UnaryOp { Operand: Constant { ValueKind: ConstantKind.Complex } })
                throw Fail("real number required in complex literal", left.Start, left.End);
            Next();
            return Span(new BinOp(left, op, right), start);
        }
        return left;
    }

    Pattern ParseMappingPattern()
    {
        int start = Cur.Start;
        Next(); // {
        var keys = new List<Expr>();
        var patterns = new List<Pattern>();
        string? rest = null;
        while (K != TokenKind.RBrace)
        {
            if (Eat(TokenKind.DoubleStar))
            {
                if (K != TokenKind.Name || IsName("_")) throw InvalidSyntax();
                rest = NameText(Cur);
                Next();
                Eat(TokenKind.Comma);
                break;
            }
            keys.Add(ParseMappingKey());
            Expect(TokenKind.Colon, ":");
            patterns.Add(ParsePattern());
            if (!Eat(TokenKind.Comma)) break;
        }
        Expect(TokenKind.RBrace, "}");
        return Span(new MatchMapping(keys, patterns, rest), start);
    }

    Expr ParseMappingKey()
    {
        int start = Cur.Start;
        switch (K)
        {
            case TokenKind.None: Next(); return At(new Constant(ConstantKind.None, null), start, PrevEnd);
            case TokenKind.True: Next(); return At(new Constant(ConstantKind.True, BoxedTrue), start, PrevEnd);
            case TokenKind.False: Next(); return At(new Constant(ConstantKind.False, BoxedFalse), start, PrevEnd);
            case TokenKind.String:
            case TokenKind.FStringStart:
            {
                var s = ParseStrings();
                if (s is JoinedStr or TemplateStr) throw Fail("patterns may only match literals and attribute lookups", s.Start, s.End);
                return s;
            }
            case TokenKind.Number:
            case TokenKind.Minus:
                return ParseSignedNumberPattern();
            case TokenKind.Name:
            {
                Expr e = At(new Name(NameText(Cur), ExprContext.Load), Cur.Start, Cur.End);
                Next();
                if (K != TokenKind.Dot) throw InvalidSyntax();
                while (Eat(TokenKind.Dot))
                {
                    if (K != TokenKind.Name) throw InvalidSyntax();
                    string attr = NameText(Cur);
                    Next();
                    e = Span(new AttributeExpr(e, attr, ExprContext.Load), start);
                }
                return e;
            }
        }
        throw InvalidSyntax();
    }

    Pattern ParseClassPattern(Expr cls, int start)
    {
        Next(); // (
        var patterns = new List<Pattern>();
        var kwdAttrs = new List<string>();
        var kwdPatterns = new List<Pattern>();
        while (K != TokenKind.RPar)
        {
            if (K == TokenKind.Name && PeekKind(1) == TokenKind.Equal)
            {
                kwdAttrs.Add(NameText(Cur));
                Next();
                Next();
                kwdPatterns.Add(ParsePattern());
            }
            else
            {
                if (kwdAttrs.Count > 0) throw Fail("positional patterns follow keyword patterns");
                patterns.Add(ParsePattern());
            }
            if (!Eat(TokenKind.Comma)) break;
        }
        Expect(TokenKind.RPar, ")");
        return Span(new MatchClass(cls, patterns, kwdAttrs, kwdPatterns), start);
    }
}
