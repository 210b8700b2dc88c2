using Bulwark.Python.Syntax;
using Bulwark.Semantics;

namespace Bulwark.Rules;

/// <summary>Questions about constant byte and string values that rules of several families ask.</summary>
public static class Literals
{
    /// <summary>A literal, a constant, `b"\0" * 16`, `bytes(16)`, `bytearray(16)`, `"…".encode()`, or a local bound once to one.</summary>
    public static bool IsConstantBytes(Expr e, SemanticModel model, int depth = 0)
    {
        if (depth > 4) return false;
        if (model.Evaluate(e) is { Kind: ValueKind.Bytes or ValueKind.Str }) return true;
        switch (e)
        {
            case BinOp { Op: Operator.Mult } m:
                return (model.Evaluate(m.Left) is { Kind: ValueKind.Bytes or ValueKind.Str } && model.IntValue(m.Right) is not null)
                    || (model.Evaluate(m.Right) is { Kind: ValueKind.Bytes or ValueKind.Str } && model.IntValue(m.Left) is not null);
            case Call { Func: Name { Id: "bytes" or "bytearray" } f, Args.Count: 1 } c when model.IsBuiltin(f):
                return model.IntValue(c.Args[0]) is not null || model.Evaluate(c.Args[0]) is { Kind: ValueKind.Str or ValueKind.Bytes };
            case Call { Func: AttributeExpr { Attr: "encode", Value: var s } }:
                return model.Evaluate(s) is { Kind: ValueKind.Str };
            case Name n when model.BindingOf(n) is { Kind: BindingKind.Assignment, Value: { } v } b && b.Scope.BindingsOf(n.Id).Count == 1 && v is not Name:
                return IsConstantBytes(v, model, depth + 1);
            default:
                return false;
        }
    }

    /// <summary>The literal node that holds the constant (for locations), following a local bound once.</summary>
    public static Expr Origin(Expr e, SemanticModel model) =>
        e is Name n && model.BindingOf(n) is { Kind: BindingKind.Assignment, Value: { } v } b && b.Scope.BindingsOf(n.Id).Count == 1 ? v : e;
}
