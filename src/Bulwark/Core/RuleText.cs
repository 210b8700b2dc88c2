using System.Text;

namespace Bulwark.Core;

/// <summary>
/// Rule documentation is Markdown, written in the source as raw string literals that read like Ruff's doc comments.
/// In the prose fields (<see cref="RuleInfo.What"/>, <see cref="RuleInfo.Why"/>, <see cref="RuleInfo.DifferencesFromBandit"/>)
/// a line break inside a paragraph is a soft break, read as a space, so prose can be wrapped in the source; a
/// paragraph with a list item, an indented line or a code fence keeps its line breaks, and blank lines separate
/// paragraphs.
/// </summary>
public static class RuleText
{
    /// <summary>The text with each plain paragraph on one line.</summary>
    public static string JoinSoftBreaks(string text)
    {
        if (!text.Contains('\n')) return text;
        var lines = text.Replace("\r\n", "\n").Split('\n');
        var result = new List<string>(lines.Length);
        int i = 0;
        while (i < lines.Length)
        {
            if (lines[i].Trim().Length == 0) { result.Add(lines[i++]); continue; }
            int end = i;
            bool keepsBreaks = false;
            for (; end < lines.Length && lines[end].Trim().Length > 0; end++) keepsBreaks |= KeepsBreak(lines[end]);
            if (keepsBreaks) result.AddRange(lines[i..end]);
            else
            {
                var joined = new StringBuilder();
                for (int k = i; k < end; k++) (joined.Length > 0 ? joined.Append(' ') : joined).Append(lines[k].TrimEnd());
                result.Add(joined.ToString());
            }
            i = end;
        }
        return string.Join('\n', result);
    }

    /// <summary>A line that makes its paragraph keep its line breaks: indented (code), a list item, or a fence.</summary>
    static bool KeepsBreak(string line) =>
        line.StartsWith(' ') || line.StartsWith('\t') || line.StartsWith("- ", StringComparison.Ordinal) ||
        line.StartsWith("* ", StringComparison.Ordinal) || line.StartsWith("```", StringComparison.Ordinal);
}
