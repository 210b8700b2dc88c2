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

    /// <summary>The finding's message for an import of <paramref name="name"/>.</summary>
    protected abstract string Message(string name);

    public override void Check(Node node, CodeContext context)
    {
        switch (node)
        {
            case Import import:
            {
                string? first = null;
                foreach (var alias in import.Names)
                    if (StartsWithListed(alias.Name)) { first = alias.Name; break; }
                if (first is not null) context.Report(this, import, Message(first));
                break;
            }
            case ImportFrom from:
            {
                // One finding per statement, as Bandit: `from xml.sax import a, b, c` is one decision to review.
                var prefix = from.Module is null ? "" : from.Module + ".";
                string? first = null;
                foreach (var alias in from.Names)
                {
                    var full = prefix + alias.Name;
                    if (StartsWithListed(full)) { first = full; break; }
                }
                if (first is not null) context.Report(this, from, Message(first));
                break;
            }
            case Call call:
                var name = BlacklistNames.Of(call, context).Name;
                if (name is null) return;
                foreach (var m in Modules)
                    if (m == name) { context.Report(this, call, Message(name)); return; }
                break;
        }
    }

    bool StartsWithListed(string dotted)
    {
        foreach (var m in Modules)
            if (dotted.StartsWith(m, StringComparison.Ordinal)) return true;
        return false;
    }

    protected static string Listing(IReadOnlyList<string> names) => "`" + string.Join("`, `", names) + "`";
}
