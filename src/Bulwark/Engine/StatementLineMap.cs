using Bulwark.Python;
using Bulwark.Python.Syntax;

namespace Bulwark.Engine;

/// <summary>
/// For each line, the first line of the statement covering it and the last line of that statement's header, so a
/// suppression comment on either line of a multi-line statement covers it.
/// </summary>
public static class StatementLineMap
{
    /// <summary>Line → first line of the statement that covers it (for suppressions on a multi-line statement's first line).</summary>
    public static (int[] Starts, int[] Ends) Of(ParseResult parse)
    {
        var starts = new int[parse.Text.LineCount + 2];
        var ends = new int[parse.Text.LineCount + 2];
        new StatementLines(parse.Text, starts, ends).Visit(parse.Module);
        return (starts, ends);
    }

    sealed class StatementLines(SourceText text, int[] map, int[] ends) : AstWalker
    {
        public override void Visit(Node node)
        {
            if (node is Stmt stmt)
            {
                int first = text.LineOf(stmt.Start);
                int last = text.LineOf(Math.Max(stmt.Start, stmt.End - 1));
                int headerEnd = FirstBodyLine(stmt) is int b and > 0 ? Math.Min(last, b - 1) : last;
                for (int l = first; l <= headerEnd && l < map.Length; l++) { map[l] = first; ends[l] = headerEnd; }
            }
            node.WalkChildren(this);
        }

        int FirstBodyLine(Stmt s)
        {
            IReadOnlyList<Stmt>? body = s switch
            {
                FunctionDef f => f.Body, ClassDef c => c.Body, For f => f.Body, While w => w.Body, If i => i.Body,
                With w => w.Body, Try t => t.Body, _ => null,
            };
            if (s is MatchStmt m && m.Cases.Count > 0) return text.LineOf(m.Cases[0].Pattern.Start);
            return body is { Count: > 0 } ? text.LineOf(body[0].Start) : 0;
        }
    }
}
