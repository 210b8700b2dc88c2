using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Bulwark.Documents.Yaml;

/// <summary>Bounds on what one YAML text may cost to load; exceeding one is a <see cref="YamlLoadException"/>.</summary>
public sealed record YamlLimits
{
    /// <summary>Longest text accepted, in characters.</summary>
    public int MaxLength { get; init; } = 8 * 1024 * 1024;
    /// <summary>Deepest nesting of sequences and mappings (the parser's cost grows with depth).</summary>
    public int MaxDepth { get; init; } = 128;
    /// <summary>Most nodes built (an alias counts once).</summary>
    public int MaxNodes { get; init; } = 1_000_000;
    /// <summary>Most nodes a reader would visit with every alias expanded: stops "billion laughs" documents.</summary>
    public long MaxExpandedNodes { get; init; } = 2_000_000;

    public static readonly YamlLimits Default = new();
}

/// <summary>A YAML text that is malformed, or too large, deep or alias-heavy to load; carries the 1-based position when known.</summary>
public sealed class YamlLoadException(string message, int line = 0, int column = 0) : FormatException(message)
{
    public int Line { get; } = line;
    public int Column { get; } = column;

    /// <summary>"line 3, column 7: message", or the message alone when the position is unknown.</summary>
    public string Describe() => Line > 0 ? $"line {Line}, column {Column}: {Message}" : Message;
}

/// <summary>
/// Loads YAML (every document of a stream, anchors and aliases, merge keys left to <see cref="YamlMapping"/>) into
/// nodes that keep their positions, safely on hostile input. It is built on YamlDotNet's event parser rather than its
/// representation model: the model builds nodes recursively (deep nesting overflows the stack, which no handler can
/// catch) and gives no way to stop early. Here the tree is built with an explicit stack, an alias to a node that is
/// still open (a self-reference such as <c>&amp;a [*a]</c>) is an error, and size, depth, node count and the
/// alias-expanded size are checked while parsing, so time and memory stay proportional to the limits.
/// </summary>
public static class YamlLoader
{
    public static YamlFile Load(string text, YamlLimits? limits = null)
    {
        limits ??= YamlLimits.Default;
        if (text.Length > limits.MaxLength)
            throw new YamlLoadException($"YAML text of {text.Length} characters is larger than the limit of {limits.MaxLength}");
        try
        {
            return new Builder(text, limits).Run();
        }
        catch (YamlLoadException) { throw; }
        catch (YamlException ex)
        {
            throw new YamlLoadException(Clean(ex.Message), (int)ex.Start.Line, (int)ex.Start.Column);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or FormatException or IndexOutOfRangeException)
        {
            // YamlDotNet reports a few malformed inputs with general exceptions; they are still the text's fault.
            throw new YamlLoadException("malformed YAML: " + Clean(ex.Message));
        }
    }

    /// <summary>Loads, or returns the error instead of throwing.</summary>
    public static bool TryLoad(string text, out YamlFile? file, out YamlLoadException? error, YamlLimits? limits = null)
    {
        try { file = Load(text, limits); error = null; return true; }
        catch (YamlLoadException ex) { file = null; error = ex; return false; }
    }

    // YamlDotNet prefixes messages with "(Line: 1, Col: 2, Idx: 1) - (Line: …): "; the position is reported separately.
    static string Clean(string message)
    {
        if (message.StartsWith("(Line:", StringComparison.Ordinal))
        {
            int sep = message.IndexOf("): ", StringComparison.Ordinal);
            if (sep > 0) message = message[(sep + 3)..];
        }
        message = message.Trim();
        return message.Length > 200 ? message[..200] + "…" : message;
    }

    sealed class Builder(string text, YamlLimits limits)
    {
        sealed class Frame(YamlNode node, long expandedAtOpen)
        {
            public YamlNode Node { get; } = node;
            public long ExpandedAtOpen { get; } = expandedAtOpen;
            public YamlNode? PendingKey;
            public int LastChildEnd = -1;
        }

        readonly List<Frame> _stack = [];
        readonly Dictionary<string, YamlNode> _anchors = new(StringComparer.Ordinal);
        // Expanded size of each anchored node, for the aliases that repeat it; a node still open has none yet.
        readonly Dictionary<YamlNode, long> _weights = new(ReferenceEqualityComparer.Instance);
        long _expanded;
        int _nodes;
        YamlNode? _root;

        public YamlFile Run()
        {
            var parser = new Parser(new Scanner(new StringReader(text), skipComments: true));
            var documents = new List<YamlDocument>();
            while (parser.MoveNext())
            {
                switch (parser.Current)
                {
                    case DocumentStart:
                        _anchors.Clear(); _weights.Clear(); _root = null; _expanded = 0;
                        break;
                    case DocumentEnd:
                        documents.Add(new YamlDocument(_root));
                        break;
                    case Scalar s:
                    {
                        var node = new YamlScalar { Value = s.Value, Style = StyleOf(s.Style) };
                        Place(node, s, s.Anchor, s.Tag);
                        Grow(node, 1);
                        if (!s.Anchor.IsEmpty) _weights[node] = 1;
                        Attach(node, node.End);
                        break;
                    }
                    case SequenceStart ss:
                        Open(new YamlSequence(), ss, ss.Anchor, ss.Tag);
                        break;
                    case MappingStart ms:
                        Open(new YamlMapping(), ms, ms.Anchor, ms.Tag);
                        break;
                    case SequenceEnd or MappingEnd:
                        Close(parser.Current);
                        break;
                    case AnchorAlias alias:
                        Alias(alias);
                        break;
                }
            }
            return new YamlFile(text, documents);
        }

