using Bulwark.Python.Syntax;

namespace Bulwark.Semantics;

/// <summary>
/// Per-module name resolution: which qualified name an expression refers to through imports and aliases.
/// (First version: one import table per module, as Bandit keeps; the code-rules issue extends it with scopes.)
/// </summary>
public sealed class SemanticModel
{
    readonly Dictionary<string, string> _aliases = new(StringComparer.Ordinal);
    readonly HashSet<string> _importedModules = new(StringComparer.Ordinal);

    SemanticModel() { }

    /// <summary>Top-level names of every module imported (`os` for `import os.path`).</summary>
    public IReadOnlySet<string> ImportedModules => _importedModules;

    public static SemanticModel Build(Module module)
    {
        var model = new SemanticModel();
        new ImportCollector(model).Visit(module);
        return model;
    }

    /// <summary>`subprocess.Popen` for `sp.Popen` after `import subprocess as sp`; null when not a dotted name.</summary>
    public string? QualifiedName(Expr expr)
    {
        switch (expr)
        {
            case Name n:
                return _aliases.TryGetValue(n.Id, out var q) ? q : n.Id;
            case AttributeExpr a:
                var inner = QualifiedName(a.Value);
                return inner is null ? null : inner + "." + a.Attr;
            default:
                return null;
        }
    }

    public bool Resolves(Expr expr, string qualifiedName) => QualifiedName(expr) == qualifiedName;

    sealed class ImportCollector(SemanticModel model) : AstWalker
    {
        public override void Visit(Node node)
        {
            switch (node)
            {
                case Import imp:
                    foreach (var a in imp.Names)
                    {
                        var top = a.Name.Split('.')[0];
                        model._importedModules.Add(top);
                        if (a.AsName is { } asName) model._aliases[asName] = a.Name;
                        else model._aliases[top] = top;
                    }
                    return;
                case ImportFrom from:
                    if (from.Level == 0 && from.Module is { } m) model._importedModules.Add(m.Split('.')[0]);
                    foreach (var a in from.Names)
                    {
                        if (a.Name == "*") continue;
                        var qualified = from.Level > 0 ? a.Name : (from.Module is null ? a.Name : from.Module + "." + a.Name);
                        model._aliases[a.AsName ?? a.Name] = qualified;
                    }
                    return;
            }
            base.Visit(node);
        }
    }
}
