using System.Text;
using Bulwark.Core;
using Bulwark.Secrets;

namespace Bulwark.Engine;

/// <summary>The source lines shown with a finding; the text of a sensitive (secret) span is masked.</summary>
public static class Snippets
{
    /// <summary>Up to three source lines of the location; a sensitive span keeps only its first four characters visible.</summary>
    public static string? Of(MaskedLines text, Location loc, bool sensitive)
    {
        if (loc.IsWholeFile || loc.StartLine > text.LineCount) return null;
        int last = Math.Min(Math.Min(loc.EndLine, text.LineCount), loc.StartLine + 2);
        var sb = new StringBuilder();
        for (int l = loc.StartLine; l <= last; l++)
        {
            // Every secret on a printed line is masked, whichever finding the snippet belongs to.
            var line = text.LineText(l);
            if (sensitive)
            {
                int from = l == loc.StartLine ? loc.StartColumn - 1 : 0;
                int to = l == loc.EndLine ? loc.EndColumn - 1 : line.Length;
                line = Mask(line, Math.Clamp(from, 0, line.Length), Math.Clamp(to, 0, line.Length), l == loc.StartLine);
            }
            if (l > loc.StartLine) sb.Append('\n');
            sb.Append(line);
        }
        return sb.ToString();
    }

    public static string Mask(string line, int from, int to, bool keepPrefix)
    {
        if (to <= from) return line;
        var chars = line.ToCharArray();
        int visible = keepPrefix ? Math.Min(4, (to - from) / 4) : 0;
        for (int i = from + visible; i < to; i++) chars[i] = '*';
        return new string(chars);
    }
}