        void Place(YamlNode node, ParsingEvent e, AnchorName anchor, TagName tag)
        {
            if (++_nodes > limits.MaxNodes)
                throw new YamlLoadException($"more than {limits.MaxNodes} YAML nodes", (int)e.Start.Line, (int)e.Start.Column);
            node.Start = (int)e.Start.Index;
            node.End = (int)e.End.Index;
            node.Line = (int)e.Start.Line;
            node.Column = (int)e.Start.Column;
            if (!tag.IsEmpty && !tag.IsNonSpecific) node.Tag = tag.Value;
            if (!anchor.IsEmpty)
            {
                node.Anchor = anchor.Value;
                _anchors[anchor.Value] = node; // a later anchor of the same name shadows the earlier one
            }
        }

        void Grow(YamlNode node, long by)
        {
            _expanded += by;
            if (_expanded > limits.MaxExpandedNodes)
                throw new YamlLoadException(
                    $"aliases expand this document to more than {limits.MaxExpandedNodes} nodes (an alias bomb?)", node.Line, node.Column);
        }

        void Open(YamlNode node, ParsingEvent e, AnchorName anchor, TagName tag)
        {
            Place(node, e, anchor, tag);
            if (_stack.Count >= limits.MaxDepth)
                throw new YamlLoadException($"nesting deeper than {limits.MaxDepth} levels", node.Line, node.Column);
            Grow(node, 1);
            _stack.Add(new Frame(node, _expanded - 1));
        }

        void Close(ParsingEvent e)
        {
            var frame = _stack[^1];
            _stack.RemoveAt(_stack.Count - 1);
            var node = frame.Node;
            // A block collection's end event sits at the next token, possibly lines later: end at the last child instead.
            int end = frame.LastChildEnd >= 0 ? frame.LastChildEnd : node.End;
            if (text.Length > 0 && e.End.Index > 0 && e.End.Index <= text.Length && text[(int)e.End.Index - 1] is ']' or '}')
                end = Math.Max(end, (int)e.End.Index);
            else if (e.Start.Index < text.Length && text[(int)e.Start.Index] is ']' or '}')
                end = Math.Max(end, (int)e.Start.Index + 1);
            node.End = Math.Max(end, node.Start);
            if (node.Anchor is not null) _weights[node] = _expanded - frame.ExpandedAtOpen;
            Attach(node, node.End);
        }

        void Alias(AnchorAlias alias)
        {
            var name = alias.Value.Value;
            int line = (int)alias.Start.Line, column = (int)alias.Start.Column;
            if (!_anchors.TryGetValue(name, out var target))
                throw new YamlLoadException($"alias *{name} refers to no anchor defined before it", line, column);
            if (!_weights.TryGetValue(target, out long weight))
                throw new YamlLoadException($"alias *{name} refers to a node that contains it (a recursive structure)", line, column);
            if (++_nodes > limits.MaxNodes)
                throw new YamlLoadException($"more than {limits.MaxNodes} YAML nodes", line, column);
            _expanded += weight;
            if (_expanded > limits.MaxExpandedNodes)
                throw new YamlLoadException(
                    $"aliases expand this document to more than {limits.MaxExpandedNodes} nodes (an alias bomb?)", line, column);
            Attach(target, (int)alias.End.Index);
        }

        void Attach(YamlNode node, int end)
        {
            if (_stack.Count == 0) { _root = node; return; }
            var parent = _stack[^1];
            parent.LastChildEnd = Math.Max(parent.LastChildEnd, end);
            switch (parent.Node)
            {
                case YamlSequence seq:
                    seq._items.Add(node);
                    break;
                case YamlMapping map:
                    if (parent.PendingKey is null) parent.PendingKey = node;
                    else
                    {
                        map._entries.Add(new KeyValuePair<YamlNode, YamlNode>(parent.PendingKey, node));
                        parent.PendingKey = null;
                    }
                    break;
            }
        }

        static YamlScalarStyle StyleOf(ScalarStyle style) => style switch
        {
            ScalarStyle.SingleQuoted => YamlScalarStyle.SingleQuoted,
            ScalarStyle.DoubleQuoted => YamlScalarStyle.DoubleQuoted,
            ScalarStyle.Literal => YamlScalarStyle.Literal,
            ScalarStyle.Folded => YamlScalarStyle.Folded,
            _ => YamlScalarStyle.Plain,
        };
    }
}
