using System.Text;
using System.Text.Json;

namespace Bulwark.Documents.Notebooks;

/// <summary>One line of a code cell as it sits in the `.ipynb` file.</summary>
/// <param name="Cell">1-based number of the cell among all cells (markdown ones count, as Jupyter numbers them).</param>
/// <param name="LineInCell">1-based line inside the cell.</param>
/// <param name="FileLine">1-based line of the `.ipynb` file holding this line's JSON string.</param>
/// <param name="FileColumn">1-based UTF-16 column in that file line where this line's text starts (after the quote or escape).</param>
/// <param name="Raw">The JSON-escaped text of the line as written in the file (for mapping columns past escapes).</param>
public sealed record NotebookLine(int Cell, int LineInCell, int FileLine, int FileColumn, string Raw);

/// <summary>
/// A Jupyter notebook's code cells as one Python module: the cells joined in order, IPython magics and shell escapes
/// (`%time`, `!pip install`, a `%%bash` cell, `obj?` help) replaced by `pass` at the same indentation so the code
/// still parses and nothing they contain is analysed as Python. Every line of <see cref="Code"/> maps back to its
/// cell, its line in the cell, and its place in the `.ipynb` file (<see cref="Lines"/>, index = line − 1).
/// </summary>
public sealed class Notebook
{
    public required string Code { get; init; }
    public required IReadOnlyList<NotebookLine> Lines { get; init; }
    public int CodeCells { get; init; }
    /// <summary>The kernel's language when the notebook says (`metadata.kernelspec.language`, `language_info.name`).</summary>
    public string? Language { get; init; }
    /// <summary>The kernel's name (`metadata.kernelspec.name`), which is what Jupyter starts: `python3`.</summary>
    public string? KernelName { get; init; }
    /// <summary>
    /// Python unless the notebook says otherwise everywhere: the language fields are labels a notebook can set to anything,
    /// so a `python3` kernel name is enough.
    /// </summary>
    public bool IsPython => Language is null && KernelName is null || SaysPython(Language) || SaysPython(KernelName);

    static bool SaysPython(string? name) => name is not null && name.StartsWith("python", StringComparison.OrdinalIgnoreCase);

    // Cell magics whose body IPython runs as Python (timing, capturing, profiling): only their first line is a magic.
    static readonly string[] PythonBodiedCellMagics = ["time", "timeit", "capture", "prun"];

    /// <summary>`%%timeit -n 3` → `timeit`.</summary>
    static string MagicName(string line)
    {
        var t = line.TrimStart()[2..];
        int end = 0;
        while (end < t.Length && (char.IsLetterOrDigit(t[end]) || t[end] == '_')) end++;
        return t[..end];
    }

    /// <summary>An IPython help query (`obj?`, `obj.attr??`, `?obj`): a dotted name and question marks, nothing else.</summary>
    static bool IsHelpQuery(string trimmed)
    {
        var core = trimmed.Trim('?');
        if (core.Length == 0 || core.Length == trimmed.Length) return false;
        foreach (var ch in core) if (!(char.IsLetterOrDigit(ch) || ch is '_' or '.' or '*')) return false;
        return true;
    }

