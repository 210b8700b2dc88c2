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
        var starts = new List<int>(text.Length / 32 + 1) { 0 };
        // Vectorised search for the next line break: this runs over every byte of every file read.
        int i = 0;
        while (true)
        {
            int found = text.AsSpan(i).IndexOfAny('\n', '\r');
            if (found < 0) break;
            i += found;
            if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
            starts.Add(++i);
        }
        _lineStarts = starts.ToArray();
    }

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
