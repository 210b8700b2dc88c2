using System.Runtime.CompilerServices;
using System.Text;
using Bulwark.Python.Syntax;

namespace Bulwark.Python;

/// <summary>Renders a tree exactly as CPython 3.13's `ast.dump(tree, include_attributes=True)` (3.14 nodes as 3.14 prints them).</summary>
public static class AstDump
{
    public static string Dump(Node node, SourceText text, bool includeAttributes = true)
    {
        var w = new Writer(text, includeAttributes);
        w.Write(node);
        return w.Sb.ToString();
    }

    sealed class Writer(SourceText text, bool attrs)
    {
        public readonly StringBuilder Sb = new();
        readonly SourceText _text = text;
        readonly bool _attrs = attrs;
        sbyte[]? _lineAscii;

        struct Fields { public bool First; }

        void Open(string name, ref Fields f) { Sb.Append(name).Append('('); f.First = true; }
        void Sep(ref Fields f) { if (!f.First) Sb.Append(", "); f.First = false; }

        void F(ref Fields f, string name, Node? n)
        {
            if (n is null) return;
            Sep(ref f);
            Sb.Append(name).Append('=');
            Write(n);
        }

        void F<T>(ref Fields f, string name, IReadOnlyList<T> list) where T : Node?
        {
            if (list.Count == 0) return;
            Sep(ref f);
            Sb.Append(name).Append("=[");
            for (int i = 0; i < list.Count; i++)
            {
                if (i > 0) Sb.Append(", ");
                if (list[i] is { } n) Write(n); else Sb.Append("None");
            }
            Sb.Append(']');
        }

        void S(ref Fields f, string name, string? s)
        {
            if (s is null) return;
            Sep(ref f);
            Sb.Append(name).Append('=');
            PyRepr.AppendStr(Sb, s);
        }

        void Names(ref Fields f, string name, IReadOnlyList<string> list)
        {
            if (list.Count == 0) return;
            Sep(ref f);
            Sb.Append(name).Append("=[");
            for (int i = 0; i < list.Count; i++)
            {
                if (i > 0) Sb.Append(", ");
                PyRepr.AppendStr(Sb, list[i]);
            }
            Sb.Append(']');
        }

        void Raw(ref Fields f, string name, string value)
        {
            Sep(ref f);
            Sb.Append(name).Append('=').Append(value);
        }

        void I(ref Fields f, string name, int value)
        {
            Sep(ref f);
            Sb.Append(name).Append('=').Append(value);
        }

        void Close(Node n, ref Fields f, bool hasPosition = true)
        {
            if (_attrs && hasPosition)
            {
                var (l1, c1) = Pos(n.Start);
                var (l2, c2) = Pos(n.End);
                Sep(ref f);
                Sb.Append("lineno=").Append(l1).Append(", col_offset=").Append(c1)
                  .Append(", end_lineno=").Append(l2).Append(", end_col_offset=").Append(c2);
            }
            Sb.Append(')');
        }

        (int, int) Pos(int offset)
        {
            int line = _text.LineOf(offset);
            int start = _text.LineStart(line);
            _lineAscii ??= new sbyte[_text.LineCount + 1];
            ref sbyte a = ref _lineAscii[line];
            if (a == 0)
            {
                var (s, len) = _text.LineExtent(line);
                a = (sbyte)(System.Text.Ascii.IsValid(_text.Text.AsSpan(s, len)) ? 1 : 2);
            }
            if (a == 1) return (line, offset - start);
            return (line, Encoding.UTF8.GetByteCount(_text.Text.AsSpan(start, offset - start)));
        }

        static string Ctx(ExprContext c) => c switch { ExprContext.Load => "Load()", ExprContext.Store => "Store()", _ => "Del()" };

        static string Op(Operator o) => o switch
        {
            Operator.Add => "Add()", Operator.Sub => "Sub()", Operator.Mult => "Mult()", Operator.MatMult => "MatMult()",
            Operator.Div => "Div()", Operator.Mod => "Mod()", Operator.Pow => "Pow()", Operator.LShift => "LShift()",
            Operator.RShift => "RShift()", Operator.BitOr => "BitOr()", Operator.BitXor => "BitXor()",
            Operator.BitAnd => "BitAnd()", _ => "FloorDiv()",
        };

