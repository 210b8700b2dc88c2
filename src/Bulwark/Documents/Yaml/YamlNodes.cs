namespace Bulwark.Documents.Yaml;

public enum YamlScalarStyle { Plain, SingleQuoted, DoubleQuoted, Literal, Folded }

/// <summary>
/// A node of a loaded YAML document with its place in the text: <see cref="Start"/> and <see cref="End"/> are
/// UTF-16 offsets into the loaded text (end exclusive), <see cref="Line"/> and <see cref="Column"/> 1-based.
/// An alias is resolved to the very node its anchor names, so a document is a graph without cycles whose expanded
/// size the loader has bounded (see <see cref="YamlLimits"/>).
/// </summary>
public abstract class YamlNode
{
    public int Start { get; internal set; }
    public int End { get; internal set; }
    public int Line { get; internal set; }
    public int Column { get; internal set; }
    /// <summary>An explicit tag (`!reference`, `!!str`), or null.</summary>
    public string? Tag { get; internal set; }
    public string? Anchor { get; internal set; }

    public YamlScalar? AsScalar => this as YamlScalar;
    public YamlMapping? AsMapping => this as YamlMapping;
    public YamlSequence? AsSequence => this as YamlSequence;
}

public sealed class YamlScalar : YamlNode
{
    public required string Value { get; init; }
    public YamlScalarStyle Style { get; init; }

    /// <summary>`~`, `null` or nothing at all, written plain.</summary>
    public bool IsNull => Style == YamlScalarStyle.Plain && Value is "" or "~" or "null" or "Null" or "NULL";

    /// <summary>YAML 1.2 core-schema booleans written plain (`true`, `False`); null for anything else.</summary>
    public bool? AsBool => Style != YamlScalarStyle.Plain ? null : Value switch
    {
        "true" or "True" or "TRUE" => true,
        "false" or "False" or "FALSE" => false,
        _ => null,
    };

    public override string ToString() => Value;
}

public sealed class YamlSequence : YamlNode
{
    internal readonly List<YamlNode> _items = [];
    public IReadOnlyList<YamlNode> Items => _items;
}

public sealed class YamlMapping : YamlNode
{
    internal readonly List<KeyValuePair<YamlNode, YamlNode>> _entries = [];
    public IReadOnlyList<KeyValuePair<YamlNode, YamlNode>> Entries => _entries;

    /// <summary>The value of a scalar key; merged mappings (`&lt;&lt;: *base`) are searched after the mapping's own keys.</summary>
    public YamlNode? this[string key] => Find(key, 0)?.Value;

    /// <summary>The key node itself (for locations), or null.</summary>
    public YamlScalar? KeyNode(string key) => Find(key, 0)?.Key as YamlScalar;

    public bool ContainsKey(string key) => Find(key, 0) is not null;

    /// <summary>The value when it is a scalar: its text; null when absent or not a scalar.</summary>
    public string? GetString(string key) => this[key] is YamlScalar s && !s.IsNull ? s.Value : null;

    public YamlMapping? GetMapping(string key) => this[key] as YamlMapping;
    public YamlSequence? GetSequence(string key) => this[key] as YamlSequence;

    /// <summary>Entries whose key is a scalar, merged keys included (own keys win), in document order.</summary>
    public IEnumerable<(YamlScalar Key, YamlNode Value)> Pairs()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (k, v) in PairsOf(this, seen, 0)) yield return (k, v);
    }

    static IEnumerable<(YamlScalar, YamlNode)> PairsOf(YamlMapping m, HashSet<string> seen, int depth)
    {
        foreach (var e in m._entries)
            if (e.Key is YamlScalar k && !IsMergeKey(k) && seen.Add(k.Value)) yield return (k, e.Value);
        if (depth > 8) yield break;
        foreach (var e in m._entries)
        {
            if (e.Key is not YamlScalar k || !IsMergeKey(k)) continue;
            foreach (var source in MergeSources(e.Value))
                foreach (var p in PairsOf(source, seen, depth + 1)) yield return p;
        }
    }

    KeyValuePair<YamlNode, YamlNode>? Find(string key, int depth)
    {
        foreach (var e in _entries)
            if (e.Key is YamlScalar k && k.Value == key && !IsMergeKey(k)) return e;
        if (depth > 8) return null; // merge chains are short; the loader already bounded the graph
        foreach (var e in _entries)
        {
            if (e.Key is not YamlScalar k || !IsMergeKey(k)) continue;
            foreach (var source in MergeSources(e.Value))
                if (source.Find(key, depth + 1) is { } found) return found;
        }
        return null;
    }

    static bool IsMergeKey(YamlScalar k) => k.Value == "<<" && k.Style == YamlScalarStyle.Plain;

    static IEnumerable<YamlMapping> MergeSources(YamlNode value)
    {
        if (value is YamlMapping m) yield return m;
        else if (value is YamlSequence s)
            foreach (var item in s.Items)
                if (item is YamlMapping im) yield return im;
    }
}

/// <summary>One document of a YAML stream (the text between `---` markers).</summary>
public sealed class YamlDocument(YamlNode? root)
{
    /// <summary>Null for an empty document.</summary>
    public YamlNode? Root { get; } = root;
}

/// <summary>Every document of a loaded YAML text, with the text itself for rules that need the raw source of a node.</summary>
public sealed class YamlFile(string text, IReadOnlyList<YamlDocument> documents)
{
    public string Text { get; } = text;
    public IReadOnlyList<YamlDocument> Documents { get; } = documents;
    /// <summary>The first document's root, or null when there is none.</summary>
    public YamlNode? Root => Documents.Count > 0 ? Documents[0].Root : null;

    /// <summary>The source text a node spans.</summary>
    public string SourceOf(YamlNode node)
    {
        int start = Math.Clamp(node.Start, 0, Text.Length);
        int end = Math.Clamp(node.End, start, Text.Length);
        return Text[start..end];
    }
}
