using Bulwark.Python.Syntax;

namespace Bulwark.Semantics;

public sealed partial class SemanticModel
{
    /// <summary>
    /// The value is built only from constants and from values that cannot carry attacker text, on every definition
    /// that reaches each name: literals and module constants, `+`/`%`/f-strings/`str.format`/`join` of such parts,
    /// string methods of such strings, and numbers whatever they come from (`int(x)`, `len(x)`, `float(x)`,
    /// `bool(x)`). A query or command that passes this is fixed by the program, so there is nothing to inject.
    /// </summary>
    public bool IsBuiltFromConstants(Expr? expr) => expr is not null && BuiltFromConstants(expr, 0);

    static readonly HashSet<string> NumericBuiltins = new(StringComparer.Ordinal) { "int", "float", "len", "bool", "abs", "round", "ord", "hash" };
    static readonly HashSet<string> StringMethods = new(StringComparer.Ordinal)
    {
        "upper", "lower", "strip", "lstrip", "rstrip", "title", "capitalize", "casefold", "replace", "encode", "decode",
        "zfill", "ljust", "rjust", "center",
    };

    bool BuiltFromConstants(Expr expr, int depth)
    {
        if (depth > MaxEvaluationDepth) return false;
        // a scalar known at analysis time (a container's value may hold unknown items)
        if (Evaluate(expr, depth) is { Kind: not (ValueKind.List or ValueKind.Tuple or ValueKind.Dict) }) return true;
        switch (expr)
        {
            case Constant:
                return true;
            case Name n:
                return NameBuiltFromConstants(n, depth);
            case BinOp { Op: Operator.Add or Operator.Mod or Operator.Mult or Operator.Sub or Operator.Div or Operator.FloorDiv } b:
                return BuiltFromConstants(b.Left, depth + 1) && BuiltFromConstants(b.Right, depth + 1);
            case JoinedStr j:
                foreach (var part in j.Values)
                    if (part is FormattedValue fv && !BuiltFromConstants(fv.Value, depth + 1)) return false;
                return true;
            case TupleExpr t:
                return AllBuiltFromConstants(t.Elts, depth);
            case ListExpr l:
                return AllBuiltFromConstants(l.Elts, depth);
            case DictExpr d:
                return AllBuiltFromConstants(d.Values, depth);
            case IfExp ie:
                return Evaluate(ie.Test, depth + 1) is { } test
                    ? BuiltFromConstants(test.Truthy ? ie.Body : ie.Orelse, depth + 1)
                    : BuiltFromConstants(ie.Body, depth + 1) && BuiltFromConstants(ie.Orelse, depth + 1);
            case Call call:
                return CallBuiltFromConstants(call, depth);
            default:
                return false;
        }
    }

    bool AllBuiltFromConstants(IReadOnlyList<Expr?> items, int depth)
    {
        foreach (var e in items)
            if (e is null || e is Starred || !BuiltFromConstants(e, depth + 1)) return false;
        return true;
    }

    bool CallBuiltFromConstants(Call call, int depth)
    {
        if (call.Func is Name f && IsBuiltin(f))
        {
            if (NumericBuiltins.Contains(f.Id)) return true;
            if (f.Id is "str" or "repr")
                return call.Args.Count == 0 || call.Args.Count == 1 && BuiltFromConstants(call.Args[0], depth + 1);
            return false;
        }
        if (call.Func is not AttributeExpr { Value: var receiver, Attr: var method }) return false;
        foreach (var k in call.Keywords)
            if (!BuiltFromConstants(k.Value, depth + 1)) return false;
        foreach (var a in call.Args)
            if (!BuiltFromConstants(a is Starred s ? s.Value : a, depth + 1)) return false;
        return method switch
        {
            "format" or "join" => BuiltFromConstants(receiver, depth + 1),
            _ => StringMethods.Contains(method) && BuiltFromConstants(receiver, depth + 1),
        };
    }

    bool NameBuiltFromConstants(Name n, int depth)
    {
        if (_building == 0 && Reaching(n) is { } defs)
        {
            if (defs.Length == 0) return false;
            foreach (var d in defs)
                if (!DefinitionBuiltFromConstants(d, depth + 1)) return false;
            return true;
        }
        var b = BindingOf(n);
        if (b is null || b.Kind != BindingKind.Assignment || b.Value is null) return false;
        if (b.Scope.BindingsOf(n.Id).Count != 1) return false;
        if (ReferenceEquals(ScopeOf(n), b.Scope) && b.Position > n.Start) return false;
        return BuiltFromConstants(b.Value, depth + 1);
    }

    bool DefinitionBuiltFromConstants(Definition d, int depth)
    {
        if (depth > MaxEvaluationDepth) return false;
        switch (d.Kind)
        {
            case DefinitionKind.Assignment or DefinitionKind.Walrus when d.Value is not null && !d.Starred:
                Expr? e = d.Value;
                foreach (var i in d.Unpack ?? [])
                {
                    var elts = e switch { TupleExpr t => t.Elts, ListExpr l => l.Elts, _ => null };
                    if (elts is null || i >= elts.Count || elts.Any(x => x is Starred)) return false;
                    e = elts[i];
                }
                return BuiltFromConstants(e, depth + 1);
            case DefinitionKind.Loop or DefinitionKind.Comprehension when d.Value is not null && d.Unpack is null:
                // an item of a literal collection of constants
                return d.Value switch
                {
                    TupleExpr t => AllBuiltFromConstants(t.Elts, depth),
                    ListExpr l => AllBuiltFromConstants(l.Elts, depth),
                    SetExpr set => AllBuiltFromConstants(set.Elts, depth),
                    _ => false,
                };
            case DefinitionKind.Narrowing:
                foreach (var p in d.Prior)
                    if (!DefinitionBuiltFromConstants(p, depth + 1)) return false;
                return d.Prior.Count > 0;
            case DefinitionKind.AugmentedAssignment when d.Node is AugAssign aug && d.Member is null:
                foreach (var p in d.Prior)
                    if (!DefinitionBuiltFromConstants(p, depth + 1)) return false;
                return d.Prior.Count > 0 && BuiltFromConstants(aug.Value, depth + 1);
            default:
                return false;
        }
    }
}
