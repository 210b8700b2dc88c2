using Bulwark.Python.Syntax;
using Bulwark.Semantics;

namespace Bulwark.Rules.Code.Blacklist;

/// <summary>
/// How Bandit's blacklist names a call: the callee's name through import aliases (as written when it is not
/// imported), except that
/// `__import__("m")`, `importlib.import_module("m")` and `importlib.__import__("m")` are named after the module
/// they import, so the import blacklists also see dynamic imports.
/// </summary>
static class BlacklistNames
{
    public readonly record struct CallName(string? Name, bool IsDynamicImport);

    // Every blacklist rule asks for the name of the same call in turn: the file's walk remembers the last answer
    // instead of rebuilding the dotted string.
    sealed class LastCall
    {
        public Call? Call;
        public CallName Name;
    }

    public static CallName Of(Call call, CodeContext context)
    {
        var last = context.PerFile<LastCall>();
        if (ReferenceEquals(call, last.Call)) return last.Name;
        var name = Compute(call, context.Semantic);
        last.Call = call;
        last.Name = name;
        return name;
    }

    static CallName Compute(Call call, SemanticModel model)
    {
        if (call.Func is Name { Id: "__import__" })
            return new(call.Args.Count > 0 && call.Args[0] is Constant { ValueKind: ConstantKind.Str } c ? c.AsString : null, true);
        // Bandit's name, not the strict one: a local `def pickle()` or a parameter named `hashlib` keeps its
        // written name, so every Bandit finding is found (the strict model would resolve them to nothing).
        var qualified = model.LooseQualifiedName(call.Func);
        if (qualified is "importlib.import_module" or "importlib.__import__")
        {
            Expr? target = call.Args.Count > 0 ? call.Args[0] : Keyword(call, "name");
            return new(target is null ? null : BanditLiteral.AsText(target), true);
        }
        return new(qualified, false);
    }

    public static Expr? Keyword(Call call, string name)
    {
        foreach (var kw in call.Keywords) if (kw.Name == name) return kw.Value;
        return null;
    }
}

/// <summary>
/// Bandit's view of a call argument as text: a string literal is its value, `True`/`False`/`None` their names,
/// an attribute its last part (`crypt.METHOD_MD5` is `METHOD_MD5`), a bare name its identifier; anything else null.
/// </summary>
static class BanditLiteral
{
    public static string? AsText(Expr e) => e switch
    {
        Constant { ValueKind: ConstantKind.Str } c => c.AsString,
        Constant { ValueKind: ConstantKind.True } => "True",
        Constant { ValueKind: ConstantKind.False } => "False",
        Constant { ValueKind: ConstantKind.None } => "None",
        AttributeExpr a => a.Attr,
        Name n => n.Id,
        _ => null,
    };
}
