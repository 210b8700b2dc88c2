using Bulwark.Core;
using Tomlyn.Parsing;
using Tomlyn.Syntax;

namespace Bulwark.Dependencies.Manifests;

/// <summary>
/// A TOML document reduced to tables, arrays and scalars that remember where they are (UTF-16 offsets into the text),
/// built from Tomlyn's syntax tree so manifest findings and fixes can point at exact characters.
/// </summary>
public sealed class TomlValue
{
    public TomlKind Kind { get; init; }
    /// <summary>Scalar text: the decoded string, or the literal's source for numbers, booleans and dates.</summary>
    public string? Scalar { get; init; }
    public Dictionary<string, TomlValue>? Table { get; init; }
    public List<TomlValue>? Array { get; init; }
    /// <summary>Start and end offsets of the value (for strings, including the quotes).</summary>
    public int Start { get; set; }
    public int End { get; set; }
    /// <summary>Offset of the key that introduced this value, when it has one.</summary>
    public int KeyStart { get; set; } = -1;
    /// <summary>True when the string token's source is exactly quote + value + quote, so offsets inside map 1:1.</summary>
    public bool PlainString { get; init; }

    public TomlValue? this[string key] => Table is not null && Table.TryGetValue(key, out var v) ? v : null;
    public string? Str(string key) => this[key] is { Kind: TomlKind.String } v ? v.Scalar : null;

    public TomlValue? Path(params string[] keys)
    {
        var cur = this;
        foreach (var k in keys)
        {
            cur = cur[k];
            if (cur is null) return null;
        }
        return cur;
    }
}

public enum TomlKind { Table, Array, String, Other }

public static class TomlTree
{
    /// <summary>Parses TOML; returns null and an error message when the document has syntax errors.</summary>
    public static TomlValue? Parse(string text, out string? error)
    {
        error = NestingGuard.CheckToml(text);
        if (error is not null) return null;
        DocumentSyntax doc;
        try { doc = SyntaxParser.Parse(text, "manifest", false); }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            error = ex.Message; return null;
        }
        if (doc.HasErrors)
        {
            foreach (var d in doc.Diagnostics)
                if (d.Kind == DiagnosticMessageKind.Error) { error = $"line {d.Span.Start.Line + 1}: {d.Message}"; break; }
            return null;
        }
        var root = NewTable(0, text.Length);
        foreach (var kv in doc.KeyValues) AddKeyValue(root, kv, text);
        foreach (var t in doc.Tables)
        {
            var keys = KeyParts(t.Name);
            if (keys.Count == 0) continue;
            TomlValue target;
            if (t is TableArraySyntax)
            {
                var parent = Descend(root, keys, keys.Count - 1, t.Span.Start.Offset);
                var last = keys[^1];
                if (!parent.Table!.TryGetValue(last, out var arr) || arr.Kind != TomlKind.Array)
                {
                    arr = new TomlValue { Kind = TomlKind.Array, Array = [], Start = t.Span.Start.Offset, End = t.Span.End.Offset + 1 };
                    parent.Table[last] = arr;
                }
                target = NewTable(t.Span.Start.Offset, t.Span.End.Offset + 1);
                target.KeyStart = t.Span.Start.Offset;
                arr.Array!.Add(target);
                arr.End = t.Span.End.Offset + 1;
            }
            else
            {
                target = Descend(root, keys, keys.Count, t.Span.Start.Offset);
                target.Start = t.Span.Start.Offset; target.End = t.Span.End.Offset + 1;
                target.KeyStart = t.Span.Start.Offset;
            }
            foreach (var kv in t.Items) AddKeyValue(target, kv, text);
        }
        return root;
    }

    static TomlValue NewTable(int start, int end) => new() { Kind = TomlKind.Table, Table = new(StringComparer.Ordinal), Start = start, End = end };

    static TomlValue Descend(TomlValue table, List<string> keys, int count, int offset)
    {
        var cur = table;
        for (int i = 0; i < count; i++)
        {
            if (!cur.Table!.TryGetValue(keys[i], out var next))
            {
                next = NewTable(offset, offset);
                cur.Table[keys[i]] = next;
            }
            // `[a.b]` after `[[a]]` extends the last element of the array of tables.
            if (next.Kind == TomlKind.Array && next.Array!.Count > 0 && next.Array[^1].Kind == TomlKind.Table) next = next.Array[^1];
            if (next.Kind != TomlKind.Table) return NewTable(offset, offset);
            cur = next;
        }
        return cur;
    }

    static List<string> KeyParts(KeySyntax? key)
    {
        var parts = new List<string>();
        if (key is null) return parts;
        parts.Add(KeyText(key.Key));
        if (key.DotKeys is not null)
            foreach (var d in key.DotKeys) parts.Add(KeyText(d.Key));
        return parts;
    }

    static string KeyText(BareKeyOrStringValueSyntax? k) => k switch
    {
        BareKeySyntax b => b.Key?.Text ?? "",
        StringValueSyntax s => s.Value ?? "",
        _ => "",
    };

    static void AddKeyValue(TomlValue table, KeyValueSyntax kv, string text)
    {
        var keys = KeyParts(kv.Key);
        if (keys.Count == 0 || kv.Value is null) return;
        var parent = Descend(table, keys, keys.Count - 1, kv.Span.Start.Offset);
        var value = Convert(kv.Value, text);
        value.KeyStart = kv.Span.Start.Offset;
        parent.Table![keys[^1]] = value;
    }

    static TomlValue Convert(ValueSyntax v, string text)
    {
        int start = v.Span.Start.Offset, end = Math.Min(text.Length, v.Span.End.Offset + 1);
        switch (v)
        {
            case StringValueSyntax s:
            {
                var val = s.Value ?? "";
                var src = text.Substring(start, end - start);
                bool plain = src.Length == val.Length + 2 && src[0] is '"' or '\'' && string.CompareOrdinal(src, 1, val, 0, val.Length) == 0;
                return new TomlValue { Kind = TomlKind.String, Scalar = val, Start = start, End = end, PlainString = plain };
            }
            case ArraySyntax a:
            {
                var list = new List<TomlValue>();
                foreach (var item in a.Items)
                    if (item.Value is not null) list.Add(Convert(item.Value, text));
                return new TomlValue { Kind = TomlKind.Array, Array = list, Start = start, End = end };
            }
            case InlineTableSyntax t:
            {
                var table = NewTable(start, end);
                foreach (var item in t.Items)
                    if (item.KeyValue is not null) AddKeyValue(table, item.KeyValue, text);
                return table;
            }
            default:
                return new TomlValue { Kind = TomlKind.Other, Scalar = text.Substring(start, end - start).Trim(), Start = start, End = end };
        }
    }
}