    /// <summary>Reads nbformat 4 JSON (cells' `source` as a list of lines or one string). Null when it is not a notebook.</summary>
    public static Notebook? Read(string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        var lineStarts = new List<int> { 0 };
        for (int i = 0; i < bytes.Length; i++) if (bytes[i] == (byte)'\n') lineStarts.Add(i + 1);

        var cells = new List<(string Type, List<(string Text, string Raw, int Offset)> Source)>();
        string? language = null, kernelName = null;
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, MaxDepth = 256 });
        // The path of property names to the current container: [] root, ["cells"], ["cells", "#"], ["cells", "#", "source"]…
        var path = new List<string>();
        string? property = null;
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        property = reader.GetString();
                        break;
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        bool inCells = path.Count == 2 && path[1] == "cells" && reader.TokenType == JsonTokenType.StartObject;
                        path.Add(path.Count == 0 ? "" : property ?? "#");
                        if (inCells) cells.Add(("", []));
                        property = null;
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        if (path.Count > 0) path.RemoveAt(path.Count - 1);
                        property = null;
                        break;
                    case JsonTokenType.String:
                        var depth = path.Count;
                        if (depth == 3 && path[1] == "cells" && cells.Count > 0)
                        {
                            if (property == "cell_type") cells[^1] = (reader.GetString() ?? "", cells[^1].Source);
                            else if (property == "source") cells[^1].Source.Add((reader.GetString() ?? "", RawText(ref reader), (int)reader.TokenStartIndex));
                        }
                        else if (depth == 4 && path[1] == "cells" && path[3] == "source" && cells.Count > 0)
                            cells[^1].Source.Add((reader.GetString() ?? "", RawText(ref reader), (int)reader.TokenStartIndex));
                        else if (depth == 3 && path[1] == "metadata" && (path[2] == "kernelspec" && property == "language" || path[2] == "language_info" && property == "name"))
                            language ??= reader.GetString();
                        else if (depth == 3 && path[1] == "metadata" && path[2] == "kernelspec" && property == "name")
                            kernelName ??= reader.GetString();
                        property = null;
                        break;
                    default:
                        property = null;
                        break;
                }
            }
        }
        catch (JsonException) { return null; }
        if (cells.Count == 0 && !json.Contains("\"cells\"", StringComparison.Ordinal)) return null;

        var code = new StringBuilder();
        var lines = new List<NotebookLine>();
        int codeCells = 0;
        for (int c = 0; c < cells.Count; c++)
        {
            if (cells[c].Type != "code") continue;
            codeCells++;
            // The cell's lines with where each starts in the file: a string may hold several lines (the one-string form).
            var cellLines = new List<(string Text, int FileLine, int FileColumn, string Raw)>();
            bool lastOpen = false; // the previous source string ended without a newline: the next one continues its line
            foreach (var (text, raw, offset) in cells[c].Source)
            {
                if (text.Length == 0) continue;
                int fileLine = LineOf(lineStarts, offset);
                int rawColumn = Utf16Column(bytes, lineStarts[fileLine - 1], offset) + 1; // after the opening quote
                var parts = text.Split('\n');
                var rawParts = SplitRaw(raw);
                int count = text.EndsWith('\n') ? parts.Length - 1 : parts.Length;
                for (int i = 0; i < count; i++)
                {
                    var rawPart = i < rawParts.Count ? rawParts[i] : parts[i];
                    if (i == 0 && lastOpen && cellLines.Count > 0)
                    {
                        var last = cellLines[^1];
                        cellLines[^1] = (last.Text + parts[0], last.FileLine, last.FileColumn, last.Raw + rawPart);
                    }
                    else cellLines.Add((parts[i], fileLine, rawColumn, rawPart));
                    rawColumn += rawPart.Length + 2; // past the `\n` escape
                }
                lastOpen = !text.EndsWith('\n');
            }
            bool cellMagic = cellLines.Count > 0 && cellLines[0].Text.TrimStart().StartsWith("%%", StringComparison.Ordinal);
            if (cellMagic && Array.IndexOf(PythonBodiedCellMagics, MagicName(cellLines[0].Text)) >= 0) cellMagic = false; // first line handled as a line magic
            for (int i = 0; i < cellLines.Count; i++)
            {
                var (text, fileLine, fileColumn, raw) = cellLines[i];
                text = text.TrimEnd('\r');
                var trimmed = text.TrimStart();
                bool magic = cellMagic || trimmed.StartsWith('%') || trimmed.StartsWith('!') || IsHelpQuery(trimmed);
                code.Append(magic ? text[..(text.Length - trimmed.Length)] + (cellMagic && i > 0 ? "" : "pass") : text).Append('\n');
                lines.Add(new NotebookLine(c + 1, i + 1, fileLine, fileColumn, raw));
            }
        }
        return new Notebook { Code = code.ToString(), Lines = lines, CodeCells = codeCells, Language = language, KernelName = kernelName };
    }

    /// <summary>The 1-based file column of a 1-based column in line <paramref name="line"/> of <see cref="Code"/>.</summary>
    public (int Line, int Column) FilePosition(int line, int column)
    {
        if (line < 1 || line > Lines.Count) return (1, 1);
        var l = Lines[line - 1];
        return (l.FileLine, l.FileColumn + RawOffset(l.Raw, Math.Max(0, column - 1)));
    }

    /// <summary>How many UTF-16 units of the escaped text hold the first <paramref name="chars"/> characters of the decoded text.</summary>
    static int RawOffset(string raw, int chars)
    {
        int i = 0, n = 0;
        while (i < raw.Length && n < chars)
        {
            if (raw[i] == '\\' && i + 1 < raw.Length) i += raw[i + 1] == 'u' ? 6 : 2;
            else i++;
            n++;
        }
        return i;
    }

    /// <summary>The escaped text split at its `\n` escapes.</summary>
    static List<string> SplitRaw(string raw)
    {
        var parts = new List<string>();
        int start = 0;
        for (int i = 0; i < raw.Length; i++)
        {
            if (raw[i] != '\\' || i + 1 >= raw.Length) continue;
            if (raw[i + 1] == 'n') { parts.Add(raw[start..i]); start = i + 2; }
            i++;
        }
        parts.Add(raw[start..]);
        return parts;
    }

    static string RawText(ref Utf8JsonReader reader) =>
        reader.HasValueSequence ? Encoding.UTF8.GetString(System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence)) : Encoding.UTF8.GetString(reader.ValueSpan);

    static int LineOf(List<int> starts, int offset)
    {
        int i = starts.BinarySearch(offset);
        return i >= 0 ? i + 1 : ~i;
    }

    static int Utf16Column(byte[] bytes, int lineStart, int offset) =>
        Encoding.UTF8.GetCharCount(bytes, lineStart, offset - lineStart) + 1;
}
