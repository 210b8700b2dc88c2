using System.Text;
using System.Text.RegularExpressions;
using Bulwark.Python.Syntax;

namespace Bulwark.Rules.Code;

/// <summary>Recognising SQL in the constant parts of a string being built (B608, BW608).</summary>
static partial class SqlText
{
    /// <summary>Bandit's recognition: `select … from`, `delete from`, `insert into … values`, `update … set`, anywhere.</summary>
    [GeneratedRegex(@"(select\s.*from\s|delete\s+from\s|insert\s+into\s.*values[\s(]|update\s.*set\s)", RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.NonBacktracking)]
    public static partial Regex Bandit();

    /// <summary>Stricter: the text starts (after blanks, parentheses and quotes) with the statement's keyword.</summary>
    [GeneratedRegex(@"^[\s(""'`]*(select\s.*\sfrom\s|delete\s+from\s|insert\s+into\s.*values[\s(]|update\s+\S+\s+set\s|with\s+\w+\s+as\s*\(|replace\s+into\s|merge\s+into\s)", RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.NonBacktracking)]
    public static partial Regex Statement();

    /// <summary>Calls that run SQL.</summary>
    public static readonly HashSet<string> ExecuteNames = ["execute", "executemany"];

    /// <summary>Appends the string constants of a `+`/`%` chain, separated by a space (Bandit joins them this way).</summary>
    public static void CollectConstants(Expr e, StringBuilder sb)
    {
        if (e is BinOp b) { CollectConstants(b.Left, sb); CollectConstants(b.Right, sb); }
        else if (e is Constant { ValueKind: ConstantKind.Str } c)
        {
            if (sb.Length > 0) sb.Append(' ');
            sb.Append(c.AsString);
        }
    }
}
