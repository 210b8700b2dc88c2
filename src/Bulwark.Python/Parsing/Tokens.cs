namespace Bulwark.Python.Parsing;

internal enum TokenKind : byte
{
    EndOfFile, Newline, Indent, Dedent, Name, Number, String,
    // PEP 701/750: f-/t-strings are split into start, literal middles, replacement fields and end.
    FStringStart, FStringMiddle, FStringEnd,
    // operators and delimiters
    LPar, RPar, LSqb, RSqb, LBrace, RBrace, Colon, Comma, Semi, Plus, Minus, Star, Slash, VBar, Amper,
    Less, Greater, Equal, Dot, Percent, EqEqual, NotEqual, LessEqual, GreaterEqual, Tilde, Circumflex,
    LeftShift, RightShift, DoubleStar, PlusEqual, MinEqual, StarEqual, SlashEqual, PercentEqual,
    AmperEqual, VBarEqual, CircumflexEqual, LeftShiftEqual, RightShiftEqual, DoubleStarEqual,
    DoubleSlash, DoubleSlashEqual, At, AtEqual, RArrow, Ellipsis, ColonEqual, Exclamation,
    // text the tokenizer could not read, up to the end of its line (only when lexing with error recovery)
    Error,
    // keywords (soft keywords match/case/type/_ stay Name)
    False, None, True, And, As, Assert, Async, Await, Break, Class, Continue, Def, Del, Elif, Else,
    Except, Finally, For, From, Global, If, Import, In, Is, Lambda, Nonlocal, Not, Or, Pass, Raise,
    Return, Try, While, With, Yield,
}

/// <summary>A token is a kind and a UTF-16 span of the source; text is sliced only when a node needs it.</summary>
internal struct Token
{
    public TokenKind Kind;
    public int Start;
    public int End;
    public Token(TokenKind kind, int start, int end) { Kind = kind; Start = start; End = end; }
    public override readonly string ToString() => $"{Kind}@{Start}..{End}";
}

internal static class Keywords
{
    /// <summary>Classifies an identifier span as a hard keyword, or Name.</summary>
    public static TokenKind Classify(ReadOnlySpan<char> s)
    {
        switch (s.Length)
        {
            case 2:
                if (s[0] == 'a' && s[1] == 's') return TokenKind.As;
                if (s[0] == 'i') { if (s[1] == 'f') return TokenKind.If; if (s[1] == 'n') return TokenKind.In; if (s[1] == 's') return TokenKind.Is; }
                if (s[0] == 'o' && s[1] == 'r') return TokenKind.Or;
                break;
            case 3:
                if (s.SequenceEqual("and")) return TokenKind.And;
                if (s.SequenceEqual("def")) return TokenKind.Def;
                if (s.SequenceEqual("del")) return TokenKind.Del;
                if (s.SequenceEqual("for")) return TokenKind.For;
                if (s.SequenceEqual("not")) return TokenKind.Not;
                if (s.SequenceEqual("try")) return TokenKind.Try;
                break;
            case 4:
                if (s.SequenceEqual("None")) return TokenKind.None;
                if (s.SequenceEqual("True")) return TokenKind.True;
                if (s.SequenceEqual("elif")) return TokenKind.Elif;
                if (s.SequenceEqual("else")) return TokenKind.Else;
                if (s.SequenceEqual("from")) return TokenKind.From;
                if (s.SequenceEqual("pass")) return TokenKind.Pass;
                if (s.SequenceEqual("with")) return TokenKind.With;
                break;
            case 5:
                if (s.SequenceEqual("False")) return TokenKind.False;
                if (s.SequenceEqual("async")) return TokenKind.Async;
                if (s.SequenceEqual("await")) return TokenKind.Await;
                if (s.SequenceEqual("break")) return TokenKind.Break;
                if (s.SequenceEqual("class")) return TokenKind.Class;
                if (s.SequenceEqual("raise")) return TokenKind.Raise;
                if (s.SequenceEqual("while")) return TokenKind.While;
                if (s.SequenceEqual("yield")) return TokenKind.Yield;
                break;
            case 6:
                if (s.SequenceEqual("assert")) return TokenKind.Assert;
                if (s.SequenceEqual("except")) return TokenKind.Except;
                if (s.SequenceEqual("global")) return TokenKind.Global;
                if (s.SequenceEqual("import")) return TokenKind.Import;
                if (s.SequenceEqual("lambda")) return TokenKind.Lambda;
                if (s.SequenceEqual("return")) return TokenKind.Return;
                break;
            case 7:
                if (s.SequenceEqual("finally")) return TokenKind.Finally;
                break;
            case 8:
                if (s.SequenceEqual("continue")) return TokenKind.Continue;
                if (s.SequenceEqual("nonlocal")) return TokenKind.Nonlocal;
                break;
        }
        return TokenKind.Name;
    }

    public static bool IsKeyword(TokenKind k) => k >= TokenKind.False;
}
