using System.Text;
using Bulwark.Core;
using Bulwark.Python.Syntax;
using Bulwark.Semantics;

namespace Bulwark.Rules.Code;

/// <summary>B608 — SQL text built by string operations (Bandit's check).</summary>
public sealed class HardcodedSqlExpressions : CodeRule
{
    public override RuleInfo Info { get; } = new(
        Id: "B608", Name: "hardcoded-sql-expressions", Family: Family.Code,
        Severity: Severity.Medium, Confidence: Confidence.Low, Cwe: 89,
        What: """
            String literals that look like SQL (`select … from`, `insert into … values`, `update … set`, `delete from`)
            and take part in `+` or `%` operations, a `.format()`/`.replace()` call or an f-string. Medium confidence
            when the result goes straight to `execute`/`executemany`.
            """,
        Why: """
            SQL assembled from strings lets input change the statement: an attacker reads or modifies any data the
            database account can reach (SQL injection).
            """,
        Example: """cur.execute("SELECT * FROM users WHERE name = '%s'" % name)""",
        Fix: """cur.execute("SELECT * FROM users WHERE name = %s", (name,))""",
        References: [Bandit.Doc("B608", "hardcoded_sql_expressions"), Bandit.Cwe(89)])
    {
        Compliance = Compliance.Injection,
        Aliases = ["S608"],
        Profiles = RuleProfile.Bandit,
        DifferencesFromBandit = """
            Bandit's check, kept as is for `--profile bandit`: it also fires on log and error messages that merely
            contain "select … from". The default profile runs BW608 instead.
            """,
    };

    public override IReadOnlyList<NodeKind> Kinds { get; } = [NodeKind.Constant];

    static void CollectOutside(BinOp node, BinOp stop, StringBuilder sb)
    {
        if (ReferenceEquals(node, stop)) return;
        foreach (var side in new[] { node.Left, node.Right })
        {
            if (side is BinOp inner) CollectOutside(inner, stop, sb);
            else if (side is Constant { ValueKind: ConstantKind.Str } c) sb.Append(' ').Append(c.AsString);
        }
    }

    public override void Check(Node node, CodeContext context)
    {
        if (node is not Constant { ValueKind: ConstantKind.Str } literal || Bandit.IsDocstringLike(literal, context.Semantic)) return;
        var model = context.Semantic;
        Node? wrapper = null;
        string statement = "";
        bool replace = false;
        switch (model.Parent(literal))
        {
            case BinOp parent:
                // Bandit's concatenation: this literal, then the chain's literals outside this literal's own parent
                // operation (so in `"SELECT … '" + x + "'"` only the first literal sees the SQL text).
                Node root = parent;
                while (model.Parent(root) is BinOp up) root = up;
                var sb = new StringBuilder(literal.AsString);
                CollectOutside((BinOp)root, parent, sb);
                statement = sb.ToString();
                wrapper = model.Parent(root);
                break;
            case AttributeExpr { Attr: "format" or "replace" } attr when ReferenceEquals(attr.Value, literal):
                statement = literal.AsString!;
                replace = attr.Attr == "replace";
                wrapper = model.Parent(attr) is { } formatCall ? model.Parent(formatCall) : null;
                break;
            case JoinedStr joined:
                Constant? first = null;
                var parts = new StringBuilder();
                foreach (var v in joined.Values)
                    if (v is Constant { ValueKind: ConstantKind.Str } part) { first ??= part; parts.Append(part.AsString); }
                if (!ReferenceEquals(first, literal)) return;
                statement = parts.ToString();
                wrapper = model.Parent(joined);
                break;
        }
        if (statement.Length == 0 || !SqlText.Bandit().IsMatch(statement)) return;
        bool executed = wrapper is Call call && SemanticModel.SimpleName(call.Func) is { } n && SqlText.ExecuteNames.Contains(n);
        context.Report(this, literal, "Possible SQL injection vector through string-based query construction.",
            Severity.Medium, executed && !replace ? Confidence.Medium : Confidence.Low);
    }
}
