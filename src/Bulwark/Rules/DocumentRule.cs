using Bulwark.Documents;
using Bulwark.Core;

namespace Bulwark.Rules;

/// <summary>
/// A check on a parsed document (a workflow, a YAML or TOML file…). The engine parses each file of the rule's
/// <see cref="Kinds"/> once into the rule's <see cref="Format"/> and hands the same document to every rule that
/// reads it; a file that does not parse is reported once, not once per rule.
/// </summary>
public abstract class DocumentRule : IRule
{
    public abstract RuleInfo Info { get; }
    /// <summary>The file kinds this rule reads (decided from the path at discovery).</summary>
    public abstract IReadOnlyList<FileKind> Kinds { get; }
    /// <summary>The document format for a file of <paramref name="kind"/> (one rule may read workflows and actions).</summary>
    public abstract DocumentFormat FormatFor(FileKind kind);
    internal abstract void CheckDocument(object document, DocumentContext context);
}

/// <summary>A document rule over documents of type <typeparamref name="TDocument"/>.</summary>
public abstract class DocumentRule<TDocument> : DocumentRule where TDocument : class
{
    public abstract void Check(TDocument document, DocumentContext context);

    internal sealed override void CheckDocument(object document, DocumentContext context) => Check((TDocument)document, context);
}

/// <summary>What a document rule sees besides its document: the file (for positions) and where findings go.</summary>
public sealed class DocumentContext(SourceFile file, FileKind kind, ScanSettings settings, List<Finding> sink) : RuleContext(settings, sink)
{
    public SourceFile File { get; } = file;
    public FileKind Kind { get; } = kind;

    /// <summary>Reports the text between two offsets of the file, at the rule's severity and confidence unless given.</summary>
    public void Report(IRule rule, int start, int end, string message, Severity? severity = null, Confidence? confidence = null,
        bool sensitive = false, string? fingerprintKey = null, IReadOnlyList<FlowStep>? related = null,
        IReadOnlyDictionary<string, PropertyValue>? properties = null) =>
        Sink.Add(Make(rule.Info, message, LocationOf(File, start, end)) with
        {
            Severity = severity ?? rule.Info.Severity,
            Confidence = confidence ?? rule.Info.Confidence,
            Sensitive = sensitive,
            FingerprintKey = fingerprintKey,
            Related = related ?? [],
            Properties = properties ?? Finding.EmptyProperties,
        });

    public Location Locate(int start, int end) => LocationOf(File, start, end);
}