        static string Cmp(CmpOperator o) => o switch
        {
            CmpOperator.Eq => "Eq()", CmpOperator.NotEq => "NotEq()", CmpOperator.Lt => "Lt()", CmpOperator.LtE => "LtE()",
            CmpOperator.Gt => "Gt()", CmpOperator.GtE => "GtE()", CmpOperator.Is => "Is()", CmpOperator.IsNot => "IsNot()",
            CmpOperator.In => "In()", _ => "NotIn()",
        };

        void ConstValue(Constant c)
        {
            switch (c.ValueKind)
            {
                case ConstantKind.None: Sb.Append("None"); break;
                case ConstantKind.True: Sb.Append("True"); break;
                case ConstantKind.False: Sb.Append("False"); break;
                case ConstantKind.Ellipsis: Sb.Append("Ellipsis"); break;
                case ConstantKind.Int: Sb.Append(PyRepr.Int((System.Numerics.BigInteger)c.Value!)); break;
                case ConstantKind.Float: Sb.Append(PyRepr.Float((double)c.Value!)); break;
                case ConstantKind.Complex: Sb.Append(PyRepr.Imaginary((double)c.Value!)); break;
                case ConstantKind.Str: PyRepr.AppendStr(Sb, (string)c.Value!, c.EscapedSurrogates); break;
                case ConstantKind.Bytes: PyRepr.AppendBytes(Sb, (byte[])c.Value!); break;
            }
        }

