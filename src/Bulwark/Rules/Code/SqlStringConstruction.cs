using System.Text;
using Bulwark.Core;
using Bulwark.Python.Syntax;
using Bulwark.Semantics;

namespace Bulwark.Rules.Code;

/// <summary>BW608 — B608 for the default profile: a SQL statement assembled from data, not a message mentioning SQL.</summary>
public sealed class SqlStringConstruction : CodeRule
{
    /// <summary>Calls whose text is for people, not for a database: logging, printing, exceptions, warnings.</summary>
    static readonly HashSet<string> MessageCalls =
    [
        "debug", "info", "warning", "warn", "error", "exception", "critical", "fatal", "log", "print", "echo", "secho",
        "gettext", "_", "ngettext", "gettext_lazy", "ugettext", "ugettext_lazy",
    ];

    static readonly HashSet<string> SqlRunners =
        ["execute", "executemany", "executescript", "raw", "read_sql", "read_sql_query", "text", "RawSQL", "exec_driver_sql", "mogrify", "query"];

    public override RuleInfo Info { get; } = new(
        Id: "BW608", Name: "sql-string-construction", Family: Family.Code,
        Severity: Severity.Medium, Confidence: Confidence.Low, Cwe: 89,
        What: """
            A SQL statement (text starting with `SELECT … FROM`, `INSERT INTO … VALUES`, `UPDATE … SET`, `DELETE FROM`,
            `WITH … AS (`) assembled with `+`, `%`, `.format()` or an f-string from at least one value not known at
            analysis time. Medium confidence when passed straight to a SQL-running call (`execute`, `executemany`,
            `raw`, `read_sql`, `text`…). Messages for logging, printing, exceptions and translations are ignored.
            """,
        Why: """
            SQL assembled from strings lets input change the statement: an attacker reads or modifies any data the
            database account can reach (SQL injection).
            """,
        Example: """cur.execute(f"SELECT * FROM users WHERE name = '{name}'")""",
        Fix: """cur.execute("SELECT * FROM users WHERE name = %s", (name,))""",
        References: [Bandit.Doc("B608", "hardcoded_sql_expressions"), Bandit.Cwe(89),
                     "https://cheatsheetseries.owasp.org/cheatsheets/Query_Parameterization_Cheat_Sheet.html"])
    {
        Compliance = Compliance.Injection,
        Aliases = ["B608", "S608"],
        Profiles = RuleProfile.Default,
        DifferencesFromBandit = """
            Replaces B608 in the default profile. Bandit reports any string containing "select … from" (anywhere) that
            is concatenated or formatted, including log messages such as `log.info("could not select rows from %s" %
            table)` and fully constant concatenations; BW608 requires the text to start like a SQL statement, at least
            one non-constant part, and skips logging/print/exception/translation arguments. One finding per expression
            instead of one per literal. A query built only from constants and numbers on every path (module constants,
            branches that each assign a constant query, `int(...)` parts) is not reported; a query that request data
            reaches is reported by INJ001 with its path, which replaces this finding. `# nosec B608` applies to it.
            """,
    };

    public override IReadOnlyList<NodeKind> Kinds { get; } = [NodeKind.BinOp, NodeKind.JoinedStr, NodeKind.Call];

    /// <summary>Of calls, only `"…".format(…)`; concatenations and f-strings reach it by kind.</summary>
    public override CallInterest? Calls { get; } = new() { LastNames = ["format"] };

    public override void Check(Node node, CodeContext context)
    {
        // The text is read from the literal parts alone and tested for SQL first: evaluating the parts (which may
        // solve the function's reaching definitions) is paid only for strings that look like SQL.
        string text;
        Expr built = (Expr)node;
        switch (node)
        {
            case BinOp b when b.Op is Operator.Add or Operator.Mod:
                if (context.Semantic.Parent(b) is BinOp) return; // reported once, at the root of the chain
                if (!HasStringConstant(b)) return; // numbers, names: no SQL text (the regex needs a keyword)
                var sb = new StringBuilder();
                SqlText.CollectConstants(b, sb);
                text = sb.ToString();
                break;
            case JoinedStr j:
                var parts = new StringBuilder();
                foreach (var v in j.Values)
                    parts.Append(v is Constant { ValueKind: ConstantKind.Str } c ? c.AsString : " ? ");
                text = parts.ToString();
                break;
            case Call { Func: AttributeExpr { Attr: "format", Value: Constant { ValueKind: ConstantKind.Str } fmt } }:
                text = fmt.AsString!;
                break;
            default:
                return;
        }
        if (!SqlText.IsStatement(text)) return;
        var model = context.Semantic;
        switch (node)
        {
            case BinOp or JoinedStr:
                if (model.Evaluate(built) is not null) return; // entirely constant
                break;
            case Call call:
                bool allConstant = true;
                foreach (var a in call.Args) allConstant &= model.Evaluate(a) is not null;
                foreach (var k in call.Keywords) allConstant &= model.Evaluate(k.Value) is not null;
                if (allConstant) return;
                break;
        }
        if (model.IsBuiltFromConstants(built)) return; // every part is a constant or a number on every path
        var consumer = Consumer(built, model);
        if (consumer is not null && SemanticModel.SimpleName(consumer.Func) is { } name && MessageCalls.Contains(name)) return;
        if (IsExceptionMessage(built, model)) return;
        bool runs = consumer is not null && SemanticModel.SimpleName(consumer.Func) is { } runner && SqlRunners.Contains(runner);
        context.Report(this, built, runs
                ? "SQL statement built from data and executed: use query parameters."
                : "SQL statement built from data: use query parameters when it is executed.",
            Severity.Medium, runs ? Confidence.Medium : Confidence.Low);
    }

    /// <summary>A string literal somewhere in the `+`/`%` chain (what <see cref="SqlText.CollectConstants"/> collects).</summary>
    static bool HasStringConstant(Expr e) => e switch
    {
        BinOp b => HasStringConstant(b.Left) || HasStringConstant(b.Right),
        Constant { ValueKind: ConstantKind.Str } => true,
        _ => false,
    };

    /// <summary>The call the built string is an argument of (directly or as a keyword value), if any.</summary>
    static Call? Consumer(Expr e, SemanticModel model) => model.Parent(e) switch
    {
        Call c when !ReferenceEquals(c.Func, e) => c,
        Keyword k when model.Parent(k) is Call kc => kc,
        _ => null,
    };

    static bool IsExceptionMessage(Expr e, SemanticModel model) =>
        Consumer(e, model) is { } c && SemanticModel.SimpleName(c.Func) is { } n && (n.EndsWith("Error", StringComparison.Ordinal) || n.EndsWith("Exception", StringComparison.Ordinal)
                                                                         || n.EndsWith("Warning", StringComparison.Ordinal));
}
