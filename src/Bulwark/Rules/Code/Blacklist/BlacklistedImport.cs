using Bulwark.Core;
using Bulwark.Python.Syntax;

namespace Bulwark.Rules.Code.Blacklist;

/// <summary>
/// A Bandit B4xx check: importing one of a list of modules. Following Bandit, an `import a.b` or `from a import b`
/// statement is reported once when a dotted name it imports (`a.b`) starts with a listed name (a plain prefix test, so `pickle` also
/// covers `pickletools`), relative imports included (`from ..subprocess import x` names `subprocess.x`), and a
/// call is reported when it imports or calls a listed name exactly (`__import__("pickle")`,
/// `importlib.import_module("telnetlib")`, `CGIHandler()` for B412).
/// </summary>
public abstract class BlacklistedImport : CodeRule
{
    /// <summary>The module (or class) names reported, as Bandit 1.9 lists them.</summary>
    protected abstract IReadOnlyList<string> Modules { get; }

    internal IReadOnlyList<string> ListedModules => Modules;

    public override IReadOnlyList<NodeKind> Kinds { get; } = [NodeKind.Import, NodeKind.ImportFrom, NodeKind.Call];

    CallInterest? _calls;

    /// <summary>
    /// The calls it looks at: those Bandit names after a listed module (<see cref="BlacklistNames"/>), and dynamic
    /// imports (`__import__` as written, `importlib.import_module`, `importlib.__import__`), named after what they import.
    /// </summary>
    public override CallInterest? Calls => _calls ??= new CallInterest
    {
        LooseNames = [.. Modules, "importlib.import_module", "importlib.__import__"],
        LastNames = ["__import__"],
    };

    /// <summary>The finding's message for an import of <paramref name="name"/>.</summary>
    protected abstract string Message(string name);

    public override void Check(Node node, CodeContext context)
    {
        switch (node)
        {
            case Import import:
            {
                var names = import.Names;
                for (int i = 0; i < names.Count; i++)
                    if (StartsWithListed(null, names[i].Name)) { context.Report(this, import, Message(names[i].Name)); break; }
                break;
            }
            case ImportFrom from:
            {
                // One finding per statement, as Bandit: `from xml.sax import a, b, c` is one decision to review.
                var names = from.Names;
                for (int i = 0; i < names.Count; i++)
                    if (StartsWithListed(from.Module, names[i].Name))
                    {
                        context.Report(this, from, Message(from.Module is null ? names[i].Name : from.Module + "." + names[i].Name));
                        break;
                    }
                break;
            }
            case Call call:
                var name = BlacklistNames.Of(call, context).Name;
                if (name is null) return;
                var modules = Modules;
                for (int i = 0; i < modules.Count; i++)
                    if (modules[i] == name) { context.Report(this, call, Message(name)); return; }
                break;
        }
    }

    /// <summary>
    /// Whether `module.name` (or `name` alone) starts with a listed module. Every import rule asks this of every
    /// imported name, so the dotted name is not built as a string unless it is reported.
    /// </summary>
    bool StartsWithListed(string? module, string name)
    {
        var modules = Modules;
        for (int i = 0; i < modules.Count; i++)
        {
            var m = modules[i];
            if (module is null) { if (name.StartsWith(m, StringComparison.Ordinal)) return true; continue; }
            // `module + "." + name` starts with m: m lies within the module, or m is the module, a dot and a start of name.
            if (m.Length <= module.Length)
            {
                if (module.StartsWith(m, StringComparison.Ordinal)) return true;
            }
            else if (m.StartsWith(module, StringComparison.Ordinal) && m[module.Length] == '.'
                && name.StartsWith(m.AsSpan(module.Length + 1), StringComparison.Ordinal)) return true;
        }
        return false;
    }

    protected static string Listing(IReadOnlyList<string> names) => "`" + string.Join("`, `", names) + "`";
}
