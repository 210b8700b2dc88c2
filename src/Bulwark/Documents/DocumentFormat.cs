namespace Bulwark.Documents;

/// <summary>
/// A kind of document (YAML, a GitHub Actions workflow, later TOML, JSON, INI, Dockerfile…) that the engine parses
/// once per file and hands to every rule that reads it. A format knows its syntax, never security.
/// </summary>
public abstract class DocumentFormat
{
    /// <summary>A short name for messages ("YAML", "GitHub Actions workflow").</summary>
    public abstract string Name { get; }

    internal abstract object ParseUntyped(DocumentSource source);
}

/// <summary>A format whose parsed form is <typeparamref name="TDocument"/>. Implementations are stateless singletons.</summary>
public abstract class DocumentFormat<TDocument> : DocumentFormat where TDocument : class
{
    /// <summary>Parses the text; throws <see cref="DocumentException"/> when it cannot. May reuse other formats through <paramref name="source"/>.</summary>
    public abstract TDocument Parse(DocumentSource source);

    internal sealed override object ParseUntyped(DocumentSource source) => Parse(source);
}

/// <summary>A document that cannot be parsed, with the 1-based position of the problem when known.</summary>
public sealed class DocumentException(string message, int line = 0, int column = 0) : Exception(message)
{
    public int Line { get; } = line;
    public int Column { get; } = column;
}

/// <summary>
/// One file's text and the documents parsed from it so far: each format parses at most once per file, and a format
/// built on another (a workflow on YAML) reuses the other's result.
/// </summary>
public sealed class DocumentSource(string path, string text)
{
    readonly Dictionary<DocumentFormat, object> _parsed = new(ReferenceEqualityComparer.Instance);

    /// <summary>The file's path relative to the scan root, for messages.</summary>
    public string Path { get; } = path;
    public string Text { get; } = text;

    /// <summary>The document in <paramref name="format"/>, parsed on first request; a failure is remembered and rethrown.</summary>
    public TDocument Get<TDocument>(DocumentFormat<TDocument> format) where TDocument : class => (TDocument)GetUntyped(format);

    internal object GetUntyped(DocumentFormat format)
    {
        if (_parsed.TryGetValue(format, out var done))
            return done is DocumentException failed ? throw failed : done;
        try
        {
            var document = format.ParseUntyped(this);
            _parsed[format] = document;
            return document;
        }
        catch (DocumentException ex)
        {
            _parsed[format] = ex;
            throw;
        }
    }
}