        public void Write(Node node)
        {
            RuntimeHelpers.EnsureSufficientExecutionStack();
            var f = new Fields();
            switch (node)
            {
                case Module m: Open("Module", ref f); F(ref f, "body", m.Body); F(ref f, "type_ignores", m.TypeIgnores); Close(m, ref f, false); return;
                case Interactive m: Open("Interactive", ref f); F(ref f, "body", m.Body); Close(m, ref f, false); return;
                case Expression m: Open("Expression", ref f); F(ref f, "body", m.Body); Close(m, ref f, false); return;
                case FunctionType m: Open("FunctionType", ref f); F(ref f, "argtypes", m.ArgTypes); F(ref f, "returns", m.Returns); Close(m, ref f, false); return;
                case FunctionDef d:
                    Open(d.IsAsync ? "AsyncFunctionDef" : "FunctionDef", ref f);
                    S(ref f, "name", d.Name); F(ref f, "args", d.Args); F(ref f, "body", d.Body); F(ref f, "decorator_list", d.DecoratorList);
                    F(ref f, "returns", d.Returns); S(ref f, "type_comment", d.TypeComment); F(ref f, "type_params", d.TypeParams);
                    Close(d, ref f); return;
                case ClassDef d:
                    Open("ClassDef", ref f);
                    S(ref f, "name", d.Name); F(ref f, "bases", d.Bases); F(ref f, "keywords", d.Keywords); F(ref f, "body", d.Body);
                    F(ref f, "decorator_list", d.DecoratorList); F(ref f, "type_params", d.TypeParams);
                    Close(d, ref f); return;
                case Return r: Open("Return", ref f); F(ref f, "value", r.Value); Close(r, ref f); return;
                case Delete d: Open("Delete", ref f); F(ref f, "targets", d.Targets); Close(d, ref f); return;
                case Assign a: Open("Assign", ref f); F(ref f, "targets", a.Targets); F(ref f, "value", a.Value); S(ref f, "type_comment", a.TypeComment); Close(a, ref f); return;
                case TypeAlias t: Open("TypeAlias", ref f); F(ref f, "name", t.Name); F(ref f, "type_params", t.TypeParams); F(ref f, "value", t.Value); Close(t, ref f); return;
                case AugAssign a: Open("AugAssign", ref f); F(ref f, "target", a.Target); Raw(ref f, "op", Op(a.Op)); F(ref f, "value", a.Value); Close(a, ref f); return;
                case AnnAssign a:
                    Open("AnnAssign", ref f); F(ref f, "target", a.Target); F(ref f, "annotation", a.Annotation); F(ref f, "value", a.Value);
                    I(ref f, "simple", a.Simple ? 1 : 0); Close(a, ref f); return;
                case For x:
                    Open(x.IsAsync ? "AsyncFor" : "For", ref f); F(ref f, "target", x.Target); F(ref f, "iter", x.Iter); F(ref f, "body", x.Body);
                    F(ref f, "orelse", x.Orelse); S(ref f, "type_comment", x.TypeComment); Close(x, ref f); return;
                case While x: Open("While", ref f); F(ref f, "test", x.Test); F(ref f, "body", x.Body); F(ref f, "orelse", x.Orelse); Close(x, ref f); return;
                case If x: Open("If", ref f); F(ref f, "test", x.Test); F(ref f, "body", x.Body); F(ref f, "orelse", x.Orelse); Close(x, ref f); return;
                case With x:
                    Open(x.IsAsync ? "AsyncWith" : "With", ref f); F(ref f, "items", x.Items); F(ref f, "body", x.Body); S(ref f, "type_comment", x.TypeComment);
                    Close(x, ref f); return;
                case MatchStmt x: Open("Match", ref f); F(ref f, "subject", x.Subject); F(ref f, "cases", x.Cases); Close(x, ref f); return;
                case Raise x: Open("Raise", ref f); F(ref f, "exc", x.Exc); F(ref f, "cause", x.Cause); Close(x, ref f); return;
                case Try x:
                    Open(x.IsStar ? "TryStar" : "Try", ref f); F(ref f, "body", x.Body); F(ref f, "handlers", x.Handlers); F(ref f, "orelse", x.Orelse);
                    F(ref f, "finalbody", x.Finalbody); Close(x, ref f); return;
                case Assert x: Open("Assert", ref f); F(ref f, "test", x.Test); F(ref f, "msg", x.Msg); Close(x, ref f); return;
                case Import x: Open("Import", ref f); F(ref f, "names", x.Names); Close(x, ref f); return;
                case ImportFrom x: Open("ImportFrom", ref f); S(ref f, "module", x.Module); F(ref f, "names", x.Names); I(ref f, "level", x.Level); Close(x, ref f); return;
                case Global x: Open("Global", ref f); Names(ref f, "names", x.Names); Close(x, ref f); return;
                case Nonlocal x: Open("Nonlocal", ref f); Names(ref f, "names", x.Names); Close(x, ref f); return;
                case ExprStmt x: Open("Expr", ref f); F(ref f, "value", x.Value); Close(x, ref f); return;
                case Pass x: Open("Pass", ref f); Close(x, ref f); return;
                case Break x: Open("Break", ref f); Close(x, ref f); return;
                case Continue x: Open("Continue", ref f); Close(x, ref f); return;

                case BoolOp x: Open("BoolOp", ref f); Raw(ref f, "op", x.Op == BoolOperator.And ? "And()" : "Or()"); F(ref f, "values", x.Values); Close(x, ref f); return;
                case NamedExpr x: Open("NamedExpr", ref f); F(ref f, "target", x.Target); F(ref f, "value", x.Value); Close(x, ref f); return;
                case BinOp x: Open("BinOp", ref f); F(ref f, "left", x.Left); Raw(ref f, "op", Op(x.Op)); F(ref f, "right", x.Right); Close(x, ref f); return;
                case UnaryOp x:
                    Open("UnaryOp", ref f);
                    Raw(ref f, "op", x.Op switch { UnaryOperator.Invert => "Invert()", UnaryOperator.Not => "Not()", UnaryOperator.UAdd => "UAdd()", _ => "USub()" });
                    F(ref f, "operand", x.Operand); Close(x, ref f); return;
                case Lambda x: Open("Lambda", ref f); F(ref f, "args", x.Args); F(ref f, "body", x.Body); Close(x, ref f); return;
                case IfExp x: Open("IfExp", ref f); F(ref f, "test", x.Test); F(ref f, "body", x.Body); F(ref f, "orelse", x.Orelse); Close(x, ref f); return;
                case DictExpr x: Open("Dict", ref f); F(ref f, "keys", x.Keys); F(ref f, "values", x.Values); Close(x, ref f); return;
                case SetExpr x: Open("Set", ref f); F(ref f, "elts", x.Elts); Close(x, ref f); return;
                case ListComp x: Open("ListComp", ref f); F(ref f, "elt", x.Elt); F(ref f, "generators", x.Generators); Close(x, ref f); return;
                case SetComp x: Open("SetComp", ref f); F(ref f, "elt", x.Elt); F(ref f, "generators", x.Generators); Close(x, ref f); return;
                case DictComp x: Open("DictComp", ref f); F(ref f, "key", x.Key); F(ref f, "value", x.Value); F(ref f, "generators", x.Generators); Close(x, ref f); return;
                case GeneratorExp x: Open("GeneratorExp", ref f); F(ref f, "elt", x.Elt); F(ref f, "generators", x.Generators); Close(x, ref f); return;
                case Await x: Open("Await", ref f); F(ref f, "value", x.Value); Close(x, ref f); return;
                case Yield x: Open("Yield", ref f); F(ref f, "value", x.Value); Close(x, ref f); return;
                case YieldFrom x: Open("YieldFrom", ref f); F(ref f, "value", x.Value); Close(x, ref f); return;
                case Compare x:
                    Open("Compare", ref f); F(ref f, "left", x.Left);
                    Sep(ref f); Sb.Append("ops=[");
                    for (int i = 0; i < x.Ops.Count; i++) { if (i > 0) Sb.Append(", "); Sb.Append(Cmp(x.Ops[i])); }
                    Sb.Append(']');
                    F(ref f, "comparators", x.Comparators); Close(x, ref f); return;
                case Call x: Open("Call", ref f); F(ref f, "func", x.Func); F(ref f, "args", x.Args); F(ref f, "keywords", x.Keywords); Close(x, ref f); return;
                case FormattedValue x: Open("FormattedValue", ref f); F(ref f, "value", x.Value); I(ref f, "conversion", x.Conversion); F(ref f, "format_spec", x.FormatSpec); Close(x, ref f); return;
                case Interpolation x:
                    Open("Interpolation", ref f); F(ref f, "value", x.Value); S(ref f, "str", x.Str); I(ref f, "conversion", x.Conversion);
                    F(ref f, "format_spec", x.FormatSpec); Close(x, ref f); return;
                case JoinedStr x: Open("JoinedStr", ref f); F(ref f, "values", x.Values); Close(x, ref f); return;
                case TemplateStr x: Open("TemplateStr", ref f); F(ref f, "values", x.Values); Close(x, ref f); return;
                case Constant x:
                    Open("Constant", ref f); Sep(ref f); Sb.Append("value="); ConstValue(x); S(ref f, "kind", x.StringKind); Close(x, ref f); return;
                case AttributeExpr x: Open("Attribute", ref f); F(ref f, "value", x.Value); S(ref f, "attr", x.Attr); Raw(ref f, "ctx", Ctx(x.Ctx)); Close(x, ref f); return;
                case Subscript x: Open("Subscript", ref f); F(ref f, "value", x.Value); F(ref f, "slice", x.Slice); Raw(ref f, "ctx", Ctx(x.Ctx)); Close(x, ref f); return;
                case Starred x: Open("Starred", ref f); F(ref f, "value", x.Value); Raw(ref f, "ctx", Ctx(x.Ctx)); Close(x, ref f); return;
                case Name x: Open("Name", ref f); S(ref f, "id", x.Id); Raw(ref f, "ctx", Ctx(x.Ctx)); Close(x, ref f); return;
                case ListExpr x: Open("List", ref f); F(ref f, "elts", x.Elts); Raw(ref f, "ctx", Ctx(x.Ctx)); Close(x, ref f); return;
                case TupleExpr x: Open("Tuple", ref f); F(ref f, "elts", x.Elts); Raw(ref f, "ctx", Ctx(x.Ctx)); Close(x, ref f); return;
                case Slice x: Open("Slice", ref f); F(ref f, "lower", x.Lower); F(ref f, "upper", x.Upper); F(ref f, "step", x.Step); Close(x, ref f); return;

                case Comprehension x:
                    Open("comprehension", ref f); F(ref f, "target", x.Target); F(ref f, "iter", x.Iter); F(ref f, "ifs", x.Ifs);
                    I(ref f, "is_async", x.IsAsync ? 1 : 0); Close(x, ref f, false); return;
                case ExceptHandler x: Open("ExceptHandler", ref f); F(ref f, "type", x.Type); S(ref f, "name", x.Name); F(ref f, "body", x.Body); Close(x, ref f); return;
                case Arguments x:
                    Open("arguments", ref f); F(ref f, "posonlyargs", x.Posonlyargs); F(ref f, "args", x.Args); F(ref f, "vararg", x.Vararg);
                    F(ref f, "kwonlyargs", x.Kwonlyargs); F(ref f, "kw_defaults", x.KwDefaults); F(ref f, "kwarg", x.Kwarg); F(ref f, "defaults", x.Defaults);
                    Close(x, ref f, false); return;
                case Arg x: Open("arg", ref f); S(ref f, "arg", x.Name); F(ref f, "annotation", x.Annotation); S(ref f, "type_comment", x.TypeComment); Close(x, ref f); return;
                case Keyword x: Open("keyword", ref f); S(ref f, "arg", x.Name); F(ref f, "value", x.Value); Close(x, ref f); return;
                case Alias x: Open("alias", ref f); S(ref f, "name", x.Name); S(ref f, "asname", x.AsName); Close(x, ref f); return;
                case WithItem x: Open("withitem", ref f); F(ref f, "context_expr", x.ContextExpr); F(ref f, "optional_vars", x.OptionalVars); Close(x, ref f, false); return;
                case MatchCase x: Open("match_case", ref f); F(ref f, "pattern", x.Pattern); F(ref f, "guard", x.Guard); F(ref f, "body", x.Body); Close(x, ref f, false); return;
                case MatchValue x: Open("MatchValue", ref f); F(ref f, "value", x.Value); Close(x, ref f); return;
                case MatchSingleton x: Open("MatchSingleton", ref f); Sep(ref f); Sb.Append("value="); ConstValue(x.Value); Close(x, ref f); return;
                case MatchSequence x: Open("MatchSequence", ref f); F(ref f, "patterns", x.Patterns); Close(x, ref f); return;
                case MatchMapping x: Open("MatchMapping", ref f); F(ref f, "keys", x.Keys); F(ref f, "patterns", x.Patterns); S(ref f, "rest", x.Rest); Close(x, ref f); return;
                case MatchClass x:
                    Open("MatchClass", ref f); F(ref f, "cls", x.Cls); F(ref f, "patterns", x.Patterns); Names(ref f, "kwd_attrs", x.KwdAttrs);
                    F(ref f, "kwd_patterns", x.KwdPatterns); Close(x, ref f); return;
                case MatchStar x: Open("MatchStar", ref f); S(ref f, "name", x.Name); Close(x, ref f); return;
                case MatchAs x: Open("MatchAs", ref f); F(ref f, "pattern", x.Pattern); S(ref f, "name", x.Name); Close(x, ref f); return;
                case MatchOr x: Open("MatchOr", ref f); F(ref f, "patterns", x.Patterns); Close(x, ref f); return;
                case TypeIgnore x: Open("TypeIgnore", ref f); I(ref f, "lineno", x.Lineno); S(ref f, "tag", x.Tag); Close(x, ref f, false); return;
                case TypeVar x: Open("TypeVar", ref f); S(ref f, "name", x.Name); F(ref f, "bound", x.Bound); F(ref f, "default_value", x.DefaultValue); Close(x, ref f); return;
                case ParamSpec x: Open("ParamSpec", ref f); S(ref f, "name", x.Name); F(ref f, "default_value", x.DefaultValue); Close(x, ref f); return;
                case TypeVarTuple x: Open("TypeVarTuple", ref f); S(ref f, "name", x.Name); F(ref f, "default_value", x.DefaultValue); Close(x, ref f); return;
            }
            throw new InvalidOperationException("unknown node " + node.GetType().Name);
        }
    }
}
