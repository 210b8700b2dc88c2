using System.Text;

namespace Bulwark.Python;

/// <summary>
/// Decoded source with a line table. Converts character offsets to 1-based lines and columns
/// (0-based UTF-16 columns for Bulwark, 0-based UTF-8 byte columns for CPython compatibility).
/// Line breaks are \n, \r\n and lone \r, as in CPython.
/// </summary>
public sealed class SourceText
{
    readonly int[] _lineStarts;

    public SourceText(string text)
    {
        Text = text;
        // Vectorised search for the next line break: this runs over every character of every file read. The starts are
        // gathered in the thread's scratch buffer and copied once into an array of the exact size (a growing list
        // allocated about twice the table, and a large one on the large-object heap).
        var starts = t_scratch ??= new int[4096];
        int count = 1, i = 0;
        starts[0] = 0;
        while (true)
        {
            int found = text.AsSpan(i).IndexOfAny('\n', '\r');
            if (found < 0) break;
            i += found;
            if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
            if (count == starts.Length)
            {
                Array.Resize(ref starts, starts.Length * 2);
                if (starts.Length <= MaxScratch) t_scratch = starts;
            }
            starts[count++] = ++i;
        }
        _lineStarts = starts.AsSpan(0, count).ToArray();
    }

    [ThreadStatic] static int[]? t_scratch;
    /// <summary>A thread keeps a scratch buffer up to 1 MB; a file with more lines grows a buffer of its own.</summary>
    const int MaxScratch = 256 * 1024;

    public string Text { get; }
    public int LineCount => _lineStarts.Length;

    /// <summary>1-based line containing <paramref name="offset"/>.</summary>
    public int LineOf(int offset)
    {
        int i = Array.BinarySearch(_lineStarts, offset);
        return i >= 0 ? i + 1 : ~i;
    }

    public int LineStart(int line) => _lineStarts[line - 1];

    /// <summary>Start offset and length of a 1-based line, without its line break.</summary>
    public (int Start, int Length) LineExtent(int line)
    {
        int start = _lineStarts[line - 1];
        int end = line < _lineStarts.Length ? _lineStarts[line] : Text.Length;
        while (end > start && (Text[end - 1] == '\n' || Text[end - 1] == '\r')) end--;
        return (start, end - start);
    }

    public string LineText(int line)
    {
        var (s, l) = LineExtent(line);
        return Text.Substring(s, l);
    }

    /// <summary>1-based line and 0-based UTF-16 column.</summary>
    public (int Line, int Column) Position(int offset)
    {
        int line = LineOf(offset);
        return (line, offset - _lineStarts[line - 1]);
    }

    /// <summary>1-based line and 0-based UTF-8 byte column, as CPython's ast reports them.</summary>
    public (int Line, int ByteColumn) Utf8Position(int offset)
    {
        int line = LineOf(offset);
        int start = _lineStarts[line - 1];
        return (line, Encoding.UTF8.GetByteCount(Text.AsSpan(start, offset - start)));
    }
}
