using Bulwark.Python.Syntax;
using Bulwark.Semantics;

namespace Bulwark.Rules.Secrets;

/// <summary>Where a Python string literal is bound: the name it is known by and the definition around it.</summary>
static class SecretTargets
{
    /// <summary>The name an assignment target or comparison operand is known by: `x`, `obj.x`.</summary>
    public static string? TargetName(Expr e) => e switch
    {
        Name n => n.Id,
        AttributeExpr a => a.Attr,
        _ => null,
    };

    /// <summary>`Class.method` / `function` / `` (module level): part of a secret finding's fingerprint.</summary>
    public static string EnclosingDefinition(Node node, SemanticModel model)
    {
        var parts = new List<string>();
        for (var n = model.Parent(node); n is not null; n = model.Parent(n))
        {
            if (n is FunctionDef f) parts.Add(f.Name);
            else if (n is ClassDef c) parts.Add(c.Name);
        }
        parts.Reverse();
        return string.Join('.', parts);
    }
}
